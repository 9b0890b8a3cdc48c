import { describe, expect, it } from 'vitest';
import type { ExportInput } from './types';
import { escapeHtml } from './html';
import { caseReport, caseReportHtml } from './report';
import { ARTICLE_ID, citation, sampleInput } from './sampleInput.testkit';

const opts = { generatedAt: Date.UTC(2026, 10, 27, 21, 5), appVersion: '1.2.3' };
const en = (input: ExportInput = sampleInput()) => caseReportHtml(input, { ...opts, locale: 'en' });
const es = (input: ExportInput = sampleInput()) => caseReportHtml(input, { ...opts, locale: 'es' });

/** The text of the document without tags, as a reader (or a printer) sees it. */
const visibleText = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<\/(?:td|li|p|h\d|div)>|<br>/g, ' ').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, ' ');

describe('caseReportHtml', () => {
  it('is one complete, self-contained document: no scripts, nothing fetched', () => {
    const page = en();
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(page.trimEnd().endsWith('</html>')).toBe(true);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|src=|href="(?!#)/i);
    expect(page).toContain("default-src 'none'");
    expect(page).toMatch(/@page \{\s*size: A4;/);
  });

  it('comes apart as a page without <style> and its stylesheet, for a frame under the app\'s CSP', () => {
    const page = caseReport(sampleInput(), { ...opts, locale: 'en' });
    expect(page.html).not.toMatch(/<style|style=/i);
    expect(page.css).toMatch(/@page \{\s*size: A4;/);
    const whole = en();
    expect(whole.match(/<style>/g)).toHaveLength(1);
    expect(whole.indexOf('</style>')).toBeLessThan(whole.indexOf('</head>'));
    expect(whole.replace(/<style>[\s\S]*?<\/style>\n/, '')).toBe(page.html);
  });

  it('names every actor with all their names, and every event', () => {
    const input = sampleInput();
    const text = visibleText(en(input));
    for (const a of input.actors) {
      for (const name of [a.name, ...a.names.map((n) => n.name)]) expect(text).toContain(name);
    }
    for (const e of input.events) expect(text).toContain(e.title);
    expect(text).toContain('Comandante Artemio (Nom de guerre)');
    expect(text).toContain('7 actors · 4 events · 1 sources');
    expect(text).toContain('Generated 2026-11-27 21:05 UTC · Casefile 1.2.3');
  });

  it('shows ranks over time and the current status with its date and source', () => {
    const text = visibleText(en());
    expect(text).toContain('founder and principal leader Shining Path from 1970s to 1992');
    // Cirilo's death cites page 3 of the article: note 3 in reading order (alias, membership, then this).
    expect(text).toMatch(/Current status: Killed \(since late August 2019\) — Chachaspata, Ayacucho\d/);
    expect(text).toContain('Current status: Captured / arrested (since 1992) — Peru');
    expect(text).toContain("Status history 1970s At large (Led the insurgency from the 1970s) 1992 Captured / arrested");
  });

  it('lays events out as a timeline with date as written, place, type, fatalities and actors', () => {
    const page = en();
    const text = visibleText(page);
    const order = ['Capture of Abimael Guzmán', 'Fall of “Comandante Artemio”', 'Clash between troops', 'Second clash in La Mar'].map((t) => text.indexOf(t));
    expect(order.every((pos, i) => pos > 0 && (i === 0 || pos > order[i - 1]!))).toBe(true);
    expect(text).toContain('late August 2019 Clash between troops and a Shining Path cell in Chachaspata');
    expect(text).toContain('Place: Chachaspata, Ayacucho, Peru · Type: Battles / Armed clash · Fatalities: 6 (Shining Path fighters: 4; soldiers: 2)');
    expect(text).toContain('Participants: Peruvian Armed Forces (Attacker)');
    expect(text).toContain('Shining Path (Target); Cirilo (Killed, Leader)');
    expect(text).toContain('Seizures: 79 kg cocaine; weapons (quantity not stated)');
    expect(text).toContain('Fatalities: not reported');
  });

  it('renders citations as numbered notes "Title, p. N" linked from the facts they support', () => {
    const page = en();
    const text = visibleText(page);
    expect(page).toMatch(/<sup class="ref"><a href="#note-1">1<\/a><\/sup>/);
    expect(page).toContain('<li id="note-1" value="1">');
    expect(text).toContain('Shining Path in the VRAEM, p. 2 — alias “Comandante Artemio”');
    expect(text).toContain('Shining Path in the VRAEM, p. 3 — four rebels … and two soldiers were killed (Ministry of the Interior figures)');
    expect(text).toContain('Shining Path in the VRAEM, whole document');
    expect(text).toContain('vraem-article.pdf · 3 pages · Source reliability: Reliable');
    // The same page and quote cited twice is one note.
    const input = sampleInput();
    input.actors[0]!.citations.push(citation(9, ARTICLE_ID, 2, 'alias “Comandante Artemio”'));
    expect(en(input).match(/<li id="note-/g)).toHaveLength(5);
  });

  it('says so when a cited document is not in the export', () => {
    const input = { ...sampleInput(), documents: [] };
    expect(visibleText(en(input))).toContain('document not available, p. 2');
  });

  it('escapes hostile text everywhere it appears', () => {
    const input = sampleInput();
    const attack = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';
    input.cases[0]!.name = attack;
    input.cases[0]!.description = attack;
    input.actors[0]!.name = attack;
    input.actors[0]!.names[0]!.name = `${attack}'`;
    input.events[0]!.title = attack;
    input.events[0]!.place.name = attack;
    input.events[0]!.tags = [attack];
    input.documents[0]!.title = attack;
    input.documents[0]!.url = `https://x.example/"><script>`;
    input.events[0]!.citations.push(citation(8, ARTICLE_ID, 1, attack, attack));
    const page = en(input);
    expect(page).not.toMatch(/<script|<img/i);
    expect(page).toContain(escapeHtml(attack));
    expect(page.split(escapeHtml(attack)).length - 1).toBeGreaterThanOrEqual(8);
  });

  it('speaks Spanish in "es": labels, statuses, event types, roles', () => {
    const page = es();
    const text = visibleText(page);
    expect(page).toContain('<html lang="es">');
    for (const words of [
      'Informe del caso', 'Actores', 'Eventos', 'Fuentes', 'Otros nombres', 'Pertenencias y rangos', 'Situación actual',
      'Capturado / detenido', 'Prófugo / en libertad', 'Abatido / muerto', 'Batallas / Enfrentamiento armado',
      'Acontecimientos estratégicos / Detenciones', 'Víctimas mortales', 'Incautaciones', 'Atacante', 'Nombre de guerra',
      '7 actores · 4 eventos · 1 fuentes', 'Generado 2026-11-27', 'documento completo', 'Fiabilidad de la fuente: Fiable',
    ]) expect(text).toContain(words);
    for (const english of ['Case report', 'Current status', 'Memberships and ranks', 'Battles', 'Captured / arrested', 'Attacker']) {
      expect(text).not.toContain(english);
    }
  });

  it('does not fail on a bad generation time', () => {
    expect(visibleText(caseReportHtml(sampleInput(), { locale: 'en', generatedAt: Number.NaN, appVersion: '1' }))).toContain('Generated — · Casefile 1');
  });

  it('handles an empty case', () => {
    const input: ExportInput = { ...sampleInput(), actors: [], events: [], documents: [], pages: [] };
    const text = visibleText(es(input));
    expect(text).toContain('No hay actores en este caso.');
    expect(text).toContain('No hay eventos en este caso.');
    expect(text).toContain('No se citan fuentes.');
  });
});
