import { ActorPicker } from '../../components/ActorPicker';
import { TextField } from '../../components/Field';
import { useT } from '../../i18n/useT';
import type { SideDraft } from './draft';
import { blankSide } from './draft';
import type { ErrorOf } from './formParts';
import { removeAt, replaceAt } from './formParts';

interface Props {
  total: string;
  sides: SideDraft[];
  onTotal: (total: string) => void;
  onSides: (sides: SideDraft[]) => void;
  errorOf: ErrorOf;
}

/** Deaths: a stated total and, where the source splits them, a count per side (an actor or a label). */
export function FatalitiesFields({ total, sides, onTotal, onSides, errorOf }: Props) {
  const t = useT();
  return (
    <fieldset className="form__section event-form__fieldset">
      <legend><h3>{t('events.form.fatalities')}</h3></legend>
      <div className="form__grid">
        <TextField label={t('events.form.fatalitiesTotal')} value={total} onChange={onTotal} inputMode="numeric"
          hint={t('events.form.fatalitiesHint')} error={errorOf('fatalities.total')} />
      </div>
      {sides.map((side, i) => {
        const n = i + 1;
        const path = `fatalities.bySide.${i}`;
        return (
          <div key={side.id} role="group" aria-label={t('events.form.side', { n })} className="subrow event-form__side">
            <ActorPicker label={t('events.form.sideActor')} value={side.actorId} error={errorOf(`${path}.actorId`)}
              onChange={(actorId) => onSides(replaceAt(sides, i, { actorId }))} />
            <TextField label={t('events.form.sideLabel')} value={side.label} placeholder={t('events.form.sideLabelPlaceholder')}
              error={errorOf(`${path}.label`)} onChange={(label) => onSides(replaceAt(sides, i, { label }))} />
            <TextField label={t('events.form.sideCount')} value={side.count} inputMode="numeric" error={errorOf(`${path}.count`)}
              onChange={(count) => onSides(replaceAt(sides, i, { count }))} />
            <button type="button" className="small subrow__remove" aria-label={t('events.form.removeSide', { n })}
              onClick={() => onSides(removeAt(sides, i))}>{t('action.remove')}</button>
          </div>
        );
      })}
      <button type="button" className="small" onClick={() => onSides([...sides, blankSide()])}>{t('events.form.addSide')}</button>
    </fieldset>
  );
}
