import { useLiveQuery } from 'dexie-react-hooks';
import type { ReactNode } from 'react';
import { useEffect, useId } from 'react';
import type { Actor, CaseEvent, SourceDocument } from '../../../shared/model';
import { currentStatus } from '../../../shared/model';
import type { HitGroup, HitKind, SearchHit } from '../../../shared/search/types';
import { useDb } from '../../db/dbContext';
import { getActorsByIds } from '../../db/actors';
import { getDocumentsByIds } from '../../db/documents';
import { getEventsByIds } from '../../db/events';
import type { Translator } from '../../i18n/useT';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/store';
import { kindKey, statusKey } from '../actors/labels';
import { dateText } from '../events/dates';
import { titleOf } from '../events/labels';
import { SimilarSpelling, SnippetText, occurrencesText } from './HitParts';
import { moreOptionId, optionId } from './listbox';
import { viewerTerms } from './query';
import { kindLabelKey } from './SearchFiltersBar';

interface GroupProps {
  kind: HitKind;
  group: HitGroup;
  shown: number;
  query: string;
  onMore: () => void;
}

/** The records a group's hits point at, read for display (the index holds no display text). */
function useRecords(kind: HitKind, hits: readonly SearchHit[]) {
  const db = useDb();
  const ids = [...new Set(hits.map((h) => h.documentId ?? h.recordId))];
  const key = ids.join(',');
  return useLiveQuery(async () => {
    const list = ids.length === 0 ? []
      : kind === 'actor' ? await getActorsByIds(db, ids)
      : kind === 'event' ? await getEventsByIds(db, ids)
      : await getDocumentsByIds(db, ids);
    return { key, byId: new Map<string, Actor | CaseEvent | SourceDocument>(list.map((r) => [r.id, r])) };
  }, [db, kind, key]);
}

/**
 * One kind's hits under a heading with its count ("about N" when phrase counts were not all checked),
 * as a labelled group of options in the results listbox; "Show more" is an option too, so the arrows reach it.
 */
export function HitGroupSection({ kind, group, shown, query, onMore }: GroupProps) {
  const t = useT();
  const headingId = useId();
  const hits = group.hits.slice(0, shown);
  const records = useRecords(kind, hits);
  const count = group.exact ? t('search.count', { count: group.count }) : t('search.countAbout', { count: group.count });
  const more = group.count > hits.length;
  const showMore = () => {
    const ui = useUi.getState();
    // Enter on "Show more" moves on to the first of the hits it brings.
    if (ui.searchActiveId === moreOptionId(kind)) ui.setSearchActiveId(optionId(kind, hits.length));
    onMore();
  };
  return (
    <section className="search-group" role="group" aria-labelledby={headingId}>
      {/* Not an h2: a listbox may hold only groups and options; the label names the group instead. */}
      <div id={headingId} className="search-group__heading">
        {t(kindLabelKey(kind))} <span className="search-group__count">{count}</span>
      </div>
      <ul className="search-hits" role="none">
        {hits.map((hit, i) => (
          <li key={hit.ref} role="none">
            <Hit hit={hit} id={optionId(kind, i)} record={records?.byId.get(hit.documentId ?? hit.recordId)} loaded={records !== undefined} query={query} t={t} />
          </li>
        ))}
      </ul>
      {more ? (
        <OptionButton id={moreOptionId(kind)} className="link search-group__more" onClick={showMore}>
          {t('search.showMore', { kind: t(kindLabelKey(kind)).toLocaleLowerCase(t.lang) })}
        </OptionButton>
      ) : null}
    </section>
  );
}

interface OptionProps {
  id: string;
  className: string;
  onClick: () => void;
  children: ReactNode;
}

