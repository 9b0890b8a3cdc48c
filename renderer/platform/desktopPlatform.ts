import type { DesktopApi } from '../../shared/desktopApi';
import { standaloneReportHtml } from '../../shared/export';
import { stripBidiControls } from '../../shared/text/bidi';
import { pickFileWith, saveBlobDesktop } from './blobFiles';
import { saveFiltersFor } from './saveFilters';
import type { Platform } from './types';

export function createDesktopPlatform(api: DesktopApi, doc: Document): Platform {
  return {
    kind: 'desktop',
    appInfo: () => api.appInfo(),
    pickPdfFiles: () => api.openPdfFiles(),
    saveFile: ({ suggestedName, mimeType, data }) => {
      const name = stripBidiControls(suggestedName);
      return api.saveFile({ suggestedName: name, filters: saveFiltersFor(name, mimeType), data });
    },
    saveBlob: (req) => saveBlobDesktop(api, req),
    savesParts: true,
    pickFile: ({ accept }) => pickFileWith(doc, accept),
    reportExtension: 'pdf',
    saveReport: (page, suggestedName) => api.printToPdf({ suggestedName: stripBidiControls(suggestedName), html: standaloneReportHtml(page) }),
    onMenuCommand: (listener) => api.onMenuCommand(listener),
  };
}
