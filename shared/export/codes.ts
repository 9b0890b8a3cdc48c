/**
 * Country and language codes for formats that want codes where the user typed names
 * ("Peru", "Perú", "PE" → pe). Country names come from the runtime's own ICU data
 * (Intl.DisplayNames, in English and Spanish) rather than a table kept here.
 */

const fold = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

// Private-use and grouping codes that are not countries.
const NOT_COUNTRIES = new Set(['AA', 'EU', 'EZ', 'UN', 'ZZ', 'QO']);
const isPrivateUse = (code: string): boolean => /^(Q[M-Z]|X[A-Z])$/.test(code) && code !== 'XK';

const ALIASES: Record<string, string> = {
  usa: 'us', 'united states of america': 'us', 'estados unidos de america': 'us', eeuu: 'us', uk: 'gb',
  'great britain': 'gb', 'gran bretana': 'gb', holland: 'nl', 'ivory coast': 'ci', burma: 'mm', kosovo: 'xk',
};

let countryTable: Map<string, string> | null = null;

function buildCountryTable(): Map<string, string> {
  const table = new Map<string, string>(Object.entries(ALIASES));
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const namers = ['en', 'es'].map((lang) => new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' }));
  for (const a of letters) {
    for (const b of letters) {
      const code = a + b;
      if (NOT_COUNTRIES.has(code) || isPrivateUse(code)) continue;
      for (const namer of namers) {
        let name: string | undefined;
        try { name = namer.of(code); } catch { name = undefined; }
        if (!name) continue;
        table.set(code.toLowerCase(), code.toLowerCase());
        const key = fold(name);
        if (key && !table.has(key)) table.set(key, code.toLowerCase());
      }
    }
  }
  return table;
}

/** ISO 3166-1 alpha-2 code, lowercase, for a country name or code in English or Spanish; null if unknown. */
export function countryCode(country: string): string | null {
  const key = fold(country);
  if (!key) return null;
  countryTable ??= buildCountryTable();
  return countryTable.get(key) ?? null;
}

// FollowTheMoney's language type takes ISO 639-3 codes from a fixed list; these are the
// languages of most sources in this field. Anything else is left out rather than guessed.
const LANGUAGES: Record<string, string[]> = {
  spa: ['es', 'spa', 'spanish', 'espanol', 'castellano'],
  eng: ['en', 'eng', 'english', 'ingles'],
  por: ['pt', 'por', 'portuguese', 'portugues'],
  fra: ['fr', 'fra', 'fre', 'french', 'frances'],
  deu: ['de', 'deu', 'ger', 'german', 'aleman'],
  ita: ['it', 'ita', 'italian', 'italiano'],
  nld: ['nl', 'nld', 'dut', 'dutch', 'neerlandes'],
  rus: ['ru', 'rus', 'russian', 'ruso'],
  ara: ['ar', 'ara', 'arabic', 'arabe'],
  zho: ['zh', 'zho', 'chi', 'chinese', 'chino'],
};
const LANGUAGE_TABLE = new Map(Object.entries(LANGUAGES).flatMap(([code, keys]) => keys.map((k) => [k, code] as const)));

/** ISO 639-3 code for a language as typed ("es", "Spanish", "español", "es-PE"); null if not known. */
export function languageCode(language: string): string | null {
  const key = fold(language);
  return LANGUAGE_TABLE.get(key) ?? LANGUAGE_TABLE.get(key.split(' ')[0] ?? '') ?? null;
}
