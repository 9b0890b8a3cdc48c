import { describe, expect, it } from 'vitest';
import { DEFAULT_OCR_LANGUAGES, ocrLanguagesFor } from './languages';

describe('ocrLanguagesFor', () => {
  it('maps ISO codes, tags and names to the shipped tesseract languages', () => {
    expect(ocrLanguagesFor('es')).toBe('spa');
    expect(ocrLanguagesFor('es-MX')).toBe('spa');
    expect(ocrLanguagesFor('EN_gb')).toBe('eng');
    expect(ocrLanguagesFor('Spanish')).toBe('spa');
    expect(ocrLanguagesFor('español')).toBe('spa');
    expect(ocrLanguagesFor('spa')).toBe('spa');
  });

  it('keeps the order given for several languages, once each', () => {
    expect(ocrLanguagesFor('en, es')).toBe('eng+spa');
    expect(ocrLanguagesFor('español y inglés')).toBe('spa+eng');
    expect(ocrLanguagesFor('es/es-AR')).toBe('spa');
  });

  it('reads with both when the language is empty or not shipped', () => {
    expect(ocrLanguagesFor('')).toBe(DEFAULT_OCR_LANGUAGES);
    expect(ocrLanguagesFor('fr')).toBe(DEFAULT_OCR_LANGUAGES);
    expect(ocrLanguagesFor('fr, en')).toBe('eng');
  });
});
