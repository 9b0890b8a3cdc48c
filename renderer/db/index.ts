export { CasefileDb, SCHEMA_VERSION, openDatabase } from './db';
export type { IndexedDbDeps, MetaRow, SearchSegmentRow } from './db';
export { NewerDatabaseError } from './versionGuard';
export type { ActorRow, DocumentFileRow, DocumentRow, EventRow, PageRow } from './derive';
export { deleteActor, getActor, getActorsByIds, groupMembers, listGroups, listTags, saveActor } from './actors';
export { countActors, queryActorIds } from './actorList';
export type { ActorFilter, ActorSort } from './actorList';
export { deleteEvent, eventsForActor, getEvent, getEventsByIds, queryEventIds, saveEvent } from './events';
export type { EventFilter, EventSort } from './events';
export { RecordNotFoundError, deleteCase, getCase, listCases, saveCase, setRecordCases } from './cases';
export {
  addDocument, deleteDocument, findDocumentBySha256, getDocument, getDocumentBlob, getDocumentsByIds, getPage, getPageText, getPages, getPagesText,
  listDocumentIds, recordsCitingDocument, saveDocumentMetadata, updateExtraction,
} from './documents';
export type { AddDocumentInput, AddDocumentResult, CitingRecord, DocumentFilter, DocumentSort } from './documents';
export { addCitation, listCitationTargets, removeCitation } from './citations';
export type { CitablePart, CitationPart, CitationTarget, CitationTargetLabel } from './citations';
export { emptyTrash, listTrash, purgeFromTrash, restoreFromTrash } from './trash';
export type { RestoreResult, TrashEntry, TrashTable } from './trash';
export { getSetting, setSetting } from './settings';
export type { Settings } from './settings';
export { persistenceState, readStorageEstimate, requestPersistentStorage } from './storage';
export type { PersistResult } from './storage';
export { SPACE_FACTOR, SPACE_MARGIN, checkSpace, freeSpace, spaceNeeded } from './space';
export type { SpaceCheck, SpaceJob, StorageEstimateBytes } from './space';
export { isDiskFull } from './storageErrors';
export { loadSampleCase } from './sample';
export type { SampleCase, SampleLoadResult } from './sample';
export { bulkInsertForBenchmark } from './bulk';
