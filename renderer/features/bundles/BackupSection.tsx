import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../../db/dbContext';
import { getSetting } from '../../db/settings';
import { formatTimestamp, useT } from '../../i18n/useT';
import { useUi } from '../../state/store';
import { startImport } from './startImport';

/** "Back up everything" and "Restore from backup", with when the last backup was saved. */
export function BackupSection() {
  const db = useDb();
  const t = useT();
  const open = useUi((s) => s.openBundleDialog);
  const last = useLiveQuery(async () => (await getSetting(db, 'lastBackupAt')) ?? null, [db]);
  return (
    <section className="card" aria-labelledby="bundles-backup">
      <h2 id="bundles-backup">{t('bundles.backup.heading')}</h2>
      <p>{t('bundles.backup.intro')}</p>
      <p className="muted" data-testid="last-backup">
        {last === undefined ? t('common.loading')
          : last === null ? t('bundles.backup.never') : t('bundles.backup.last', { when: formatTimestamp(last, t.lang) })}
      </p>
      <div className="bundle-actions">
        <button type="button" className="primary" onClick={() => open({ kind: 'backup' })}>{t('bundles.backup.open')}</button>
        <button type="button" onClick={() => startImport(true)}>{t('bundles.restore.open')}</button>
      </div>
    </section>
  );
}
