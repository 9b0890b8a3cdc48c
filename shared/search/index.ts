// Public API of the search core (docs/search.md). Pure TS: runs in Node tests and in the search worker.
export { ANALYZER_VERSION, allForms, detectLanguage, foldedTokens, indexTerms, isIndexable, isIndexableIn, isStrong, stemsOf, tokenize } from './analyze';
export type { Lang, WordToken } from './analyze';
export { actorDoc, documentDoc, documentFilterInfo, eventDoc, pageDocs, pageRef, pageSearchText } from './records';
export { SEGMENT_FORMAT, SEGMENT_FORMAT_VERSION, buildSegment, liveDocCount, rowOfRef } from './segment';
export type { BuildOptions, Segment, SegmentKind, SegmentMeta, SideTable } from './segment';
export { bytesSource } from './columns';
export type { PositionSource } from './columns';
export { READABLE_SEGMENT_FORMATS, StaleSegmentError, loadSegment, serializeSegment } from './persist';
export type { SerializedSegment } from './persist';
export { dateBound, mergeFilters, parseQuery } from './parseQuery';
export type { ParsedQuery, PhraseClause, QueryClause, TermClause } from './parseQuery';
export { searchSegments } from './search';
export { prepareVocabulary } from './evaluate';
export type { SearchOptions, TextLoader } from './search';
export { DEFAULT_MERGE_POLICY, deleteRefs, dropDocument, mergeSegments, metasOf, planMerges, supersede } from './merge';
export type { MergePlan, MergePolicy } from './merge';
export { HIT_KINDS } from './types';
export type * from './types';
