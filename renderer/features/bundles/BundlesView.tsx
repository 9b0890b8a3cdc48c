import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../../db/dbContext';
import { listCases } from '../../db/cases';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/store';
import { BackupSection } from './BackupSection';
import { startImport } from './startImport';
import './bundles.css';

/** "Import & export": share a case as one file, take in a colleague's, hand data to other tools. */
export function BundlesView() {
  const db = useDb();
  const t = useT();
  const cases = useLiveQuery(() => listCases(db), [db]);
  const activeCaseId = useUi((s) => s.activeCaseId);
  const open = useUi((s) => s.openBundleDialog);
  const noCases = cases !== undefined && cases.length === 0;

  return (
    <div className="page">
      <h1>{t('bundles.title')}</h1>
      <section className="card" aria-labelledby="bundles-export">
        <h2 id="bundles-export">{t('bundles.export.heading')}</h2>
        <p>{t('bundles.export.explain')}</p>
        {noCases ? <p className="muted">{t('bundles.export.noCases')}</p> : null}
        <button type="button" className="primary" disabled={noCases} onClick={() => open({ kind: 'export', caseId: activeCaseId })}>
          {t('bundles.export.open')}
        </button>
      </section>
      <section className="card" aria-labelledby="bundles-import">
        <h2 id="bundles-import">{t('bundles.import.heading')}</h2>
        <p>{t('bundles.import.explain')}</p>
        <button type="button" className="primary" data-command="import-bundle" onClick={() => startImport(false)}>{t('bundles.import.open')}</button>
      </section>
      <BackupSection />
    </div>
  );
}
