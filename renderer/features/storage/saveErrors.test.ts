import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { diskFullText, saveFailedText } from './saveErrors';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('save failures in plain words', () => {
  it('says a full disk, naming what was not saved, in English and Spanish', () => {
    expect(saveFailedText(new Dexie.AbortError('Transaction aborted', quota()), 'en', 'Jorge Quispe Palomino'))
      .toBe('The disk is full: “Jorge Quispe Palomino” was not saved. Free some space and try again.');
    expect(saveFailedText(quota(), 'es', 'Jorge Quispe Palomino'))
      .toBe('El disco está lleno: «Jorge Quispe Palomino» no se guardó. Libere espacio e inténtelo de nuevo.');
  });

  it('falls back to "the record" when there is no name yet', () => {
    expect(diskFullText('en', '  ')).toBe('The disk is full: the record was not saved. Free some space and try again.');
    expect(diskFullText('es')).toBe('El disco está lleno: el registro no se guardó. Libere espacio e inténtelo de nuevo.');
  });

  it('quotes any other failure as it is', () => {
    expect(saveFailedText(new Error('Record not found'), 'en', 'X')).toBe('Could not save: Record not found');
  });
});
