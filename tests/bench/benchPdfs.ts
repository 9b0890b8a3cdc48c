// The documents benchmark's corpus, made in Node with the fixture PDF writer: one long
// report and many short ones, each page ~350 words of news-like prose, about 70% Spanish
// and 30% English, with accented names and places. Content streams are Flate-compressed
// as in real files; the font is the standard Helvetica (WinAnsi covers á é í ó ú ñ ü ¿ ¡),
// so pdf.js loads its bundled standard-font data rather than an embedded font program.
import { deflateSync } from 'node:zlib';
import { latin1, writePdf, type PdfObject } from '../fixtures/pdf/pdfWriter';
import { makeRandom } from './generateRecords';
import { GIVEN_NAMES, REGIONS, SURNAMES } from './vocabulary';

type Random = ReturnType<typeof makeRandom>;

const ES_WORDS = (
  'el la los las de del en y que por para con sin sobre entre según durante contra hacia desde hasta una un se su sus ' +
  'informe testigo testigos declaración fiscalía juzgado sentencia acusado víctimas familiares comunidad campesinos ' +
  'ejército policía patrulla base contrasubversiva columna comité zonal dirigente mando mandos político militar ' +
  'enfrentamiento emboscada ataque atentado explosivos dinamita fusiles munición incautación captura detención ' +
  'desaparición forzada fosa exhumación restos identificación peritaje antropológico médico legal ' +
  'narcotráfico cocaína pasta básica hoja coca pozas maceración avioneta pista clandestina ' +
  'río valle selva quebrada cerro caserío anexo distrito provincia región carretera puente ' +
  'año años mes meses día noche mañana tarde madrugada semana después antes mientras cuando ' +
  'según fuentes periodísticas diario oficial expediente número folio página anexo documento ' +
  'también además sin embargo no obstante asimismo posteriormente finalmente inicialmente ' +
  'habría había fue fueron estaba estaban dijo señaló afirmó indicó reconoció negó denunció ' +
  'información investigación operación operativo autoridades gobierno estado nación república ' +
  'población desplazados retorno reparación memoria verdad justicia derechos humanos ' +
  'camión vehículo casa escuela iglesia plaza mercado chacra ganado cosecha ' +
  'jóvenes niños mujeres hombres ancianos pobladores ronderos autodefensa ' +
  'según él ella ellos más menos muy todo todos cada otro otra otros mismo misma'
).split(' ');

const EN_WORDS = (
  'the of and to in a that for on with by from at as was were is are had has have ' +
  'report witness witnesses statement prosecutor court ruling defendant victims families community ' +
  'army police patrol base column committee leader commander political military clash ambush attack ' +
  'explosives rifles ammunition seizure arrest detention enforced disappearance grave exhumation remains ' +
  'drug trafficking cocaine paste coca leaf airstrip valley river jungle village district province road bridge ' +
  'year years month months day night morning evening week after before while when according sources ' +
  'newspaper official file number page annex document also however moreover later finally initially ' +
  'said stated denied claimed reported confirmed investigation operation authorities government state ' +
  'population displaced return reparations memory truth justice human rights truck house school church ' +
  'square market young children women men elders villagers self-defence more less very all each other same'
).split(' ');

const places = REGIONS.flatMap((r) => [r.name, ...r.districts, ...r.places]);

function name(r: Random): string {
  return `${r.pick(GIVEN_NAMES)} ${r.pick(SURNAMES)}${r.chance(0.6) ? ` ${r.pick(SURNAMES)}` : ''}`;
}

/** One sentence of 8–24 words in one language, now and then naming a person, place or date. */
function sentence(r: Random, spanish: boolean): string[] {
  const words = spanish ? ES_WORDS : EN_WORDS;
  const out: string[] = [];
  const length = r.int(8, 24);
  while (out.length < length) {
    const roll = r.next();
    if (roll < 0.06) out.push(...name(r).split(' '));
    else if (roll < 0.1) out.push(...r.pick(places).split(' '));
    else if (roll < 0.12) out.push(String(r.int(1980, 2024)));
    else out.push(r.pick(words));
  }
  out[0] = out[0]!.charAt(0).toUpperCase() + out[0]!.slice(1);
  out[out.length - 1] += r.chance(0.08) ? ':' : '.';
  if (spanish && r.chance(0.05)) out[0] = `¿${out[0]}`;
  return out;
}

