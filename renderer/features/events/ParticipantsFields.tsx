import type { ParticipantRole } from '../../../shared/model';
import { ActorPicker } from '../../components/ActorPicker';
import { SelectField, TextField } from '../../components/Field';
import { useT } from '../../i18n/useT';
import type { ParticipantDraft } from './draft';
import { blankParticipant } from './draft';
import type { ErrorOf } from './formParts';
import { removeAt, replaceAt } from './formParts';
import { roleOptions } from './labels';

interface Props {
  value: ParticipantDraft[];
  onChange: (next: ParticipantDraft[]) => void;
  errorOf: ErrorOf;
}

/** Who took part and how; one actor may appear in several roles (leader and killed). */
export function ParticipantsFields({ value, onChange, errorOf }: Props) {
  const t = useT();
  const roles = roleOptions(t);
  return (
    <fieldset className="form__section event-form__fieldset">
      <legend><h3>{t('events.form.participants')}</h3></legend>
      {value.map((p, i) => {
        const n = i + 1;
        const path = `participants.${i}`;
        const set = (patch: Partial<ParticipantDraft>) => onChange(replaceAt(value, i, patch));
        return (
          <div key={p.id} role="group" aria-label={t('events.form.participant', { n })} className="subrow event-form__participant">
            <ActorPicker label={t('events.form.participantActor')} value={p.actorId} error={errorOf(`${path}.actorId`)}
              onChange={(actorId) => set({ actorId })} />
            <SelectField<ParticipantRole> label={t('events.form.participantRole')} value={p.role} options={roles}
              error={errorOf(`${path}.role`)} onChange={(role) => set({ role })} />
            <TextField label={t('events.form.participantNote')} value={p.note} error={errorOf(`${path}.note`)} onChange={(note) => set({ note })} />
            <button type="button" className="small subrow__remove" aria-label={t('events.form.removeParticipant', { n })}
              onClick={() => onChange(removeAt(value, i))}>{t('action.remove')}</button>
          </div>
        );
      })}
      <button type="button" className="small" onClick={() => onChange([...value, blankParticipant()])}>{t('events.form.addParticipant')}</button>
    </fieldset>
  );
}
