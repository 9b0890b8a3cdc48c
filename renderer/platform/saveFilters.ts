import type { FileFilter } from '../../shared/desktopApi';

const labels: Readonly<Record<string, string>> = {
  'application/json': 'JSON',
  'text/csv': 'CSV',
  'application/pdf': 'PDF documents',
  'text/html': 'HTML',
  'text/plain': 'Text',
  'application/zip': 'ZIP archives',
};

/** Save-dialog filters from a name and MIME type: the file's own extension, then "All files". */
export function saveFiltersFor(suggestedName: string, mimeType: string): FileFilter[] {
  const match = /\.([a-z0-9]{1,16})$/i.exec(suggestedName);
  const all: FileFilter = { name: 'All files', extensions: ['*'] };
  if (!match?.[1]) return [all];
  const ext = match[1].toLowerCase();
  const base = mimeType.split(';')[0]?.trim().toLowerCase() ?? '';
  return [{ name: labels[base] ?? `${ext.toUpperCase()} files`, extensions: [ext] }, all];
}
