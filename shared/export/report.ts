import { formatApproxDate } from '../dates';
import type { ApproxDate } from '../dates/types';
import type { Actor } from '../model/actor';
import type { Citation } from '../model/common';
import type { CaseEvent, EventSubType, Participant } from '../model/event';
import { ACLED_LABELS, totalFatalities } from '../model/event';
import type { SourceDocument } from '../model/document';
import { currentStatusEntry, statusTimeline } from '../model/status';
import type { Raw } from './html';
import { html } from './html';
import type { ReportLocale } from './labels';
import {
  EVENT_TYPE_LABELS_ES, KIND_LABELS, NAME_TYPE_LABELS, RELIABILITY_LABELS, ROLE_LABELS, STATUS_LABELS, WORDS,
} from './labels';
import { PRINT_CONTENT_SECURITY_POLICY } from '../security/csp';
import { REPORT_CSS } from './reportCss';
import type { SavedChart } from '../chart/savedChart';
import { CHARTS_REPORT_CSS, chartsReportSection } from './reportCharts';
import { placeText, seizureText } from './text';
import type { ExportInput } from './types';

/**
 * The report as a page and its stylesheet apart, so that a host showing it inside the app
 * (whose CSP refuses an inline <style>) can apply `css` through CSSOM. The files users get
 * (the desktop's PDF, the browser's HTML download) stand alone with it inline:
 * `standaloneReportHtml`.
 */
export interface ReportPage {
  /** A whole HTML document without any <style> element. */
  html: string;
  css: string;
}

/** One `<section>` of the report: its anchor, its heading and its body (markup we built). */
export interface ReportSection {
  id: string;
  heading: string;
  body: Raw;
}

export interface ReportOptions {
  locale: ReportLocale;
  /** Milliseconds since the epoch; printed in UTC so the report does not depend on the machine's zone. */
  generatedAt: number;
  appVersion: string;
  /** The case's saved link charts, drawn in their own section (reportCharts.ts). */
  charts?: readonly SavedChart[];
}

/** Citations become numbered notes; the same document, page, quote and note share one number. */
class Notes {
  readonly list: { n: number; citation: Citation }[] = [];
  private readonly byKey = new Map<string, number>();

  ref(citations: readonly Citation[]): Raw {
    if (citations.length === 0) return html``;
    const numbers: number[] = [];
    for (const c of citations) {
      const key = JSON.stringify([c.documentId, c.page, c.quote.trim(), c.note.trim()]);
      let n = this.byKey.get(key);
      if (n === undefined) {
        n = this.list.length + 1;
        this.byKey.set(key, n);
        this.list.push({ n, citation: c });
      }
      if (!numbers.includes(n)) numbers.push(n);
    }
    return html`<sup class="ref">${numbers.map((n, i) => html`${i ? ',' : ''}<a href="#note-${n}">${n}</a>`)}</sup>`;
  }
}

/** One entry per actor, their roles together ("Cirilo (Killed, Leader)"), in the order first listed. */
function byActor(participants: readonly Participant[]): Participant[][] {
  const groups = new Map<string, Participant[]>();
  for (const p of participants) {
    const list = groups.get(p.actorId);
    if (list) list.push(p);
    else groups.set(p.actorId, [p]);
  }
  return [...groups.values()];
}

