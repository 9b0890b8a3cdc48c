import { useState } from 'react';
import { useDb } from '../../db/dbContext';
import { loadSampleCase } from '../../db/sample';
import { useT } from '../../i18n/useT';
import { plural } from '../../i18n/plural';
import { useUi } from '../../state/store';
import { sampleCase } from './sampleCase';

export function SampleCaseButton() {
  const db = useDb();
  const t = useT();
  const notify = useUi((s) => s.notify);
  const setActiveCase = useUi((s) => s.setActiveCase);
  const [busy, setBusy] = useState(false);

  const load = async () => {
    setBusy(true);
    try {
      const sample = sampleCase();
      const result = await loadSampleCase(db, sample);
      if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
      setActiveCase(sample.case.id);
      notify(t('sample.loaded', { actors: plural(t, 'actors.count', sample.actors.length), events: plural(t, 'events.count', sample.events.length) }));
    } catch (error) {
      notify(t('sample.failed', { reason: error instanceof Error ? error.message : String(error) }), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <button type="button" className="secondary" data-command="load-sample" disabled={busy} onClick={() => void load()}>
      {t('sample.load')}
    </button>
  );
}
