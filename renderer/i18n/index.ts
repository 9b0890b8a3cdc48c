import * as common from './common';
import * as actors from '../features/actors/messages';
import * as events from '../features/events/messages';
import * as documents from '../features/documents/messages';
import * as viewer from '../features/viewer/messages';
import * as search from '../features/search/messages';
import * as bundles from '../features/bundles/messages';
import * as storage from '../features/storage/messages';
import * as ocr from '../features/ocr/messages';
import * as mentions from '../features/mentions/messages';
import * as trash from '../features/trash/messages';
import * as timeline from '../features/timeline/messages';
import * as map from '../features/map/messages';
import * as chart from '../features/chart/messages';

/**
 * All UI text goes through here. Each feature keeps its own catalogue (features/<name>/messages.ts)
 * so features can be worked on apart; the types make a missing Spanish string a compile error.
 */
export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

const catalogues = {
  en: { ...common.en, ...actors.en, ...events.en, ...documents.en, ...viewer.en, ...search.en, ...bundles.en, ...storage.en, ...ocr.en, ...mentions.en, ...trash.en, ...timeline.en, ...map.en, ...chart.en },
  es: { ...common.es, ...actors.es, ...events.es, ...documents.es, ...viewer.es, ...search.es, ...bundles.es, ...storage.es, ...ocr.es, ...mentions.es, ...trash.es, ...timeline.es, ...map.es, ...chart.es },
} satisfies Record<Language, Record<string, string>>;

export type MessageKey = keyof (typeof catalogues)['en'];
export type Params = Record<string, string | number>;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

export function translate(lang: Language, key: MessageKey, params?: Params): string {
  return interpolate(catalogues[lang][key] ?? catalogues.en[key] ?? key, params);
}

/** For keys computed at run time (validation keys from shared/, enum values): falls back to the key itself. */
export function translateDynamic(lang: Language, key: string, params?: Params): string {
  const table: Record<string, string> = catalogues[lang];
  return interpolate(table[key] ?? (catalogues.en as Record<string, string>)[key] ?? key, params);
}

export function hasMessage(key: string): boolean {
  return key in catalogues.en;
}

/** The language to start in before settings load: the saved one, else the system's if we have it. */
export function initialLanguage(saved: string | null, navigatorLanguages: readonly string[]): Language {
  if (isLanguage(saved)) return saved;
  for (const tag of navigatorLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}
