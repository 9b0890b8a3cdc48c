/** A backup older than this is worth a reminder. */
export const BACKUP_REMINDER_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

export type ReminderReason = 'never' | 'stale';

export interface ReminderInput {
  /** When the last backup was saved (ms since the epoch); undefined when there has been none. */
  lastBackupAt: number | undefined;
  /** Whether the library holds anything worth backing up. */
  hasData: boolean;
  now: number;
}

/**
 * Whether to remind the user to back up, and why. An empty library needs no backup; a
 * last-backup time in the future (the clock was changed) is taken as recent rather than
 * nagging about it.
 */
export function backupReminderReason({ lastBackupAt, hasData, now }: ReminderInput): ReminderReason | null {
  if (!hasData) return null;
  if (lastBackupAt === undefined || !Number.isFinite(lastBackupAt)) return 'never';
  return now - lastBackupAt > BACKUP_REMINDER_AFTER_MS ? 'stale' : null;
}

/** Whole days since `then`, for "last backup 9 days ago". */
export function daysSince(then: number, now: number): number {
  return Math.max(0, Math.floor((now - then) / (24 * 60 * 60 * 1000)));
}
