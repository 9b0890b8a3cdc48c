/**
 * The tesseract languages for a document, from its `language` field, which holds what the
 * source or the user said: an ISO code ("es", "es-MX", "spa"), a name ("Spanish",
 * "español") or several ("es, en"). Only the languages whose data the app ships
 * (renderer/workers/ocrAssets.ts: spa, eng) can be asked for; anything else, or nothing,
 * reads with both, which costs a little speed and rarely accuracy on Latin script.
 */
export const DEFAULT_OCR_LANGUAGES = 'spa+eng';

const SHIPPED: Record<string, string> = {
  es: 'spa', spa: 'spa', spanish: 'spa', 'español': 'spa', espanol: 'spa', castellano: 'spa', 'castellà': 'spa',
  en: 'eng', eng: 'eng', english: 'eng', 'inglés': 'eng', ingles: 'eng',
};

export function ocrLanguagesFor(language: string): string {
  const found: string[] = [];
  for (const part of language.toLowerCase().split(/[\s,;/+&]+|\by\b|\band\b/)) {
    const base = part.trim().split(/[-_]/)[0] ?? '';
    const code = SHIPPED[base];
    if (code && !found.includes(code)) found.push(code);
  }
  return found.length ? found.join('+') : DEFAULT_OCR_LANGUAGES;
}
