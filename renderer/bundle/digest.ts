import { canonicalJson } from '../../shared/bundle/canonicalJson';
import type { CasefileDb } from '../db/db';
import { sha256Hex } from '../util/sha256';

/**
 * A SHA-256 over a canonical dump of every user table (records with their index fields,
 * file bytes, page texts, trash, settings); the search index segments are left out, being
 * derived data the search worker rewrites on its own. Two equal digests mean the import
 * changed nothing the user could see. For tests and diagnostics: it reads every file.
 */
export const DIGEST_TABLES = ['cases', 'actors', 'events', 'documents', 'documentFiles', 'pages', 'trash', 'meta', 'nameRules', 'charts'] as const;

export async function databaseDigest(db: CasefileDb): Promise<string> {
  const dump = await db.transaction('r', DIGEST_TABLES.map((t) => db.table(t)), async () => {
    const out: Record<string, unknown[]> = {};
    for (const t of DIGEST_TABLES) out[t] = await db.table(t).toArray(); // primary-key order
    return out;
  });
  // File bytes are read after the transaction: awaiting a Blob inside one would let it commit early.
  const files = [];
  for (const row of dump.documentFiles as { sha256: string; blob: Blob; byteLength: number }[]) {
    files.push({ sha256: row.sha256, byteLength: row.byteLength, bytes: await sha256Hex(await row.blob.arrayBuffer()) });
  }
  dump.documentFiles = files;
  return sha256Hex(new TextEncoder().encode(canonicalJson(dump)));
}
