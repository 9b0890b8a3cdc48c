import { describe, expect, it } from 'vitest';
import { en, es } from './messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('bundle messages', () => {
  it('has a non-empty Spanish text for every English one, with the same placeholders', () => {
    for (const [key, text] of Object.entries(en)) {
      const spanish = (es as Record<string, string>)[key];
      expect(spanish, key).toBeTruthy();
      expect(placeholders(spanish!), key).toEqual(placeholders(text));
    }
  });
});
