import { describe, expect, it } from 'vitest';
import { stripBidiControls } from './bidi';

describe('stripBidiControls', () => {
  it('removes every bidirectional control character', () => {
    const controls = ['\u061C', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
    for (const c of controls) {
      expect(stripBidiControls(`a${c}b${c}`), `U+${c.codePointAt(0)?.toString(16)}`).toBe('ab');
    }
  });

  it('keeps right-to-left letters, accents and joiners intact', () => {
    for (const text of ['تقرير القضية', 'דו״ח', 'Guzmán — VRAEM', 'क्षि', 'emoji 👩‍💻']) {
      expect(stripBidiControls(text)).toBe(text);
    }
  });
});

describe('stripBidiControls on file names', () => {
  it('unmasks a program posing as a PDF', () => {
    // Displayed as "reportexe.pdf"; really ends in ".exe".
    expect(stripBidiControls('report\u202Efdp.exe')).toBe('reportfdp.exe');
    expect(stripBidiControls('\u2067case\u2069.casefile')).toBe('case.casefile');
  });

  it('leaves ordinary names alone', () => {
    expect(stripBidiControls('vraem-2026-11-27.casefile.age')).toBe('vraem-2026-11-27.casefile.age');
  });
});
