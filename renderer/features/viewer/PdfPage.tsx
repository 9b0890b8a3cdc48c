import type { PDFDocumentProxy, PDFPageProxy, RenderTask } from 'pdfjs-dist';
import type { TextContent, TextItem } from 'pdfjs-dist/types/src/display/api';
import type { ReactNode, RefObject } from 'react';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { ocrTextContent } from '../../../shared/ocr/textContent';
import { useT } from '../../i18n/useT';
import type { HitRange } from './findHits';
import { countHits, findHits } from './findHits';
import type { PageOcr } from './usePageOcr';
import type { Pdfjs } from './usePdfDocument';
import type { Zoom } from './zoom';
import { cssScale, outputRatio } from './zoom';

interface PdfPageProps {
  pdfjs: Pdfjs;
  pdf: PDFDocumentProxy;
  pageNumber: number;
  zoom: Zoom;
  /** Terms to mark on the page (accent- and case-insensitive); the first occurrence is scrolled to. */
  terms: readonly string[];
  /**
   * The page's OCR (usePageOcr): read words replace pdf.js's text content; undefined while
   * not yet known (the page waits, to be drawn once).
   */
  ocr: PageOcr | null | undefined;
  /** The scrolling body, for the overlay's selection tracking and keyboard focus. */
  bodyRef: RefObject<HTMLDivElement | null>;
  label: string;
  /** CSS pixels per PDF unit the page is drawn at (what 'fit' works out to). */
  onScale: (scale: number) => void;
  onHits: (count: number) => void;
  /** Shown below the page, inside the scrolling body (so its words can be selected and quoted too). */
  children?: ReactNode;
}

/** What is on screen: the text layer's spans and the items they were made from, for marking hits. */
interface DrawnText {
  pageNumber: number;
  divs: HTMLElement[];
  items: TextItem[];
}

const isCancelled = (error: unknown) => (error as { name?: string } | null)?.name === 'RenderingCancelledException';

/**
 * One page: a canvas drawn by pdf.js, plus pdf.js's TextLayer (transparent spans over
 * the canvas) so text can be selected and quoted. Deliberately no AnnotationLayer: links
 * and form fields in a PDF are drawn as pixels only, so nothing in a document can
 * navigate the app or run. Each draw uses a fresh canvas and text layer swapped in when
 * both are done, so a draw cancelled by a page or zoom change never touches the screen.
 *
 * A page read by OCR gets its text layer from the OCR words instead (shared/ocr/textContent.ts):
 * a scan's own text content is empty or junk, and mixing both would say things twice. pdf.js
 * lays it out like any other, so marks, finding and quoting work the same on scans.
 */
