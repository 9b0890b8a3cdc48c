/**
 * Country and language codes for formats that want codes where the user typed names
 * ("Peru", "Perú", "PE" → pe). Country names come from the runtime's own ICU data
 * (Intl.DisplayNames, in English and Spanish) rather than a table kept here.
 */

// "Bosnia and Herzegovina" and ICU's "Bosnia & Herzegovina", "Saint Lucia" and "St. Lucia"
// meet once little words are dropped and "saint" is shortened.
const LITTLE_WORDS = /\b(and|y|the|of|de|del|la|las|los|el)\b/g;
const fold = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ')
    .replace(LITTLE_WORDS, ' ').replace(/\bsaint\b/g, 'st').replace(/\s+/g, ' ').trim();

// Private-use and grouping codes that are not countries, and the exceptionally reserved
// ones (Ascension, Canary Islands…) that FollowTheMoney and ACLED do not use.
const NOT_COUNTRIES = new Set(['AA', 'EU', 'EZ', 'UN', 'ZZ', 'QO', 'AC', 'CP', 'CQ', 'DG', 'EA', 'IC', 'TA']);
const isPrivateUse = (code: string): boolean => /^(Q[M-Z]|X[A-Z])$/.test(code) && code !== 'XK';
/**
 * ICU still names withdrawn codes (DD "Germany", RH "Zimbabwe", BU "Myanmar (Burma)"), and
 * they sort before the current ones: without this "Germany" became dd. A withdrawn code
 * canonicalises to its successor (und-DD → und-DE).
 */
const isWithdrawn = (code: string): boolean => {
  try {
    return Intl.getCanonicalLocales(`und-${code}`)[0] !== `und-${code}`;
  } catch {
    return true;
  }
};

const ALIASES: Record<string, string> = {
  usa: 'us', 'united states of america': 'us', 'estados unidos de america': 'us', eeuu: 'us', uk: 'gb',
  'great britain': 'gb', 'gran bretana': 'gb', holland: 'nl', 'ivory coast': 'ci', burma: 'mm', kosovo: 'xk',
  // ACLED's and other common English names that ICU words differently.
  'democratic republic congo': 'cd', drc: 'cd', 'dr congo': 'cd', 'republic congo': 'cg', palestine: 'ps',
  turkey: 'tr', turquia: 'tr', swaziland: 'sz', 'czech republic': 'cz', macedonia: 'mk', 'east timor': 'tl',
  'hong kong': 'hk', macau: 'mo', macao: 'mo', vatican: 'va', 'vatican city': 'va', 'caribbean netherlands': 'bq',
  'bonaire sint eustatius saba': 'bq', 'falkland islands': 'fk', 'malvinas': 'fk', 'islas malvinas': 'fk',
};

let countryTable: Map<string, string> | null = null;

function buildCountryTable(): Map<string, string> {
  const table = new Map<string, string>(Object.entries(ALIASES).map(([name, code]) => [fold(name), code]));
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const namers = ['en', 'es'].map((lang) => new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' }));
  for (const a of letters) {
    for (const b of letters) {
      const code = a + b;
      if (NOT_COUNTRIES.has(code) || isPrivateUse(code) || isWithdrawn(code)) continue;
      for (const namer of namers) {
        let name: string | undefined;
        try { name = namer.of(code); } catch { name = undefined; }
        if (!name) continue;
        table.set(code.toLowerCase(), code.toLowerCase());
        // "Myanmar (Burma)", "Congo - Kinshasa": the name before the qualifier counts too.
        for (const variant of [name, name.replace(/\s*\(.*\)$/, '')]) {
          const key = fold(variant);
          if (key && !table.has(key)) table.set(key, code.toLowerCase());
        }
      }
    }
  }
  return table;
}

/** ISO 3166-1 alpha-2 code, lowercase, for a country name or code in English or Spanish; null if unknown. */
export function countryCode(country: string): string | null {
  countryTable ??= buildCountryTable();
  // A code as typed ("DE", "la") before folding, which drops little words such as "de" and "la".
  const asCode = country.trim().toLowerCase();
  if (/^[a-z]{2}$/.test(asCode) && countryTable.get(asCode) === asCode) return asCode;
  const key = fold(country);
  return key ? countryTable.get(key) ?? null : null;
}

/** Every ISO 3166-1 alpha-2 code `countryCode` can return, lowercase. */
export function countryCodes(): string[] {
  countryTable ??= buildCountryTable();
  return [...new Set(countryTable.values())].sort();
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
