// Seeded, Zipf-distributed corpus for `npm run bench:search` (scripts/bench-search.mjs).
// Unlike tests/fixtures/search/generatePages.ts (a 40-word common list: every query hits
// every page), word frequencies here follow Zipf's law over tens of thousands of words, so
// term queries range from "most pages" (function-like words) to "a handful" (the long tail).
// Documents are 30 pages in one language: 70% Spanish, 30% English. Names and places carry
// accents (tests/bench/vocabulary.ts). Any document can be regenerated alone from its index.
import { makeRandom } from './generateRecords';
import { GIVEN_NAMES, REGIONS, SURNAMES } from './vocabulary';

export type CorpusLang = 'es' | 'en';
export const PAGES_PER_DOCUMENT = 30;

// Real function words first (Zipf's top ranks), then real domain words mixed into the head of
// a long synthetic tail built from the language's syllables and suffixes.
const ES_FUNCTION = ('de la que el en y a los del se las por un para con no una su al lo como más pero sus le ya o este sí porque esta ' +
  'entre cuando muy sin sobre también me hasta hay donde quien desde todo nos durante todos uno les ni contra otros ese eso ante ' +
  'ellos e esto antes algunos qué unos otro otras otra él tanto esa estos mucho quienes nada muchos cual poco ella estar estas ' +
  'algunas algo nosotros fue era son ser había han tiene dijo según así después mismo').split(' ');
const ES_DOMAIN = ('policía operación región comunidad campesina campesinos provincia distrito base patrulla enfrentamiento muertos ' +
  'heridos detenidos capturados armas explosivos informe fiscalía juicio sentencia captura mandos valle militares Estado ataque ' +
  'emboscada narcotráfico cocaína declaración testigo testimonio desaparición desaparecidos fosa exhumación comandante columna ' +
  'senderistas subversivos terrorismo masacre víctimas población autoridades alcalde teniente gobernador ejército marina ' +
  'comisaría prisión penal tribunal acusación defensa abogado expediente investigación documento reunión organización dirigente ' +
  'militante comité zonal regional central prensa periódico revista entrevista fotografía mapa coordenadas carretera puente ' +
  'río quebrada cerro selva sierra costa pueblo caserío anexo chacra ganado cosecha hoja coca laboratorio pista avioneta ' +
  'helicóptero cuartel batallón compañía pelotón soldado oficial capitán mayor coronel general ministerio congreso comisión ' +
  'verdad reconciliación reparación memoria familiares huérfanos viudas desplazados retorno refugio ronda autodefensa ' +
  'mediodía madrugada noche tarde mañana semana mes año días horas kilómetros metros dólares soles millones').split(' ');
const EN_FUNCTION = ('the of and to in a is that for it as was with be by on not he i this are or his from at which but have an had ' +
  'they you were their one all we can her has there been if more when will would who so no them some into than its out only ' +
  'other time could these two may then do first any my now such like our over man me even most made after also did many before ' +
  'must through back years where much your way well down should because each just those people how too little state good very').split(' ');
const EN_DOMAIN = ('police operation region community farmers province district base patrol clash dead wounded detained captured ' +
  'weapons explosives report prosecutor trial sentence capture leaders army attack ambush trafficking cocaine statement witness ' +
  'testimony disappearance disappeared grave exhumation commander column insurgents terrorism massacre victims population ' +
  'authorities mayor lieutenant governor navy station prison court indictment defense lawyer file investigation document meeting ' +
  'organization leader militant committee zonal regional central press newspaper magazine interview photograph map coordinates ' +
  'road bridge river valley hill jungle highlands coast village hamlet field cattle harvest leaf coca laboratory airstrip ' +
  'helicopter barracks battalion company platoon soldier officer captain major colonel general ministry congress commission ' +
  'truth reconciliation reparation memory relatives orphans widows displaced return shelter patrols selfdefense noon dawn night ' +
  'afternoon morning week month year days hours kilometers meters dollars millions').split(' ');

const ES_SYLLABLES = ['ca', 'pa', 'ra', 'ta', 'mi', 'lo', 'qui', 'hua', 'yo', 'ne', 'so', 'ri', 'cu', 'ma', 'to', 'ña', 'ché', 'llo', 'bre',
  'tra', 'gua', 'pe', 'chu', 'ló', 'dí', 'sa', 've', 'no', 'rá', 'fe', 'ga', 'zo', 'cri', 'plan', 'pol', 'mun', 'ter', 'vis', 'cón', 'tú'];
const ES_SUFFIXES = ['', '', '', 'ción', 'ciones', 'ado', 'ada', 'ados', 'ando', 'ía', 'mente', 'ero', 'os', 'as', 'es', 'idad', 'ista', 'ería'];
const EN_SYLLABLES = ['ber', 'con', 'dra', 'fen', 'gal', 'ham', 'ket', 'lor', 'mun', 'nor', 'pel', 'quin', 'rest', 'sal', 'tor', 'ver', 'wil',
  'bly', 'stren', 'thor', 'ash', 'cro', 'dun', 'ev', 'fil', 'gre', 'hol', 'ing', 'jar', 'kel', 'lan', 'mor', 'nix', 'op', 'pra', 'shaw'];
const EN_SUFFIXES = ['', '', '', 'ing', 'ed', 'tion', 'ly', 's', 'er', 'ment', 'ness', 'ers', 'ings', 'al'];