function utcStamp(ms: number): string {
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return '—';
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function caseReport(input: ExportInput, opts: ReportOptions): ReportPage {
  const { locale } = opts;
  const w = WORDS[locale];
  const actors = new Map(input.actors.map((a) => [a.id, a]));
  const documents = new Map(input.documents.map((d) => [d.id, d]));
  const notes = new Notes();
  const theCase = input.cases.find((c) => c.id === input.caseId);
  const title = theCase?.name ?? w.report;
  const date = (d: ApproxDate | null) => (d ? formatApproxDate(d, locale) : '');
  const typeLabel = (key: string) => (locale === 'es' ? EVENT_TYPE_LABELS_ES[key as EventSubType] : ACLED_LABELS[key as EventSubType]) ?? key;
  const actorName = (id: string) => actors.get(id)?.name ?? w.unknownActor;

  const actorSection = (a: Actor): Raw => {
    const current = currentStatusEntry(a.statusHistory);
    const history = statusTimeline(a.statusHistory);
    return html`<article class="record" id="actor-${a.id}">
<h3>${a.name}${notes.ref(a.citations)} <span class="kind">${KIND_LABELS[locale][a.kind]}</span></h3>
${a.names.length > 0 && html`<p class="names"><span class="label">${w.otherNames}:</span> ${a.names.map((n, i) => html`${i ? '; ' : ''}<span class="name">${n.name}</span> <span class="muted">(${NAME_TYPE_LABELS[locale][n.type]}${n.note ? ` — ${n.note}` : ''})</span>${notes.ref(n.citations)}`)}</p>`}
${current && html`<p class="status"><span class="label">${w.currentStatus}:</span> <strong>${STATUS_LABELS[locale][current.status]}</strong>${current.date && html` <span class="muted">(${w.since} ${date(current.date)})</span>`}${current.place && html` — ${current.place}`}${notes.ref(current.citations)}</p>`}
${a.description && html`<p class="description">${a.description}</p>`}
${(a.nationality || a.birth || a.death) && html`<p class="facts">${[
      a.nationality && html`<span><span class="label">${w.nationality}:</span> ${a.nationality}</span>`,
      a.birth && html`<span><span class="label">${w.born}:</span> ${date(a.birth)}</span>`,
      a.death && html`<span><span class="label">${w.died}:</span> ${date(a.death)}</span>`,
    ].filter(Boolean).map((part, i) => html`${i ? ' · ' : ''}${part}`)}</p>`}
${a.memberships.length > 0 && html`<h4>${w.memberships}</h4><table class="grid"><colgroup><col class="c-role"><col class="c-group"><col class="c-when"></colgroup><tbody>
${a.memberships.map((m) => html`<tr><td>${m.role || '—'}${notes.ref(m.citations)}</td><td>${actorName(m.groupId)}</td><td class="when">${m.from || m.to ? `${m.from ? `${w.from} ${date(m.from)}` : ''}${m.from && m.to ? ' ' : ''}${m.to ? `${w.to} ${date(m.to)}` : ''}` : ''}${m.note && html`<div class="muted">${m.note}</div>`}</td></tr>`)}
</tbody></table>`}
${history.length > 1 && html`<h4>${w.statusHistory}</h4><ul class="history">${history.map((s) => html`<li><span class="when">${s.date ? date(s.date) : '—'}</span> <span>${STATUS_LABELS[locale][s.status]}${s.place && html` — ${s.place}`}${s.note && html` <span class="muted">(${s.note})</span>`}${notes.ref(s.citations)}</span></li>`)}</ul>`}
${a.tags.length > 0 && html`<p class="tags"><span class="label">${w.tags}:</span> ${a.tags.join(', ')}</p>`}
</article>`;
  };

  const sortedEvents = [...input.events].sort((a, b) => {
    if (!a.date || !b.date) return (a.date ? 0 : 1) - (b.date ? 0 : 1);
    return a.date.earliest.localeCompare(b.date.earliest) || a.date.latest.localeCompare(b.date.latest);
  });
  const eventTitles = new Map(input.events.map((e) => [e.id, e.title]));

  const eventSection = (e: CaseEvent): Raw => {
    const total = totalFatalities(e);
    const place = placeText(e.place);
    return html`<li class="event" id="event-${e.id}">
<div class="when">${e.date ? date(e.date) : w.noDate}</div>
<div class="body">
<h3>${e.title}${notes.ref(e.citations)}</h3>
<p class="facts"><span><span class="label">${w.place}:</span> ${place || w.noPlace}</span> · <span><span class="label">${w.type}:</span> ${typeLabel(e.type)} / ${typeLabel(e.subType)}</span> · <span><span class="label">${w.fatalities}:</span> ${total === null ? w.fatalitiesUnknown : total}${e.fatalities.bySide.length > 0 && html` (${e.fatalities.bySide.map((s, i) => html`${i ? '; ' : ''}${s.label || (s.actorId ? actorName(s.actorId) : '—')}: ${s.count}`)})`}</span>${e.place.latitude !== null && e.place.longitude !== null && html` · <span><span class="label">${w.coordinates}:</span> ${e.place.latitude}, ${e.place.longitude}</span>`}</p>
${e.description && html`<p class="description">${e.description}</p>`}
${e.participants.length > 0 && html`<p><span class="label">${w.participants}:</span> ${byActor(e.participants).map((group, i) => html`${i ? '; ' : ''}${actorName(group[0]!.actorId)} <span class="muted">(${group.map((p) => `${ROLE_LABELS[locale][p.role]}${p.note ? ` — ${p.note}` : ''}`).join(', ')})</span>${notes.ref(group.flatMap((p) => p.citations))}`)}</p>`}
${e.seizures.length > 0 && html`<p><span class="label">${w.seizures}:</span> ${e.seizures.map((s, i) => html`${i ? '; ' : ''}${seizureText(s, false)}${s.note && html` <span class="muted">(${s.note})</span>`}`)}</p>`}
${e.relatedEventIds.length > 0 && html`<p class="muted"><span class="label">${w.related}:</span> ${e.relatedEventIds.map((id, i) => html`${i ? '; ' : ''}${eventTitles.get(id) ?? id}`)}</p>`}
${e.tags.length > 0 && html`<p class="tags"><span class="label">${w.tags}:</span> ${e.tags.join(', ')}</p>`}
</div>
</li>`;
  };

  // Render the body first: the notes are numbered in reading order.
  const actorsHtml = input.actors.length ? input.actors.map(actorSection) : html`<p class="empty">${w.noActors}</p>`;
  const eventsHtml = sortedEvents.length ? html`<ol class="timeline">${sortedEvents.map(eventSection)}</ol>` : html`<p class="empty">${w.noEvents}</p>`;

  const noteItem = ({ n, citation: c }: { n: number; citation: Citation }): Raw => {
    const doc = documents.get(c.documentId);
    const where = c.page === null ? w.wholeDocument : `${w.page} ${c.page}`;
    return html`<li id="note-${n}" value="${n}"><span class="cite">${doc ? doc.title : w.unknownSource}</span>, ${where}${c.quote.trim() && html` — <q>${c.quote.trim()}</q>`}${c.note.trim() && html` <span class="muted">(${c.note.trim()})</span>`}</li>`;
  };
  const docItem = (d: SourceDocument): Raw => html`<li><span class="cite">${d.title}</span>${[d.author, d.publisher === d.author ? '' : d.publisher, d.publishedOn ? `${w.published} ${date(d.publishedOn)}` : ''].filter(Boolean).map((s) => html`, ${s}`)}.
<div class="muted">${w.fileName}: ${d.fileName} · ${d.extraction.pageCount} ${w.pages} · ${w.reliability}: ${RELIABILITY_LABELS[locale][d.reliability]}${d.url && html` · ${d.url}`}</div>
<div class="hash">SHA-256 ${d.sha256}</div></li>`;

  // The report's sections in order; each starts a new printed page. A new kind of section
  // (a saved link chart, a map) is one more entry here.
  const sections: ReportSection[] = [
    { id: 'actors', heading: w.actors, body: html`${actorsHtml}` },
    { id: 'events', heading: w.events, body: eventsHtml },
    ...chartsReportSection(opts.charts ?? [], input, locale),
    {
      id: 'sources', heading: w.sources,
      body: html`${notes.list.length > 0 && html`<h3 class="sub">${w.citations}</h3><ol class="notes">${notes.list.map(noteItem)}</ol>`}
${input.documents.length > 0 && html`<h3 class="sub">${w.documents}</h3><ul class="documents">${input.documents.map(docItem)}</ul>`}
${notes.list.length === 0 && input.documents.length === 0 && html`<p class="empty">${w.noSources}</p>`}`,
    },
  ];

  const counts = w.counts
    .replace('{actors}', String(input.actors.length))
    .replace('{events}', String(input.events.length))
    .replace('{sources}', String(input.documents.length));

  const page = html`<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${{ __html: PRINT_CONTENT_SECURITY_POLICY }}">
<title>${w.report} — ${title}</title>
</head>
<body>
<header class="cover">
<p class="kicker">${w.report}</p>
<h1>${title}</h1>
${theCase?.description && html`<p class="lede">${theCase.description}</p>`}
<p class="meta">${counts}<br>${w.generated} ${utcStamp(opts.generatedAt)} · ${w.appVersion} ${opts.appVersion}</p>
</header>
${sections.map((section) => html`<section class="section" id="${section.id}"><h2>${section.heading}</h2>
${section.body}
</section>
`)}</body>
</html>
`;
  return { html: page.__html, css: opts.charts?.length ? REPORT_CSS + CHARTS_REPORT_CSS : REPORT_CSS };
}

/**
 * The page with its stylesheet inline, before `</head>`: the first one is the page's own,
 * since every text in the head (the title) is escaped.
 */
export function standaloneReportHtml(page: ReportPage): string {
  const at = page.html.indexOf('</head>');
  if (at < 0) throw new Error('A report page has a head.');
  return `${page.html.slice(0, at)}<style>${page.css}</style>\n${page.html.slice(at)}`;
}

/** The report as one self-contained HTML file. */
export function caseReportHtml(input: ExportInput, opts: ReportOptions): string {
  return standaloneReportHtml(caseReport(input, opts));
}
