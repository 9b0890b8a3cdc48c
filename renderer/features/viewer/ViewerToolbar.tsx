import type { RefObject } from 'react';
import { useId, useState } from 'react';
import { useT } from '../../i18n/useT';
import type { Zoom } from './zoom';
import { ZOOM_STEPS } from './zoom';

interface ViewerToolbarProps {
  titleId: string;
  title: string;
  page: number;
  /** 0 while unknown. */
  pageCount: number;
  onPage: (page: number) => void;
  zoom: Zoom;
  onZoom: (zoom: Zoom) => void;
  onZoomStep: (direction: 1 | -1) => void;
  find: string;
  onFind: (text: string) => void;
  /** Occurrences on the page; null when nothing is being looked for. */
  hits: number | null;
  onFindNext: (direction: 1 | -1) => void;
  citeRef: RefObject<HTMLButtonElement | null>;
  citeOpen: boolean;
  onCite: () => void;
  onClose: () => void;
}

/** Title, page navigation, zoom, find in page, "Cite this page" and Close. */
export function ViewerToolbar(props: ViewerToolbarProps) {
  const { titleId, title, page, pageCount, onPage, zoom, onZoom, onZoomStep, find, onFind, hits, onFindNext, citeRef, citeOpen, onCite, onClose } = props;
  const t = useT();
  const pageId = useId();
  const zoomId = useId();
  const findId = useId();
  // The page box keeps what is typed until Enter or leaving it; it follows the page otherwise.
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null && draft.trim() !== '') onPage(Number(draft));
    setDraft(null);
  };

  return (
    <div className="viewer__toolbar" role="toolbar" aria-label={t('viewer.toolbar')}>
      <h2 id={titleId} className="viewer__title" title={title}>{title}</h2>
      <div className="viewer__group">
        <button type="button" className="small" onClick={() => onPage(page - 1)} disabled={page <= 1} aria-label={t('viewer.prev')} title={t('viewer.prev')}>‹</button>
        <label htmlFor={pageId}>{t('viewer.page')}</label>
        <input id={pageId} className="viewer__page-input" type="text" inputMode="numeric" value={draft ?? String(page)}
          onChange={(e) => setDraft(e.target.value.replace(/[^\d]/g, ''))}
          onBlur={commit}
          onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); commit(); } }} />
        <span className="muted viewer__count">{pageCount > 0 ? t('viewer.of', { count: pageCount }) : ''}</span>
        <button type="button" className="small" onClick={() => onPage(page + 1)} disabled={pageCount > 0 && page >= pageCount} aria-label={t('viewer.next')} title={t('viewer.next')}>›</button>
      </div>
      <div className="viewer__group">
        <button type="button" className="small" onClick={() => onZoomStep(-1)} aria-label={t('viewer.zoomOut')} title={t('viewer.zoomOut')}>−</button>
        <label htmlFor={zoomId} className="visually-hidden">{t('viewer.zoom')}</label>
        <select id={zoomId} className="inline" value={zoom === 'fit' ? 'fit' : String(zoom)} onChange={(e) => onZoom(e.target.value === 'fit' ? 'fit' : Number(e.target.value))}>
          <option value="fit">{t('viewer.fitWidth')}</option>
          {ZOOM_STEPS.map((z) => <option key={z} value={String(z)}>{t('viewer.percent', { n: Math.round(z * 100) })}</option>)}
          {zoom !== 'fit' && !ZOOM_STEPS.includes(zoom) ? <option value={String(zoom)}>{t('viewer.percent', { n: Math.round(zoom * 100) })}</option> : null}
        </select>
        <button type="button" className="small" onClick={() => onZoomStep(1)} aria-label={t('viewer.zoomIn')} title={t('viewer.zoomIn')}>+</button>
      </div>
      <div className="viewer__group viewer__find">
        <label htmlFor={findId} className="visually-hidden">{t('viewer.find')}</label>
        <input id={findId} type="search" value={find} placeholder={t('viewer.findPlaceholder')}
          onChange={(e) => onFind(e.target.value)}
          onKeyDown={(e) => { if (e.key === 'Enter' && find.trim()) { e.preventDefault(); onFindNext(e.shiftKey ? -1 : 1); } }}
          title={t('viewer.nextMatchPage')} />
        <span className="viewer__hits muted" role="status" aria-live="polite">
          {hits === null ? '' : hits > 0 ? t('viewer.hits', { count: hits }) : t('viewer.noHits')}
        </span>
      </div>
      <div className="viewer__group viewer__end">
        <button type="button" ref={citeRef} className="primary small" aria-expanded={citeOpen} onClick={onCite}>{t('viewer.cite')}</button>
        <button type="button" className="small" onClick={onClose} aria-label={t('viewer.close')} title={t('viewer.close')}>{t('action.close')}</button>
      </div>
    </div>
  );
}
