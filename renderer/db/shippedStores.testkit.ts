/**
 * The store lists of every database version as it shipped: copies, not imports from db.ts, on
 * purpose: they stand for databases already on users' disks, which the upgrade tests open with
 * plain Dexie before handing them to the current build. Add the shipped list of each new
 * version here; never edit one that shipped.
 */

/** Version 1 (renderer/db/db.ts at 42ca9ca). */
export const V1_STORES = {
  actors:
    'id, sortName, updatedAt, [status+sortName], [status+updatedAt], [kind+sortName], [kind+updatedAt], ' +
    '*groupIds, *caseIds, *tags, *nameWords',
  events: 'id, updatedAt, type, [undated+dateFrom+dateTo], dateTo, *actorIds, *caseIds, *tags, *titleWords',
  cases: 'id, name',
  trash: 'id, deletedAt, table',
  meta: 'key',
} as const;

/** Version 2 (40926c5): cited documents indexed on records; documents, their files and pages. */
export const V2_STORES = {
  ...V1_STORES,
  actors:
    'id, sortName, updatedAt, [status+sortName], [status+updatedAt], [kind+sortName], [kind+updatedAt], ' +
    '*groupIds, *caseIds, *tags, *nameWords, *citedDocumentIds',
  events: 'id, updatedAt, type, [undated+dateFrom+dateTo], dateTo, *actorIds, *caseIds, *tags, *titleWords, *citedDocumentIds',
  documents: 'id, &sha256, sortTitle, createdAt, updatedAt, extractionState, *caseIds, *titleWords',
  documentFiles: 'sha256',
  pages: '[documentId+page]',
} as const;

/** Version 3 (c95c14b): search index segments. */
export const V3_STORES = { ...V2_STORES, searchSegments: 'id, kind' } as const;

/** Version 4 (acd1b3a): page states indexed, documents' text state. */
export const V4_STORES = {
  ...V3_STORES,
  documents: 'id, &sha256, sortTitle, createdAt, updatedAt, extractionState, textState, *caseIds, *titleWords',
  pages: '[documentId+page], state',
} as const;

/** Version 6 (mentions): the mention tables and the user's name rules. */
export const V6_STORES = {
  ...V4_STORES,
  ocrJobs: 'documentId, status, createdAt',
  mentions: '[documentId+page+actorId], [actorId+documentId+page]',
  mentionDocs: 'documentId',
  mentionNames: 'actorId, sources',
  nameRules: 'id, actorId',
} as const;

/** Version 7: two document records may share one stored file (sha256 no longer unique). */
export const V7_STORES = {
  ...V6_STORES,
  documents: 'id, sha256, sortTitle, createdAt, updatedAt, extractionState, textState, *caseIds, *titleWords',
} as const;

/** Version 8 (impossible dates repaired): no store changed since 7. */
export const V8_STORES = V7_STORES;

/** Version 9: saved link charts. */
export const V9_STORES = { ...V8_STORES, charts: 'id, caseId, updatedAt' } as const;

/** Version 10: mentions one row per page. */
export const V10_STORES = { ...V9_STORES, mentions: null, pageMentions: '[documentId+page], *actorIds' } as const;

/** Version 11 (actor counts in `meta`): no store changed since 10. */
export const V11_STORES = V10_STORES;