/** About `target` words of prose, wrapped into lines of at most `width` characters. */
export function pageLines(r: Random, target = 350, width = 92): { lines: string[]; words: number } {
  const words: string[] = [];
  while (words.length < target) words.push(...sentence(r, r.chance(0.7)));
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return { lines, words: words.length };
}

/** A PDF literal string in WinAnsi (Latin-1 covers every character the generator uses). */
function pdfString(text: string): string {
  let out = '(';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code > 0xff) throw new Error(`No WinAnsi glyph for ${ch}`);
    if (ch === '(' || ch === ')' || ch === '\\') out += `\\${ch}`;
    else if (code < 0x20 || code > 0x7e) out += `\\${code.toString(8).padStart(3, '0')}`;
    else out += ch;
  }
  return `${out})`;
}

const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
const BOLD = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>';

/** A page as a typesetter writes it: a bold running head, the body line by line, a page number. */
function pageContent(title: string, lines: string[], pageNumber: number): Uint8Array {
  const body = lines.map((l) => `${pdfString(l)} Tj T*`).join('\n');
  const text = [
    `BT /F2 9 Tf 56 800 Td ${pdfString(title)} Tj ET`,
    `BT /F1 10 Tf 13 TL 56 770 Td\n${body}\nET`,
    `BT /F1 9 Tf 290 40 Td (${pageNumber}) Tj ET`,
  ].join('\n');
  return new Uint8Array(deflateSync(latin1(text)));
}

export interface BenchPdf {
  name: string;
  bytes: Uint8Array;
  pages: number;
  words: number;
}

/** One PDF of `pageCount` generated pages. */
export function makeBenchPdf(r: Random, fileName: string, title: string, pageCount: number): BenchPdf {
  const objects: PdfObject[] = [
    { value: '<< /Type /Catalog /Pages 2 0 R >>' },
    { value: '' },
    { value: FONT },
    { value: BOLD },
  ];
  const kids: string[] = [];
  let words = 0;
  for (let p = 1; p <= pageCount; p++) {
    const page = pageLines(r);
    words += page.words;
    const pageNum = objects.length + 1;
    objects.push({ value: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageNum + 1} 0 R >>` });
    objects.push({ value: '<< /Filter /FlateDecode >>', stream: pageContent(title, page.lines, p) });
    kids.push(`${pageNum} 0 R`);
  }
  objects[1] = { value: `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pageCount} >>` };
  const info = `<< /Title ${pdfString(title)} /Producer (casefile bench) /CreationDate (D:20240315120000Z) >>`;
  return { name: fileName, bytes: writePdf(objects, { info }), pages: pageCount, words };
}

export interface CorpusOptions {
  /** Pages of the one long report. */
  bigPages: number;
  /** How many short PDFs (1–5 pages each). */
  smallCount: number;
  seed: number;
}

/** The long report first, then the short ones; deterministic for a seed. */
export function makeBenchCorpus({ bigPages, smallCount, seed }: CorpusOptions): BenchPdf[] {
  const r = makeRandom(seed);
  const files: BenchPdf[] = [];
  if (bigPages > 0) files.push(makeBenchPdf(r, 'informe-final-tomo-1.pdf', 'Informe final: Tomo I, Ayacucho y el VRAEM', bigPages));
  for (let i = 1; i <= smallCount; i++) {
    const place = r.pick(places);
    files.push(makeBenchPdf(r, `nota-${String(i).padStart(3, '0')}.pdf`, `Nota de prensa ${i}: ${place}`, r.int(1, 5)));
  }
  return files;
}
