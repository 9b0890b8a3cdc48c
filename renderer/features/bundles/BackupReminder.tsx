import { useEffect, useState } from 'react';
import { useDb } from '../../db/dbContext';
import { getSetting } from '../../db/settings';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/store';
import type { ReminderReason } from './reminder';
import { backupReminderReason, daysSince } from './reminder';
import { libraryHasData } from './libraryHasData';
import './reminder.css';

/**
 * A calm note in the sidebar when the last backup is over a week old (or there has never
 * been one and the library holds data). Decided once, when the app starts: adding the
 * first records does not set it off mid-session, and once dismissed it stays away until
 * the next session. The clock is injectable for tests.
 */
export function BackupReminder({ now = Date.now }: { now?: () => number }) {
  const db = useDb();
  const t = useT();
  const state = useUi((s) => s.backupReminder);
  const setState = useUi((s) => s.setBackupReminder);
  const open = useUi((s) => s.openBundleDialog);
  const [due, setDue] = useState<{ reason: ReminderReason; days: number } | null>(null);

  useEffect(() => {
    if (useUi.getState().backupReminder !== 'pending') return;
    let live = true;
    void Promise.all([getSetting(db, 'lastBackupAt'), libraryHasData(db)]).then(([lastBackupAt, hasData]) => {
      if (!live || useUi.getState().backupReminder !== 'pending') return;
      const at = now();
      const reason = backupReminderReason({ lastBackupAt, hasData, now: at });
      if (!reason) { setState('done'); return; }
      setDue({ reason, days: lastBackupAt === undefined ? 0 : daysSince(lastBackupAt, at) });
      setState('shown');
    });
    return () => { live = false; };
  }, [db, now, setState]);

  if (state !== 'shown' || !due) return null;
  return (
    <section className="backup-reminder" aria-label={t('bundles.reminder.region')}>
      <p>{due.reason === 'never' ? t('bundles.reminder.never') : t('bundles.reminder.stale', { days: due.days })}</p>
      <div className="backup-reminder__actions">
        <button type="button" className="small primary" onClick={() => { setState('done'); open({ kind: 'backup' }); }}>
          {t('bundles.reminder.backUp')}
        </button>
        <button type="button" className="small secondary" onClick={() => setState('done')}>{t('bundles.reminder.dismiss')}</button>
      </div>
    </section>
  );
}
