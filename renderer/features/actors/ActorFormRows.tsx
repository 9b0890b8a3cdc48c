import type { ActorName, Membership, StatusEntry } from '../../../shared/model';
import { NAME_TYPES, STATUSES, newId } from '../../../shared/model';
import { ActorPicker } from '../../components/ActorPicker';
import { DateField } from '../../components/DateField';
import { SelectField, TextField } from '../../components/Field';
import { useT } from '../../i18n/useT';
import type { RowProps } from './ActorForm';
import { GROUP_KINDS, nameTypeKey, statusKey } from './labels';


function replaceAt<T>(list: readonly T[], index: number, patch: Partial<T>): T[] {
  return list.map((item, i) => (i === index ? { ...item, ...patch } : item));
}

export function NameRows({ draft, update, err }: RowProps) {
  const t = useT();
  const set = (i: number, patch: Partial<ActorName>) => update({ names: replaceAt(draft.names, i, patch) });
  return (
    <div className="form__section">
      <div className="section-head">
        <h2 className="section-title">{t('actors.names')}</h2>
        <button type="button" className="small" onClick={() => update({ names: [...draft.names, { id: newId(), name: '', type: 'alias', note: '', citations: [] }] })}>
          {t('actors.addName')}
        </button>
      </div>
      {draft.names.length > 0 ? <p className="field__hint">{t('actors.nameTypeHelp')}</p> : null}
      {draft.names.map((n, i) => (
        <div key={n.id} className="subrow" style={{ gridTemplateColumns: '2fr 1.4fr 2fr auto' }}>
          <TextField label={t('actors.otherNameShort')} srLabel={t('actors.otherName', { n: i + 1 })} value={n.name} error={err(`names.${i}.name`)} onChange={(name) => set(i, { name })} />
          <SelectField label={t('actors.nameTypeShort')} srLabel={t('actors.nameType', { n: i + 1 })} value={n.type} onChange={(type) => set(i, { type })}
            options={NAME_TYPES.map((type) => ({ value: type, label: t(nameTypeKey(type)) }))} />
          <TextField label={t('common.notes')} srLabel={t('actors.nameNote', { n: i + 1 })} value={n.note} error={err(`names.${i}.note`)} onChange={(note) => set(i, { note })} />
          <button type="button" className="small subrow__remove" aria-label={t('actors.removeName', { n: i + 1 })}
            onClick={() => update({ names: draft.names.filter((_, j) => j !== i) })}>{t('action.remove')}</button>
        </div>
      ))}
    </div>
  );
}

export function MembershipRows({ draft, update, err, setInvalidDate }: RowProps) {
  const t = useT();
  const set = (i: number, patch: Partial<Membership>) => update({ memberships: replaceAt(draft.memberships, i, patch) });
  return (
    <div className="form__section">
      <div className="section-head">
        <h2 className="section-title">{t('actors.memberships')}</h2>
        <button type="button" className="small" onClick={() => update({ memberships: [...draft.memberships, { id: newId(), groupId: '', role: '', from: null, to: null, note: '', citations: [] }] })}>
          {t('actors.addMembership')}
        </button>
      </div>
      {draft.memberships.map((m, i) => (
        <div key={m.id} className="subrow" style={{ gridTemplateColumns: '2fr 2fr 1.5fr 1.5fr auto' }}>
          <ActorPicker label={t('actors.filterGroup')} srLabel={t('actors.membershipGroup', { n: i + 1 })} value={m.groupId || null} kinds={GROUP_KINDS} excludeId={draft.id}
            error={err(`memberships.${i}.groupId`)} onChange={(groupId) => set(i, { groupId: groupId ?? '' })} />
          <TextField label={t('actors.roleShort')} srLabel={t('actors.membershipRole', { n: i + 1 })} value={m.role} error={err(`memberships.${i}.role`)} onChange={(role) => set(i, { role })} />
          <DateField compact label={t('common.from')} srLabel={t('actors.membershipFrom', { n: i + 1 })} value={m.from} error={err(`memberships.${i}.from`)}
            onChange={(from, invalid) => { set(i, { from }); setInvalidDate(`m${m.id}from`, invalid); }} />
          <DateField compact label={t('common.to')} srLabel={t('actors.membershipTo', { n: i + 1 })} value={m.to} error={err(`memberships.${i}.to`)}
            onChange={(to, invalid) => { set(i, { to }); setInvalidDate(`m${m.id}to`, invalid); }} />
          <button type="button" className="small subrow__remove" aria-label={t('actors.removeMembership', { n: i + 1 })}
            onClick={() => { update({ memberships: draft.memberships.filter((_, j) => j !== i) }); setInvalidDate(`m${m.id}from`, false); setInvalidDate(`m${m.id}to`, false); }}>
            {t('action.remove')}
          </button>
        </div>
      ))}
    </div>
  );
}

export function StatusRows({ draft, update, err, setInvalidDate }: RowProps) {
  const t = useT();
  const set = (i: number, patch: Partial<StatusEntry>) => update({ statusHistory: replaceAt(draft.statusHistory, i, patch) });
  return (
    <div className="form__section">
      <div className="section-head">
        <h2 className="section-title">{t('actors.statusHistory')}</h2>
        <button type="button" className="small" onClick={() => update({ statusHistory: [...draft.statusHistory, { id: newId(), status: 'at_large', date: null, place: '', note: '', citations: [] }] })}>
          {t('actors.addStatus')}
        </button>
      </div>
      {draft.statusHistory.map((s, i) => (
        <div key={s.id} className="subrow" style={{ gridTemplateColumns: '1.3fr 1.5fr 1.5fr 2fr auto' }}>
          <SelectField label={t('actors.statusShort')} srLabel={t('actors.status', { n: i + 1 })} value={s.status} error={err(`statusHistory.${i}.status`)} onChange={(status) => set(i, { status })}
            options={STATUSES.map((st) => ({ value: st, label: t(statusKey(st)) }))} />
          <DateField compact label={t('actors.dateShort')} srLabel={t('actors.statusDate', { n: i + 1 })} value={s.date} error={err(`statusHistory.${i}.date`)}
            onChange={(date, invalid) => { set(i, { date }); setInvalidDate(`s${s.id}`, invalid); }} />
          <TextField label={t('actors.placeShort')} srLabel={t('actors.statusPlace', { n: i + 1 })} value={s.place} error={err(`statusHistory.${i}.place`)} onChange={(place) => set(i, { place })} />
          <TextField label={t('common.notes')} srLabel={t('actors.statusNote', { n: i + 1 })} value={s.note} error={err(`statusHistory.${i}.note`)} onChange={(note) => set(i, { note })} />
          <button type="button" className="small subrow__remove" aria-label={t('actors.removeStatus', { n: i + 1 })}
            onClick={() => { update({ statusHistory: draft.statusHistory.filter((_, j) => j !== i) }); setInvalidDate(`s${s.id}`, false); }}>
            {t('action.remove')}
          </button>
        </div>
      ))}
    </div>
  );
}
