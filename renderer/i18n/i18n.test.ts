import { describe, expect, it } from 'vitest';
import * as common from './common';
import { initialLanguage, translate, translateDynamic } from './index';

describe('i18n', () => {
  it('has a Spanish text for every English key, and none left empty', () => {
    for (const key of Object.keys(common.en)) expect((common.es as Record<string, string>)[key], key).toBeTruthy();
  });
  it('interpolates parameters', () => {
    expect(translate('es', 'bundles.progress.items', { done: 6, total: 20 })).toBe('6 de 20');
  });
  it('translates validation keys coming from shared/ and passes unknown text through', () => {
    expect(translateDynamic('es', 'validation.required')).toBe('Este campo es obligatorio.');
    expect(translateDynamic('en', 'Expected string')).toBe('Expected string');
  });
  it('starts in the saved language, else the system language, else English', () => {
    expect(initialLanguage('es', ['en-GB'])).toBe('es');
    expect(initialLanguage(null, ['es-PE', 'en'])).toBe('es');
    expect(initialLanguage('fr', ['de-DE'])).toBe('en');
  });
});