export const PLACES: readonly string[] = [...new Set(REGIONS.flatMap((r) => [r.name, ...r.districts, ...r.places]))];
/** Distinct names (SURNAMES repeats Quispe and Mamani to weight them; the set does not). */
export const NAME_WORDS: readonly string[] = [...new Set([...GIVEN_NAMES, ...SURNAMES])];

interface Vocabulary { words: string[]; cumulative: Float64Array }

function buildVocabulary(seed: number, fn: string[], domain: string[], syllables: string[], suffixes: string[], size: number): Vocabulary {
  const r = makeRandom(seed);
  const seen = new Set<string>([...fn, ...domain].map((w) => w.toLowerCase()));
  const tail: string[] = [];
  const want = size - seen.size;
  while (tail.length < want) {
    const stem = Array.from({ length: r.int(2, 4) }, () => r.pick(syllables)).join('');
    const word = stem + r.pick(suffixes);
    if (word.length < 3 || seen.has(word)) continue;
    seen.add(word);
    tail.push(word);
  }
  // Domain words scattered over ranks ~fn.length…3000 of the tail's head.
  const content = [...tail];
  for (const w of domain) content.splice(r.int(0, Math.min(3000, content.length)), 0, w);
  const words = [...fn, ...content];
  // Zipf–Mandelbrot: weight 1/(rank + 2.7)^1.0.
  const cumulative = new Float64Array(words.length);
  let sum = 0;
  for (let i = 0; i < words.length; i++) { sum += 1 / (i + 1 + 2.7); cumulative[i] = sum; }
  for (let i = 0; i < words.length; i++) cumulative[i]! /= sum;
  return { words, cumulative };
}

function sample(v: Vocabulary, x: number): string {
  let lo = 0, hi = v.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v.cumulative[mid]! < x) lo = mid + 1; else hi = mid;
  }
  return v.words[lo]!;
}

export interface CorpusDocument { index: number; lang: CorpusLang; title: string; pages: string[] }

export interface Corpus {
  seed: number;
  /** Distinct vocabulary words per language (before names and places). */
  vocabularySize: Record<CorpusLang, number>;
  /** Document `index` (0-based), generated alone and identically every time. */
  document(index: number, pageCount?: number): CorpusDocument;
}

export function makeCorpus(seed = 20_240_101, sizes: Record<CorpusLang, number> = { es: 40_000, en: 20_000 }): Corpus {
  const vocab: Record<CorpusLang, Vocabulary> = {
    es: buildVocabulary(seed + 1, ES_FUNCTION, ES_DOMAIN, ES_SYLLABLES, ES_SUFFIXES, sizes.es),
    en: buildVocabulary(seed + 2, EN_FUNCTION, EN_DOMAIN, EN_SYLLABLES, EN_SUFFIXES, sizes.en),
  };
  return {
    seed,
    vocabularySize: { es: vocab.es.words.length, en: vocab.en.words.length },
    document(index, pageCount = PAGES_PER_DOCUMENT) {
      const r = makeRandom((seed ^ 0x5bd1e995) + index * 7_919);
      const lang: CorpusLang = r.chance(0.7) ? 'es' : 'en';
      const v = vocab[lang];
      // Each document has its own cast: a few people and places recur across its pages.
      const cast = Array.from({ length: r.int(3, 8) }, () => `${r.pick(GIVEN_NAMES)} ${r.pick(SURNAMES)}${r.chance(0.4) ? ` ${r.pick(SURNAMES)}` : ''}`);
      const places = Array.from({ length: r.int(2, 5) }, () => r.pick(PLACES));
      const pages: string[] = [];
      for (let p = 0; p < pageCount; p++) {
        const out: string[] = [];
        const words = r.int(250, 420);
        let sentence = 0;
        let sentenceLength = r.int(8, 25);
        for (let w = 0; w < words; w++) {
          const x = r.next();
          let word = x < 0.05 ? r.pick(cast) : x < 0.06 ? `${r.pick(GIVEN_NAMES)} ${r.pick(SURNAMES)}` : x < 0.08 ? r.pick(places) : sample(v, r.next());
          if (sentence === 0) word = word[0]!.toUpperCase() + word.slice(1);
          sentence++;
          if (sentence >= sentenceLength) { word += r.chance(0.8) ? '.' : ';'; sentence = 0; sentenceLength = r.int(8, 25); }
          else if (r.chance(0.06)) word += ',';
          out.push(word);
        }
        pages.push(out.join(' '));
      }
      const title = `${lang === 'es' ? 'Informe' : 'Report'} ${index + 1}: ${cast[0]} — ${places[0]}`;
      return { index, lang, title, pages };
    },
  };
}

/** One-letter typo inside a word (never the first letter), for fuzzy queries. */
export function typo(word: string, x: number, y: number): string {
  const letters = 'abcdefghilmnoprstuv';
  const i = 1 + Math.floor(x * (word.length - 2));
  let c = letters[Math.floor(y * letters.length)]!;
  if (c === word[i]) c = c === 'a' ? 'e' : 'a';
  return word.slice(0, i) + c + word.slice(i + 1);
}

/** Accents stripped (what a researcher types without a Spanish keyboard). */
export function stripAccents(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '');
}
