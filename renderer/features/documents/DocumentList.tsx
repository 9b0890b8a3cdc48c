import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import type { SourceDocument } from '../../../shared/model';
import { useDb } from '../../db/dbContext';
import type { DocumentFilter, DocumentSort } from '../../db/documents';
import { getDocumentsByIds, listDocumentIds } from '../../db/documents';
import { Field } from '../../components/Field';
import { listKeyHandler } from '../../components/listKeys';
import { useT } from '../../i18n/useT';
import { plural } from '../../i18n/plural';
import { useUi } from '../../state/store';
import { useFilterFocus } from '../events/useFilterFocus';
import { pickAndAddPdfs } from './importRunner';
import type { StateFilter } from './labels';
import { STATE_FILTERS, formatDay, stateBadge, stateTone, textStatesFor } from './labels';

const ROW_HEIGHT = 50;
/** Rows are read a page at a time so scrolling a few rows does not start a new query. */
const PAGE = 40;

export function DocumentList() {
  const db = useDb();
  const t = useT();
  const activeCaseId = useUi((s) => s.activeCaseId);
  const selectedId = useUi((s) => s.selectedDocumentId);
  const selectDocument = useUi((s) => s.selectDocument);
  const [text, setText] = useState('');
  const [state, setState] = useState<StateFilter>('');
  const [sort, setSort] = useState<DocumentSort>('title');
  const deferredText = useDeferredValue(text);
  const textRef = useFilterFocus<HTMLInputElement>();
  const scrollRef = useRef<HTMLDivElement>(null);

  const textStates = textStatesFor(state);
  const query: DocumentFilter = {
    ...(deferredText.trim() ? { text: deferredText } : {}),
    ...(textStates ? { textStates } : {}),
    ...(activeCaseId ? { caseId: activeCaseId } : {}),
  };
  const queryKey = JSON.stringify(query);
  const ids = useLiveQuery(() => listDocumentIds(db, JSON.parse(queryKey) as DocumentFilter, sort), [db, queryKey, sort]);
  const count = ids?.length ?? 0;

  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const firstPage = Math.floor((items[0]?.index ?? 0) / PAGE);
  const lastPage = Math.floor((items[items.length - 1]?.index ?? 0) / PAGE);
  const pageIds = useMemo(() => ids?.slice(firstPage * PAGE, (lastPage + 1) * PAGE) ?? [], [ids, firstPage, lastPage]);
  const rows = useLiveQuery(() => getDocumentsByIds(db, pageIds), [db, pageIds]);
  const byId = useMemo(() => new Map((rows ?? []).map((doc) => [doc.id, doc])), [rows]);

  const filtered = text.trim() !== '' || state !== '';
  const selectedIndex = selectedId && ids ? ids.indexOf(selectedId) : -1;

  const onKeyDown = listKeyHandler({
    ids, selectedId, select: selectDocument, scrollToIndex: (i) => virtualizer.scrollToIndex(i), scroller: scrollRef, rowHeight: ROW_HEIGHT,
  });

  return (
    <section className="pane pane--list" aria-label={t('documents.list')}>
      <div className="pane__header">
        <div className="pane__title">
          <h1>{t('documents.title')}</h1>
          <button type="button" className="primary small" onClick={() => void pickAndAddPdfs(db)}>{t('documents.add')}</button>
        </div>
        <div className="filters">
          <Field label={t('documents.filter.text')} className="field--wide">
            {(a11y) => <input {...a11y} ref={textRef} type="search" value={text} onChange={(e) => setText(e.target.value)} />}
          </Field>
          <Field label={t('documents.filter.state')}>
            {(a11y) => (
              <select {...a11y} value={state} onChange={(e) => setState(e.target.value as StateFilter)}>
                <option value="">{t('documents.filter.anyState')}</option>
                {STATE_FILTERS.map((s) => <option key={s} value={s}>{t(`documents.stateFilter.${s}`)}</option>)}
              </select>
            )}
          </Field>
          <Field label={t('common.sort')}>
            {(a11y) => (
              <select {...a11y} value={sort} onChange={(e) => setSort(e.target.value as DocumentSort)}>
                <option value="title">{t('documents.sort.title')}</option>
                <option value="added">{t('documents.sort.added')}</option>
              </select>
            )}
          </Field>
        </div>
        <div className="list-meta">
          <span aria-live="polite">{ids ? plural(t, 'documents.count', count) : t('common.loading')}</span>
          {filtered ? <button type="button" className="link" onClick={() => { setText(''); setState(''); }}>{t('common.clearFilters')}</button> : null}
        </div>
      </div>
      {ids && count === 0 ? (
        <p className="empty">{filtered ? t('documents.empty.noMatch') : activeCaseId ? t('documents.empty.noneInCase') : t('documents.empty.none')}</p>
      ) : (
        <div ref={scrollRef} className="list" role="listbox" tabIndex={0} aria-label={t('documents.list')}
          aria-activedescendant={selectedIndex >= 0 && selectedId ? `doc-row-${selectedId}` : undefined} onKeyDown={onKeyDown}>
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const id = ids?.[item.index];
              if (!id) return null;
              return (
                <DocumentRow key={id} id={id} doc={byId.get(id)} selected={id === selectedId} index={item.index} total={count}
                  top={item.start} onSelect={() => selectDocument(id)} />
              );
            })}
          </div>
        </div>
      )}
    </section>
  );
}

interface RowProps {
  id: string;
  doc: SourceDocument | undefined;
  selected: boolean;
  index: number;
  total: number;
  top: number;
  onSelect: () => void;
}

/** Title and state on the first line; author · publisher · date added below. */
function DocumentRow({ id, doc, selected, index, total, top, onSelect }: RowProps) {
  const t = useT();
  const style = { position: 'absolute', top: 0, left: 0, width: '100%', height: ROW_HEIGHT, transform: `translateY(${top}px)` } as const;
  const a11y = { id: `doc-row-${id}`, role: 'option', 'aria-selected': selected, 'aria-setsize': total, 'aria-posinset': index + 1, style } as const;
  if (!doc) return <div {...a11y} className="row"><span className="row__sub">{t('common.loading')}</span></div>;
  const sub = [doc.author, doc.publisher, t('documents.addedOn', { date: formatDay(doc.createdAt, t.lang) })].filter((s) => s.trim() !== '');
  return (
    <div {...a11y} className="row doc-row" title={doc.fileName} onClick={onSelect}>
      <span className="doc-row__line">
        <span className="row__title">{doc.title}</span>
        <span className={`doc-state doc-state--${stateTone(doc.extraction)}`}>{stateBadge(t, doc.extraction)}</span>
      </span>
      <span className="row__sub">{sub.join(' · ')}</span>
    </div>
  );
}
