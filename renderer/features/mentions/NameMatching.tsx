import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { MATCH_RULES } from '../../../shared/mentions';
import type { MatchRule } from '../../../shared/mentions';
import { useDb } from '../../db/dbContext';
import { mentionNamesOf, nameRulesOf, setFamilyNames, setNameRule } from '../../db/mentions';
import type { MentionNameInfo } from '../../db/mentionTypes';
import type { MessageKey } from '../../i18n';
import { useT } from '../../i18n/useT';
import { REASONS_ES } from './messages';
import './mentions.css';

const ruleKey = (rule: MatchRule) => `mentions.rule.${rule}` as MessageKey;

/**
 * Per name: how the mentions worker matches it (Anywhere / Only with a cue / Never), the
 * proposed default beside it, and the derived family names, editable. Choices are kept in
 * `nameRules`, apart from the actor record (see docs/mentions.md).
 */
export function NameMatching({ actorId }: { actorId: string }) {
  const db = useDb();
  const t = useT();
  const names = useLiveQuery(() => mentionNamesOf(db, actorId), [db, actorId]);
  const rules = useLiveQuery(() => nameRulesOf(db, actorId), [db, actorId]);
  const [family, setFamily] = useState<string | null>(null);
  if (!names || !rules) return null;
  const overridden = new Set(rules.flatMap((r) => (r.kind === 'rule' ? [`${r.source}:${r.name}`] : [])));
  const familyRow = rules.find((r) => r.kind === 'family');
  const families = names.entries.filter((e) => e.source === 'family').map((e) => e.name);
  const reason = (e: MentionNameInfo) => (t.lang === 'es' ? REASONS_ES[e.reason] ?? e.reason : e.reason);

  const saveFamily = async () => {
    if (family === null) return;
    await setFamilyNames(db, actorId, family.split(','));
    setFamily(null);
  };

  return (
    <section aria-labelledby="sec-name-matching" className="mentions name-matching">
      <h2 id="sec-name-matching" className="section-title">{t('mentions.matching')}</h2>
      <p className="muted">{t('mentions.matchingHint')}</p>
      <table className="plain">
        <tbody>
          {names.entries.map((e) => (
            <tr key={`${e.source}:${e.name}`}>
              <td><strong>{e.name}</strong>{e.source === 'family' ? <span className="muted"> · {t('mentions.source.family')}</span> : null}</td>
              <td>
                <select aria-label={t('mentions.rule', { name: e.name })} value={e.rule}
                  onChange={(ev) => void setNameRule(db, actorId, e.name, e.source, ev.target.value === e.proposed && overridden.has(`${e.source}:${e.name}`) ? null : ev.target.value as MatchRule)}>
                  {MATCH_RULES.map((r) => <option key={r} value={r}>{t(ruleKey(r))}</option>)}
                </select>
              </td>
              <td className="muted">{t('mentions.proposed', { rule: t(ruleKey(e.proposed)), reason: reason(e) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="name-matching__family" onSubmit={(ev) => { ev.preventDefault(); void saveFamily(); }}>
        <label htmlFor={`family-${actorId}`}>{t('mentions.familyNames')}</label>
        <input id={`family-${actorId}`} type="text" aria-label={t('mentions.familyNamesLabel')}
          value={family ?? families.join(', ')} onChange={(ev) => setFamily(ev.target.value)} onBlur={() => void saveFamily()} />
        <span className="muted">{familyRow ? t('mentions.familyEdited') : t('mentions.familyDerived')}</span>
        {familyRow ? <button type="button" onClick={() => { setFamily(null); void setFamilyNames(db, actorId, null); }}>{t('mentions.familyReset')}</button> : null}
      </form>
    </section>
  );
}
