import { describe, expect, it } from 'vitest';
import { BUNDLE_ERROR_CODES, ISSUE_KEYS } from '../../../shared/bundle';
import type { RecordKind } from '../../../shared/bundle';
import { hasMessage, translateDynamic } from '../../i18n';
import { en, es } from './messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** A sentence in both languages: present, not the key itself, and the Spanish not a copy of the English. */
function saysInBoth(key: string): void {
  expect(hasMessage(key), key).toBe(true);
  const english = translateDynamic('en', key);
  const spanish = translateDynamic('es', key);
  expect(english, key).not.toBe(key);
  expect(spanish, key).not.toBe(key);
  expect(english.length, key).toBeGreaterThan(10);
  expect(spanish, key).not.toBe(english);
}

describe('bundle messages', () => {
  it('has a non-empty Spanish text for every English one, with the same placeholders', () => {
    for (const [key, text] of Object.entries(en)) {
      const spanish = (es as Record<string, string>)[key];
      expect(spanish, key).toBeTruthy();
      expect(placeholders(spanish!), key).toEqual(placeholders(text));
    }
  });

  it('says every code a refusal can carry in plain words, in English and Spanish', () => {
    expect(BUNDLE_ERROR_CODES.length).toBeGreaterThan(30);
    for (const code of BUNDLE_ERROR_CODES) saysInBoth(`bundles.error.${code}`);
  });

  it('says every problem an issue of a refusal can name, and every kind of record it can be about', () => {
    expect(ISSUE_KEYS).toEqual(expect.arrayContaining(['bundle.missingFile', 'bundle.notAList', 'bundle.pagesNameMismatch', 'validation.wrongType', 'validation.tooBig']));
    for (const key of ISSUE_KEYS) saysInBoth(key);
    const kinds: RecordKind[] = ['case', 'actor', 'event', 'document', 'pages', 'file', 'nameRule'];
    for (const kind of kinds) expect(hasMessage(`bundles.issueKind.${kind}`), kind).toBe(true);
  });
});
