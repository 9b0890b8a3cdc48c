import { describe, expect, it } from 'vitest';
import { BACKUP_REMINDER_AFTER_MS, backupReminderReason, daysSince } from './reminder';

const DAY = 24 * 60 * 60 * 1000;
const now = Date.UTC(2026, 10, 27, 12);

describe('backup reminder', () => {
  it('says nothing while the library is empty, whatever the last backup', () => {
    expect(backupReminderReason({ lastBackupAt: undefined, hasData: false, now })).toBeNull();
    expect(backupReminderReason({ lastBackupAt: now - 30 * DAY, hasData: false, now })).toBeNull();
  });
  it('reminds when there has never been a backup of a library with data', () => {
    expect(backupReminderReason({ lastBackupAt: undefined, hasData: true, now })).toBe('never');
    expect(backupReminderReason({ lastBackupAt: Number.NaN, hasData: true, now })).toBe('never');
  });
  it('stays quiet for a week after a backup and reminds once it is older', () => {
    expect(backupReminderReason({ lastBackupAt: now - DAY, hasData: true, now })).toBeNull();
    expect(backupReminderReason({ lastBackupAt: now - BACKUP_REMINDER_AFTER_MS, hasData: true, now })).toBeNull();
    expect(backupReminderReason({ lastBackupAt: now - BACKUP_REMINDER_AFTER_MS - 1, hasData: true, now })).toBe('stale');
    expect(backupReminderReason({ lastBackupAt: now - 40 * DAY, hasData: true, now })).toBe('stale');
  });
  it('follows the injected clock: the same backup becomes stale as time passes', () => {
    const backup = now;
    expect(backupReminderReason({ lastBackupAt: backup, hasData: true, now: backup + 6 * DAY })).toBeNull();
    expect(backupReminderReason({ lastBackupAt: backup, hasData: true, now: backup + 8 * DAY })).toBe('stale');
  });
  it('takes a backup time in the future (a changed clock) as recent', () => {
    expect(backupReminderReason({ lastBackupAt: now + 3 * DAY, hasData: true, now })).toBeNull();
  });
  it('counts whole days', () => {
    expect(daysSince(now - 9 * DAY - 5, now)).toBe(9);
    expect(daysSince(now + DAY, now)).toBe(0);
  });
});
