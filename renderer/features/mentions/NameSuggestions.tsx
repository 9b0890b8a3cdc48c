import { useState } from 'react';
import { newId } from '../../../shared/model';
import type { NameSuggestion } from '../../../shared/mentions';
import { ActorPicker } from '../../components/ActorPicker';
import { getActor, saveActor } from '../../db/actors';
import { useDb } from '../../db/dbContext';
import { plural } from '../../i18n/plural';
import { useT } from '../../i18n/useT';
import { useNameSuggestions } from '../../mentions/useMentions';
import { useUi } from '../../state/store';
import './mentions.css';

/** "Names not yet in the case" for a source: create an actor from one, or add it as a name of an existing actor. */
export function NameSuggestions({ documentId }: { documentId: string }) {
  const t = useT();
  const suggestions = useNameSuggestions(documentId);
  if (suggestions === null) return null;
  return (
    <section aria-labelledby="sec-name-suggestions" className="mentions">
      <h2 id="sec-name-suggestions" className="section-title">{t('mentions.suggested')}</h2>
      {suggestions.length === 0 ? <p className="muted">{t('mentions.noSuggestions')}</p> : (
        <ul className="name-suggestions">
          {suggestions.map((s) => <Suggestion key={s.key} suggestion={s} />)}
        </ul>
      )}
    </section>
  );
}

function Suggestion({ suggestion }: { suggestion: NameSuggestion }) {
  const db = useDb();
  const t = useT();
  const notify = useUi((s) => s.notify);
  const [picking, setPicking] = useState(false);
  const { name, aliases, aliasOf } = suggestion;
  // The actor a cue gave this name to ("Florindo Eleuterio Flores, alias Dalmiro"), when one.
  const owner = aliasOf?.actorIds.length === 1 ? { id: aliasOf.actorIds[0]!, name: aliasOf.name } : null;

  const addTo = async (actorId: string | null) => {
    if (!actorId) return;
    const actor = await getActor(db, actorId);
    if (!actor) return;
    const saved = await saveActor(db, { ...actor, names: [...actor.names, { id: newId(), name, type: 'alias', note: '', citations: [] }] });
    if (saved.ok) { notify(t('mentions.addedName', { name, actor: actor.name }), 'info'); setPicking(false); }
    else notify(saved.issues.map((i) => t.dynamic(i.message)).join(' '), 'error');
  };

  return (
    <li>
      <strong className="name-suggestions__name">{name}</strong>
      {aliases.length > 0 && <span>{t('mentions.suggestedAliases', { names: aliases.join(', ') })}</span>}
      {aliasOf && <span>{t('mentions.aliasOf', { name: aliasOf.name })}</span>}
      <span className="muted">{plural(t, 'mentions.suggestedCount', suggestion.count)}</span>
      {owner && (
        <button type="button" aria-label={t('mentions.addToNamedLabel', { name: owner.name, alias: name })} onClick={() => void addTo(owner.id)}>
          {t('mentions.addToNamed', { name: owner.name })}
        </button>
      )}
      <button type="button" aria-label={t('mentions.createActorLabel', { name })}
        onClick={() => useUi.getState().openEditor({ kind: 'actor', id: null, name, aliases, ...(suggestion.group ? { actorKind: 'other_group' } : {}) })}>
        {t('mentions.createActor')}
      </button>
      {picking ? (
        <ActorPicker label={t('mentions.addAsNameLabel', { name })} value={null} onChange={(id) => void addTo(id)} />
      ) : (
        <button type="button" aria-label={t('mentions.addAsNameLabel', { name })} onClick={() => setPicking(true)}>{t('mentions.addAsName')}</button>
      )}
    </li>
  );
}
