import type { BundleManifest, RecordIssue } from '../../shared/bundle';
import type { MergePlan } from '../../shared/bundle/merge';
import type { CasefileDb } from '../db/db';
import type { CaseSnapshot } from './io';
import type { ImportPreview } from './types';

/** The preview the import screen shows: counts by kind and status, and every new or conflicting record. */
export function buildPreview(
  token: string, manifest: BundleManifest, plan: MergePlan, warnings: RecordIssue[], encrypted: boolean,
): ImportPreview {
  const records = plan.items
    .filter((i) => i.status !== 'identical')
    .map((i) => ({
      key: i.key, kind: i.kind, id: i.id, label: i.label, status: i.status, diffs: i.diffs,
      ...(i.status === 'conflict' || i.status === 'trashed' ? { choices: i.choices } : {}),
      ...(i.aspect ? { aspect: i.aspect } : {}),
    }));
  return {
    token,
    bundle: {
      caseId: manifest.case.id,
      caseName: manifest.case.name,
      appVersion: manifest.appVersion,
      createdAt: manifest.createdAt,
      formatVersion: manifest.formatVersion,
      encrypted,
      counts: manifest.counts,
    },
    summary: plan.summary,
    records,
    files: plan.files,
    ocr: { pages: plan.ocr.adds.length, documents: plan.ocr.documents },
    warnings,
  };
}

type Ref = { table: 'actors' | 'events' | 'cases'; id: string };

type ById = (kind: RecordIssue['kind'], id: string) => object | undefined;

/** The bundle's records by kind and id, indexed on first use (the first of an id wins, as Array.find did). */
function recordsById(snapshot: CaseSnapshot): ById {
  const index = new Map<string, Map<string, object>>();
  return (kind, id) => {
    let byId = index.get(kind);
    if (!byId) {
      const list: readonly { id: string }[] = kind === 'actor' ? snapshot.actors : kind === 'event' ? snapshot.events : kind === 'document' ? snapshot.documents : [];
      byId = new Map();
      for (const r of list) if (!byId.has(r.id)) byId.set(r.id, r);
      index.set(kind, byId);
    }
    return byId.get(id);
  };
}

/** The referenced id a reader warning is about (`memberships.0.groupId` → that group's id). */
function referenceOf(find: ById, w: RecordIssue): Ref | null {
  let value: unknown = find(w.kind, w.id);
  for (const part of w.path.split('.')) {
    if (typeof value !== 'object' || value === null) return null;
    value = (value as Record<string, unknown>)[part];
  }
  if (typeof value !== 'string') return null;
  const table = w.message === 'bundle.missingActor' ? 'actors' : w.message === 'bundle.missingEvent' ? 'events' : w.message === 'bundle.missingCase' ? 'cases' : null;
  return table && { table, id: value };
}

/**
 * The reader warns about links to records outside the bundle; those the library already
 * holds are resolved by the import and are not worth a warning.
 */
export async function unresolvedWarnings(db: CasefileDb, snapshot: CaseSnapshot, warnings: readonly RecordIssue[]): Promise<RecordIssue[]> {
  if (warnings.length === 0) return [];
  const find = recordsById(snapshot);
  const refs = warnings.map((w) => referenceOf(find, w));
  const ids = (table: Ref['table']) => [...new Set(refs.flatMap((r) => (r?.table === table ? [r.id] : [])))];
  const present = new Set<string>();
  await db.transaction('r', [db.actors, db.events, db.cases], async () => {
    for (const table of ['actors', 'events', 'cases'] as const) {
      for (const id of await db.table(table).where(':id').anyOf(ids(table)).primaryKeys()) present.add(String(id));
    }
  });
  return warnings.filter((_w, i) => {
    const ref = refs[i];
    return !ref || !present.has(ref.id);
  });
}
