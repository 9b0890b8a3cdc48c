/**
 * The report's only styles, no fonts or images to fetch (inline in a standalone file, see ReportPage). Calm and dense for
 * A4 paper; each section starts a new page and no record is split across two if it fits on one.
 */
export const REPORT_CSS = `
@page {
  size: A4; margin: 18mm 16mm 18mm 16mm;
  @bottom-right { content: counter(page) " / " counter(pages); font: 8pt sans-serif; color: #5d6875; }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0 auto; padding: 24px 28px 48px; max-width: 190mm; color: #1d232b; background: #fff;
  font: 10pt/1.45 "Noto Sans", "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif;
  overflow-wrap: break-word; hyphens: auto;
}
@media print { body { padding: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
h1, h2, h3, h4 { line-height: 1.25; margin: 0; font-weight: 600; }
h1 { font-size: 20pt; margin: 2pt 0 8pt; }
h2 { font-size: 14pt; padding-bottom: 4pt; border-bottom: 1.5pt solid #1d232b; margin-bottom: 10pt; }
h3 { font-size: 11pt; }
h4 { font-size: 8.5pt; text-transform: uppercase; letter-spacing: .04em; color: #4d5968; margin: 8pt 0 3pt; }
h3.sub { font-size: 10pt; margin: 12pt 0 5pt; color: #4d5968; }
p { margin: 3pt 0; }
.cover { padding-bottom: 10pt; margin-bottom: 14pt; border-bottom: .75pt solid #c9d0d8; }
.kicker { font-size: 8.5pt; text-transform: uppercase; letter-spacing: .08em; color: #4d5968; margin: 0; }
.lede { font-size: 10.5pt; max-width: 150mm; }
.meta { color: #4d5968; font-size: 8.5pt; margin-top: 8pt; }
.section + .section { break-before: page; page-break-before: always; }
@media screen { .section + .section { margin-top: 28pt; } }
.record { padding: 8pt 0 9pt; border-bottom: .5pt solid #d6dbe1; break-inside: avoid; page-break-inside: avoid; }
.record:last-child { border-bottom: 0; }
.kind { font-size: 8pt; font-weight: 500; color: #4d5968; border: .5pt solid #aab4bf; border-radius: 3pt; padding: 0 4pt; margin-left: 4pt; white-space: nowrap; vertical-align: 1pt; }
.label { color: #4d5968; }
.muted { color: #5d6875; }
.description { margin-top: 4pt; }
.facts > span { white-space: normal; }
.tags { font-size: 8.5pt; color: #4d5968; }
table.grid { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 9.5pt; }
table.grid td { padding: 2pt 6pt 2pt 0; vertical-align: top; border-top: .5pt solid #e3e7eb; }
col.c-role { width: 36%; } col.c-group { width: 30%; } col.c-when { width: 34%; }
ul.history { list-style: none; margin: 0; padding: 0; font-size: 9.5pt; }
ul.history li { display: grid; grid-template-columns: 36% 1fr; column-gap: 6pt; padding: 2pt 0; border-top: .5pt solid #e3e7eb; }
ul.history .when { color: #4d5968; }
ol.timeline { list-style: none; margin: 0; padding: 0; }
.event { display: grid; grid-template-columns: 34mm 1fr; column-gap: 6mm; padding: 7pt 0 8pt; border-bottom: .5pt solid #d6dbe1; break-inside: avoid; page-break-inside: avoid; }
.event:last-child { border-bottom: 0; }
.event .when { font-weight: 600; color: #2f3a46; padding-top: 1pt; }
.event .body { min-width: 0; }
sup.ref { font-size: 7pt; line-height: 0; margin-left: 1pt; }
sup.ref a { color: #2a5c8a; text-decoration: none; }
ol.notes { margin: 0; padding-left: 8mm; font-size: 9pt; }
ol.notes li { margin: 2pt 0; break-inside: avoid; page-break-inside: avoid; }
.cite { font-style: italic; }
ul.documents { list-style: none; margin: 0; padding: 0; font-size: 9pt; }
ul.documents li { padding: 5pt 0; border-bottom: .5pt solid #e3e7eb; break-inside: avoid; page-break-inside: avoid; }
.hash { font: 7.5pt/1.3 "DejaVu Sans Mono", Menlo, Consolas, monospace; color: #5d6875; overflow-wrap: anywhere; }
.empty { color: #5d6875; font-style: italic; }
`;
