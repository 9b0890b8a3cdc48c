export { CasefileDb, SCHEMA_VERSION, openDatabase } from './db';
export type { IndexedDbDeps, MetaRow } from './db';
export { NewerDatabaseError } from './versionGuard';
export type { ActorRow, EventRow } from './derive';
export {
  countActors, deleteActor, getActor, getActorsByIds, groupMembers, listGroups, listTags, queryActorIds, saveActor,
} from './actors';
export type { ActorFilter, ActorSort } from './actors';
export { deleteEvent, eventsForActor, getEvent, getEventsByIds, queryEventIds, saveEvent } from './events';
export type { EventFilter, EventSort } from './events';
export { RecordNotFoundError, deleteCase, getCase, listCases, saveCase, setRecordCases } from './cases';
export { emptyTrash, listTrash, purgeFromTrash, restoreFromTrash } from './trash';
export type { RestoreResult, TrashEntry, TrashTable } from './trash';
export { getSetting, setSetting } from './settings';
export type { Settings } from './settings';
export { requestPersistentStorage } from './storage';
export type { PersistResult } from './storage';
export { loadSampleCase } from './sample';
export type { SampleCase, SampleLoadResult } from './sample';
export { bulkInsertForBenchmark } from './bulk';