export function PdfPage({ pdfjs, pdf, pageNumber, zoom, terms, ocr, bodyRef, label, onScale, onHits, children }: PdfPageProps) {
  const t = useT();
  const frameRef = useRef<HTMLDivElement>(null);
  const drawn = useRef<DrawnText | null>(null);
  const [page, setPage] = useState<PDFPageProxy | null>(null);
  const [available, setAvailable] = useState(0);
  const [drawnTick, setDrawnTick] = useState(0);
  const [failed, setFailed] = useState<string | null>(null);

  // The width a page may take for 'fit', live with the window and the sidebar.
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    const measure = () => setAvailable(Math.max(0, body.clientWidth - 32));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(body);
    return () => observer.disconnect();
  }, [bodyRef]);

  useEffect(() => {
    let live = true;
    let loaded: PDFPageProxy | null = null;
    pdf.getPage(pageNumber).then(
      (p) => { loaded = p; if (live) { setPage(p); setFailed(null); } },
      (error: unknown) => { if (live) setFailed(error instanceof Error ? error.message : String(error)); },
    );
    return () => { live = false; loaded?.cleanup(); };
  }, [pdf, pageNumber]);

  useEffect(() => {
    const frame = frameRef.current;
    if (!page || page.pageNumber !== pageNumber || !frame || ocr === undefined || (zoom === 'fit' && available === 0)) return;
    const scale = cssScale(zoom, page.getViewport({ scale: 1 }).width, available);
    const viewport = page.getViewport({ scale });
    const ratio = outputRatio(viewport.width, viewport.height, window.devicePixelRatio);

    const canvas = document.createElement('canvas');
    canvas.className = 'pdf-page__canvas';
    canvas.width = Math.max(1, Math.floor(viewport.width * ratio));
    canvas.height = Math.max(1, Math.floor(viewport.height * ratio));
    canvas.style.width = `${viewport.width}px`;
    canvas.style.height = `${viewport.height}px`;
    const render: RenderTask = page.render({
      canvas,
      viewport,
      ...(ratio !== 1 ? { transform: [ratio, 0, 0, ratio, 0, 0] } : {}),
    });

    const textDiv = document.createElement('div');
    textDiv.className = 'textLayer';
    textDiv.style.setProperty('--total-scale-factor', String(viewport.scale * viewport.userUnit));
    let textLayer: InstanceType<Pdfjs['TextLayer']> | null = null;
    const source: Promise<TextContent> = ocr?.status === 'read'
      ? Promise.resolve(ocrTextContent(ocr, page.getViewport({ scale: 1 }).transform) as TextContent)
      : page.getTextContent();
    const text = source.then(async (content) => {
      textLayer = new pdfjs.TextLayer({ textContentSource: content, container: textDiv, viewport });
      await textLayer.render();
      return content.items.filter((item): item is TextItem => 'str' in item);
    }).catch((error: unknown) => {
      if (!isCancelled(error)) console.warn('Text layer:', error);
      return null; // the page is still worth showing without selectable text
    });

    let swapped = false;
    Promise.all([render.promise, text]).then(([, items]) => {
      swapped = true;
      frame.style.width = `${viewport.width}px`;
      frame.style.height = `${viewport.height}px`;
      for (const old of frame.querySelectorAll('canvas')) { old.width = 0; old.height = 0; }
      frame.replaceChildren(canvas, textDiv);
      frame.dataset.drawn = String(pageNumber);
      frame.dataset.text = ocr?.status === 'read' ? 'ocr' : 'pdf';
      drawn.current = items ? { pageNumber, divs: textLayer?.textDivs ?? [], items } : null;
      onScale(scale);
      setFailed(null);
      setDrawnTick((n) => n + 1);
    }, (error: unknown) => {
      if (!isCancelled(error)) setFailed(error instanceof Error ? error.message : String(error));
    });

    return () => {
      render.cancel();
      (textLayer as InstanceType<Pdfjs['TextLayer']> | null)?.cancel();
      if (!swapped) { canvas.width = 0; canvas.height = 0; }
    };
  }, [pdfjs, page, pageNumber, zoom, available, ocr, onScale]);

  // Marks the terms in the text layer; scrolls to the first one when the page or the terms change.
  const termsKey = terms.join('\u0001');
  const scrolledFor = useRef('');
  useEffect(() => {
    const text = drawn.current;
    const { count, first } = text ? markHits(text, termsKey ? termsKey.split('\u0001') : []) : { count: 0, first: null };
    onHits(count);
    const key = `${text?.pageNumber}\u0002${termsKey}`;
    if (first && scrolledFor.current !== key) {
      scrolledFor.current = key;
      first.scrollIntoView({ block: 'center', inline: 'nearest' });
    }
  }, [drawnTick, termsKey, onHits]);

  return (
    <div className="viewer__body" ref={bodyRef} tabIndex={0} role="region" aria-label={label}>
      {failed ? <p className="viewer__state" role="alert">{t('viewer.pageFailed', { reason: failed })}</p> : null}
      <div className="pdf-page" ref={frameRef} data-page={pageNumber} />
      {children}
    </div>
  );
}

/** Wraps every occurrence of the terms in the text layer's spans in <mark>, after undoing the last marking. */
function markHits(text: DrawnText, terms: readonly string[]): { count: number; first: HTMLElement | null } {
  text.divs.forEach((div, i) => {
    if (div.querySelector('mark')) div.textContent = text.items[i]?.str ?? '';
  });
  const ranges = findHits(text.items, terms);
  const byItem = new Map<number, HitRange[]>();
  for (const range of ranges) byItem.set(range.item, [...(byItem.get(range.item) ?? []), range]);
  let first: HTMLElement | null = null;
  for (const [item, list] of byItem) {
    const div = text.divs[item];
    const str = text.items[item]?.str ?? '';
    if (!div) continue;
    const parts: Node[] = [];
    let at = 0;
    for (const range of list) {
      if (range.start > at) parts.push(document.createTextNode(str.slice(at, range.start)));
      const mark = document.createElement('mark');
      mark.className = 'pdf-hit';
      mark.dataset.hit = String(range.hit);
      mark.textContent = str.slice(range.start, range.end);
      parts.push(mark);
      if (range.hit === 0) first ??= mark;
      at = range.end;
    }
    if (at < str.length) parts.push(document.createTextNode(str.slice(at)));
    div.replaceChildren(...parts);
  }
  return { count: countHits(ranges), first };
}
