import { useLiveQuery } from 'dexie-react-hooks';
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useDb } from '../../db/dbContext';
import { getDocument, getPagesText } from '../../db/documents';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/store';
import { ActorsMentioned } from '../mentions/ActorsMentioned';
import { CitePanel } from './CitePanel';
import { textHasTerms } from './findHits';
import { OcrNotice } from './OcrNotice';
import { PageAnnotations } from './PageAnnotations';
import { PdfPage } from './PdfPage';
import { usePageOcr } from './usePageOcr';
import { usePdfDocument } from './usePdfDocument';
import { ViewerToolbar } from './ViewerToolbar';
import type { Zoom } from './zoom';
import { effectiveZoom, stepZoom } from './zoom';
import './viewer.css';

/**
 * The PDF viewer over the main area, opened through the store (`openViewer`) by
 * citations, search hits and the Sources list. Keyed by document and terms, so opening
 * another document or another search hit starts afresh. Focus returns to whatever
 * opened it.
 */
export function ViewerOverlay() {
  const viewer = useUi((s) => s.viewer);
  // Read while rendering, before any effect moves focus into the dialog.
  const [opener] = useState(() => document.activeElement);
  useEffect(() => () => {
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
  }, [opener]);
  if (!viewer) return null;
  return <Viewer key={`${viewer.documentId}\u0001${viewer.highlight.join('\u0001')}`} documentId={viewer.documentId}
    page={viewer.page} highlight={viewer.highlight} />;
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

const FOCUSABLE = 'button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

/** The words selected inside `root`, whitespace collapsed; '' when the selection is elsewhere or empty. */
function selectedTextIn(root: HTMLElement | null): string | null {
  const selection = document.getSelection();
  if (!root || !selection || selection.rangeCount === 0) return null;
  if (!root.contains(selection.getRangeAt(0).commonAncestorContainer)) return null;
  return selection.isCollapsed ? '' : selection.toString().replace(/\s+/g, ' ').trim();
}

function Viewer({ documentId, page: wanted, highlight }: { documentId: string; page: number; highlight: string[] }) {
  const db = useDb();
  const t = useT();
  const titleId = useId();
  const closeViewer = useUi((s) => s.closeViewer);
  const setViewerPage = useUi((s) => s.setViewerPage);
  const notify = useUi((s) => s.notify);
  const meta = useLiveQuery(async () => (await getDocument(db, documentId)) ?? null, [db, documentId]);
  const state = usePdfDocument(documentId);
  const dialogRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const citeButtonRef = useRef<HTMLButtonElement>(null);
  const lastSelection = useRef('');
  const [zoom, setZoom] = useState<Zoom>('fit');
  const [scale, setScale] = useState(1);
  const [hits, setHits] = useState(0);
  const [find, setFind] = useState<string | null>(null);
  const [cite, setCite] = useState<{ quote: string } | null>(null);

  const pageCount = state.status === 'ready' ? state.pdf.numPages : meta?.extraction.pageCount ?? 0;
  const page = pageCount > 0 ? Math.min(Math.max(1, wanted), pageCount) : Math.max(1, wanted);
  const title = meta?.title ?? t('viewer.title');
  const terms = find === null ? highlight : [find];
  const ocr = usePageOcr(documentId, page);

  useEffect(() => { dialogRef.current?.focus(); }, []);

  // Remember the last words selected on the page: pressing a button may move the selection.
  useEffect(() => {
    const onChange = () => {
      const text = selectedTextIn(bodyRef.current);
      if (text !== null) lastSelection.current = text;
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, []);

  const goTo = useCallback((next: number) => {
    if (!Number.isFinite(next)) return;
    const target = Math.round(pageCount > 0 ? Math.min(Math.max(1, next), pageCount) : Math.max(1, next));
    if (target !== page) { lastSelection.current = ''; setViewerPage(target); }
  }, [page, pageCount, setViewerPage]);

  const zoomBy = (direction: 1 | -1) => setZoom((z) => stepZoom(z === 'fit' ? effectiveZoom(scale) : z, direction));

  const openCite = () => setCite({ quote: selectedTextIn(bodyRef.current) || lastSelection.current });
  const closeCite = () => { setCite(null); citeButtonRef.current?.focus(); };

  /** Enter in the find box: the next page (after this one, wrapping) whose stored text has the terms. */
  const findOnOtherPage = async (direction: 1 | -1) => {
    const texts = await getPagesText(db, documentId);
    const n = pageCount || texts.length;
    for (let step = 1; step < n; step++) {
      const candidate = ((page - 1 + direction * step + n * 2) % n) + 1;
      if (textHasTerms(texts[candidate - 1] ?? '', terms)) { goTo(candidate); return; }
    }
    if (hits === 0) notify(t('viewer.noOtherMatch', { terms: terms.join(' ') }));
  };

  const onKeyDown = (e: ReactKeyboardEvent<HTMLDivElement>) => {
    // The viewer is modal: the app's single-key shortcuts must not act behind it.
    e.stopPropagation();
    const target = e.target as HTMLElement;
    if (e.key === 'Escape') {
      if (target.getAttribute('aria-expanded') === 'true') return; // an open combobox closes its list first
      e.preventDefault();
      if (cite) closeCite(); else closeViewer();
      return;
    }
    if (e.key === 'Tab') {
      const focusable = [...(dialogRef.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (e.shiftKey && (target === first || target === dialogRef.current)) { e.preventDefault(); last?.focus(); }
      else if (!e.shiftKey && target === last) { e.preventDefault(); first?.focus(); }
      return;
    }
    if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'PageDown' || e.key === 'ArrowRight') { e.preventDefault(); goTo(page + 1); }
    else if (e.key === 'PageUp' || e.key === 'ArrowLeft') { e.preventDefault(); goTo(page - 1); }
    else if (e.key === '+' || e.key === '=') { e.preventDefault(); zoomBy(1); }
    else if (e.key === '-') { e.preventDefault(); zoomBy(-1); }
  };

  return (
    <div className="viewer" role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1} ref={dialogRef} onKeyDown={onKeyDown}>
      <ViewerToolbar titleId={titleId} title={title} page={page} pageCount={pageCount} onPage={goTo}
        zoom={zoom} onZoom={setZoom} onZoomStep={zoomBy}
        find={find ?? highlight.join(' ')} onFind={setFind} hits={terms.some((x) => x.trim()) ? hits : null}
        onFindNext={(direction) => void findOnOtherPage(direction)}
        citeRef={citeButtonRef} citeOpen={cite !== null} onCite={openCite} onClose={closeViewer} />
      {/* Outside the scrolling page, so it is seen whichever part of the page is in view. */}
      {ocr && state.status === 'ready' ? <OcrNotice ocr={ocr} /> : null}
      <div className="viewer__stage">
        {state.status === 'ready' ? (
          <PdfPage pdfjs={state.pdfjs} pdf={state.pdf} pageNumber={page} zoom={zoom} terms={terms} ocr={ocr} bodyRef={bodyRef}
            label={t('viewer.pageRegion', { page, title })} onScale={setScale} onHits={setHits}>
            <PageAnnotations documentId={documentId} page={page} />
          </PdfPage>
        ) : (
          <div className="viewer__body" ref={bodyRef}>
            <p className="viewer__state" role={state.status === 'loading' ? 'status' : 'alert'}>
              {state.status === 'loading' ? t('viewer.loading')
                : state.status === 'missing' ? t('viewer.missing')
                  : state.status === 'locked' ? t('viewer.locked')
                    : t('viewer.damaged', { reason: state.message })}
            </p>
          </div>
        )}
        {/* Not a second complementary landmark beside the sidebar: its section is a named region. */}
        <div className="viewer-mentions">
          <ActorsMentioned documentId={documentId} currentPage={page} headingLevel="h2" onPage={(p) => goTo(p)} />
        </div>
        {cite ? <CitePanel documentId={documentId} page={page} initialQuote={cite.quote} onClose={closeCite} /> : null}
      </div>
    </div>
  );
}
