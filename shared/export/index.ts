// Standard exports (issue 5): FollowTheMoney, ACLED-style CSV, printable case report.
export type { ExportInput } from './types';
export type { FtmEntity, FtmMention, FtmOptions } from './ftm';
export { exportFtm, exportFtmEntities, ftmId } from './ftm';
export { sha1Hex, contentSha1Map } from './contentHash';
export type { AcledColumn, AcledDateSummary, AcledOptions } from './acled';
export { ACLED_COLUMNS, CSV_COLUMNS, acledDateSummary, acledRecords, exportAcledCsv } from './acled';
export type { ReportOptions, ReportPage } from './report';
export { caseReport, caseReportHtml, standaloneReportHtml } from './report';
export type { ReportLocale } from './labels';
