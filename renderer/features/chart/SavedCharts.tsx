import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { SavedChart } from '../../../shared/chart/savedChart';
import type { ChartWork } from '../../../shared/chart/work';
import { toSavedChart } from '../../../shared/chart/work';
import { newId } from '../../../shared/model';
import { deleteChart, getChart, listCharts, saveChart } from '../../db/charts';
import { useDb } from '../../db/dbContext';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/store';

interface SavedChartsProps {
  work: ChartWork;
  activeCaseId: string | null;
  onOpen: (chart: SavedChart) => void;
  onSaved: (id: string, name: string) => void;
}

/** The case's named charts: save the one on screen (again, or as a new one), open or delete one. */
export function SavedCharts({ work, activeCaseId, onOpen, onSaved }: SavedChartsProps) {
  const t = useT();
  const db = useDb();
  const notify = useUi((s) => s.notify);
  const charts = useLiveQuery(() => listCharts(db, activeCaseId), [db, activeCaseId]) ?? [];
  const [name, setName] = useState(work.name);
  const [error, setError] = useState('');

  const save = async (asNew: boolean) => {
    const trimmed = name.trim();
    if (!activeCaseId) return;
    if (!trimmed) { setError(t('chart.nameRequired')); return; }
    if (work.shown.length === 0) { setError(t('chart.nothingToSave')); return; }
    const now = Date.now();
    const existing = !asNew && work.savedId ? await getChart(db, work.savedId) : null;
    const record = toSavedChart(work, { id: existing?.id ?? newId(), caseId: existing?.caseId ?? activeCaseId, name: trimmed, createdAt: existing?.createdAt ?? now, now });
    try {
      const result = await saveChart(db, record);
      if (!result.ok) { setError(t('chart.saveRefused', { fields: result.issues.map((i) => i.path || '—').join(', ') })); return; }
      setError('');
      onSaved(record.id, trimmed);
      notify(t('chart.savedAs', { name: trimmed }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const remove = async (chart: SavedChart) => {
    const gone = await deleteChart(db, chart.id);
    if (gone) notify(t('chart.deleted', { name: chart.name }), 'info', { label: t('chart.undo'), run: () => { void saveChart(db, gone); } });
  };

  return (
    <section className="chart-saved" aria-labelledby="chart-saved-title">
      <h2 id="chart-saved-title">{t('chart.saved')}</h2>
      {!activeCaseId ? <p className="muted">{t('chart.savedNeedsCase')}</p> : <form className="chart-saved__form" onSubmit={(e) => { e.preventDefault(); void save(false); }}>
        <div className="field">
          <label htmlFor="chart-name">{t('chart.name')}</label>
          <input id="chart-name" value={name} maxLength={200} aria-invalid={Boolean(error)} aria-describedby={error ? 'chart-save-error' : undefined} onChange={(e) => setName(e.target.value)} />
        </div>
        <button type="submit" className="primary">{work.savedId ? t('chart.saveAgain') : t('chart.save')}</button>
        {work.savedId ? <button type="button" onClick={() => void save(true)}>{t('chart.saveAsNew')}</button> : null}
        {error ? <p id="chart-save-error" className="field__error" role="alert">{error}</p> : null}
      </form>}
      {charts.length === 0 ? <p className="muted">{activeCaseId ? t('chart.noSaved') : t('chart.noSavedAtAll')}</p> : (
        <ul className="chart-saved__list">
          {charts.map((c) => (
            <li key={c.id} aria-current={c.id === work.savedId ? 'true' : undefined}>
              <span className="chart-saved__name">{c.name}</span>
              <span className="muted"> · {t('chart.nodeCount', { count: c.nodes.length })}</span>
              <button type="button" className="small" aria-label={t('chart.openSavedLabel', { name: c.name })} onClick={() => onOpen(c)}>{t('chart.openSaved')}</button>
              <button type="button" className="small" aria-label={t('chart.deleteLabel', { name: c.name })} onClick={() => void remove(c)}>{t('chart.delete')}</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