/** A result as a listbox option: a button for the mouse, marked and scrolled to when the arrows reach it. */
function OptionButton({ id, className, onClick, children }: OptionProps) {
  const active = useUi((s) => s.searchActiveId === id);
  useEffect(() => {
    if (active) document.getElementById(id)?.scrollIntoView({ block: 'nearest' });
  }, [active, id]);
  return (
    <button type="button" role="option" id={id} aria-selected={active} className={`${className}${active ? ' is-active' : ''}`}
      onClick={onClick}>
      {children}
    </button>
  );
}

interface HitProps {
  hit: SearchHit;
  id: string;
  record: Actor | CaseEvent | SourceDocument | undefined;
  loaded: boolean;
  query: string;
  t: Translator;
}

function Hit({ hit, id, record, loaded, query, t }: HitProps) {
  if (!record) {
    return <div className="search-hit search-hit--gone" role="option" id={id} aria-disabled="true" aria-selected={false}>{loaded ? t('search.gone') : t('search.loadingRow')}</div>;
  }
  const snippet = hit.snippet ? <SnippetText snippet={hit.snippet} kind={hit.kind} t={t} /> : null;
  const similar = <SimilarSpelling hit={hit} t={t} />;
  // An event's or source's title is shown already: a snippet from it would repeat it.
  const titleSnippet = hit.snippet?.field === 'name';
  const ui = useUi.getState;
  switch (hit.kind) {
    case 'actor': {
      const actor = record as Actor;
      const other = hit.matchedName && hit.matchedName !== actor.name ? hit.matchedName : null;
      const sub = [t(kindKey(actor.kind)), actor.kind === 'person' ? t(statusKey(currentStatus(actor.statusHistory))) : null].filter(Boolean).join(' · ');
      return (
        <OptionButton id={id} className="search-hit" onClick={() => ui().selectActor(actor.id)}>
          <span className="search-hit__title">{actor.name}</span>
          {other ? <span className="search-hit__matched">{t('search.matched', { name: other })}</span> : null}
          {similar}
          <span className="search-hit__sub">{sub}</span>
          {/* When a name matched, the names say why; the snippet is for matches elsewhere in the record. */}
          {hit.matchedName ? null : snippet}
        </OptionButton>
      );
    }
    case 'event': {
      const event = record as CaseEvent;
      const place = [event.place.name, event.place.admin1].filter((s) => s.trim() !== '').join(', ');
      const sub = [event.date ? dateText(event.date, t.lang) : t('search.undated'), place].filter(Boolean).join(' · ');
      return (
        <OptionButton id={id} className="search-hit" onClick={() => ui().selectEvent(event.id)}>
          <span className="search-hit__title">{titleOf(t, event)}</span>
          {similar}
          <span className="search-hit__sub">{sub}</span>
          {titleSnippet ? null : snippet}
        </OptionButton>
      );
    }
    case 'document': {
      const doc = record as SourceDocument;
      const sub = [doc.author, doc.publisher, doc.publishedOn ? dateText(doc.publishedOn, t.lang) : null, doc.fileName].filter(Boolean).join(' · ');
      return (
        <OptionButton id={id} className="search-hit" onClick={() => ui().selectDocument(doc.id)}>
          <span className="search-hit__title">{doc.title.trim() || doc.fileName || t('search.untitled')}</span>
          {similar}
          <span className="search-hit__sub">{sub}</span>
          {titleSnippet ? null : snippet}
        </OptionButton>
      );
    }
    case 'page': {
      const doc = record as SourceDocument;
      const title = doc.title.trim() || doc.fileName || t('search.untitled');
      const page = hit.page ?? 1;
      return (
        <OptionButton id={id} className="search-hit"
          onClick={() => ui().openViewer(doc.id, page, viewerTerms(query, hit))}>
          <span className="search-hit__title">
            {title} <span className="search-hit__page">· {t('search.page', { page })}</span>
            {hit.occurrences ? <span className="search-hit__occurrences"> · {occurrencesText(hit.occurrences, t)}</span> : null}
          </span>
          {similar}
          {snippet}
        </OptionButton>
      );
    }
  }
}
