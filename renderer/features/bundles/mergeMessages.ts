/**
 * UI text of the import merge beyond the bundles catalogue: labels of the vocabularies a
 * difference can show, the "in your Trash" status and OCR brought in from a bundle. Spread
 * into the bundles catalogue (messages.ts); Spanish must have every English key.
 */
export const en = {
  'bundles.datePrecision.day': 'Exact day',
  'bundles.datePrecision.month': 'Month',
  'bundles.datePrecision.season': 'Season',
  'bundles.datePrecision.year': 'Year',
  'bundles.datePrecision.decade': 'Decade',
  'bundles.datePrecision.range': 'Date range',
  'bundles.datePrecision.unknown': 'Unknown',
  'bundles.extractionState.extracted': 'Text read',
  'bundles.extractionState.needs-ocr': 'Needs OCR',
  'bundles.extractionState.password-required': 'Password required',
  'bundles.extractionState.password-wrong': 'Wrong password',
  'bundles.extractionState.damaged': 'Damaged',
  'bundles.extractionState.timed-out': 'Timed out',
  'bundles.pageState.text': 'Text',
  'bundles.pageState.junk-text': 'Unreadable text layer',
  'bundles.pageState.image-only': 'Scan, not read yet',
  'bundles.pageState.blank': 'Blank',
  'bundles.pageState.drawing': 'Drawing only',
  'bundles.pageState.unreadable': 'Could not be read',
  'bundles.pageState.ocr': 'Text from OCR',
};

export const es: Record<keyof typeof en, string> = {
  'bundles.datePrecision.day': 'Día exacto',
  'bundles.datePrecision.month': 'Mes',
  'bundles.datePrecision.season': 'Estación',
  'bundles.datePrecision.year': 'Año',
  'bundles.datePrecision.decade': 'Década',
  'bundles.datePrecision.range': 'Intervalo de fechas',
  'bundles.datePrecision.unknown': 'Desconocida',
  'bundles.extractionState.extracted': 'Texto leído',
  'bundles.extractionState.needs-ocr': 'Necesita OCR',
  'bundles.extractionState.password-required': 'Requiere contraseña',
  'bundles.extractionState.password-wrong': 'Contraseña incorrecta',
  'bundles.extractionState.damaged': 'Dañado',
  'bundles.extractionState.timed-out': 'Tiempo agotado',
  'bundles.pageState.text': 'Texto',
  'bundles.pageState.junk-text': 'Capa de texto ilegible',
  'bundles.pageState.image-only': 'Escaneo, aún sin leer',
  'bundles.pageState.blank': 'En blanco',
  'bundles.pageState.drawing': 'Solo dibujos',
  'bundles.pageState.unreadable': 'No se pudo leer',
  'bundles.pageState.ocr': 'Texto por OCR',
};
