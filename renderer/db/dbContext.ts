import { createContext, useContext } from 'react';
import type { CasefileDb } from './db';

export const DbContext = createContext<CasefileDb | null>(null);

/** The open database. Components read through repository functions with it; they never open transactions. */
export function useDb(): CasefileDb {
  const db = useContext(DbContext);
  if (!db) throw new Error('useDb outside <DbContext.Provider>');
  return db;
}
