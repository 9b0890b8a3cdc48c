import type { DesktopApi } from '../../shared/desktopApi';
import { saveFiltersFor } from './saveFilters';
import type { Platform } from './types';

export function createDesktopPlatform(api: DesktopApi): Platform {
  return {
    kind: 'desktop',
    appInfo: () => api.appInfo(),
    pickPdfFiles: () => api.openPdfFiles(),
    saveFile: ({ suggestedName, mimeType, data }) =>
      api.saveFile({ suggestedName, filters: saveFiltersFor(suggestedName, mimeType), data }),
    printHtml: (html, suggestedName) => api.printToPdf({ suggestedName, html }),
    onMenuCommand: (listener) => api.onMenuCommand(listener),
  };
}
