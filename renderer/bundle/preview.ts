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
      ...(i.status === 'conflict' ? { choices: i.choices } : {}),
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
    warnings,
  };
}

type Ref = { table: 'actors' | 'events' | 'cases'; id: string };

/** The referenced id a reader warning is about (`memberships.0.groupId` → that group's id). */
function referenceOf(snapshot: CaseSnapshot, w: RecordIssue): Ref | null {
  const list: readonly object[] = w.kind === 'actor' ? snapshot.actors : w.kind === 'event' ? snapshot.events : w.kind === 'document' ? snapshot.documents : [];
  let value: unknown = list.find((r) => (r as { id: string }).id === w.id);
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
  const refs = warnings.map((w) => referenceOf(snapshot, w));
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
