import { useT } from '../../i18n/useT';

/** The timeline's and the map's head buttons: chart or table, and in chart mode zoom, fit and the image exports. */
export function ViewHeadActions({ mode, setMode, zoom, fit, exportPng, exportSvg }: {
  mode: 'chart' | 'table';
  setMode: (mode: 'chart' | 'table') => void;
  /** In (+1) or out (-1). */
  zoom: (direction: 1 | -1) => void;
  fit: () => void;
  exportPng: () => Promise<void>;
  exportSvg: () => Promise<void>;
}) {
  const t = useT();
  return (
    <div className="view-head__actions">
      <div role="group" aria-label={t('views.show')} className="segmented">
        <button type="button" aria-pressed={mode === 'chart'} onClick={() => setMode('chart')}>{t('views.chart')}</button>
        <button type="button" aria-pressed={mode === 'table'} onClick={() => setMode('table')}>{t('views.table')}</button>
      </div>
      {mode === 'chart' ? (
        <>
          <button type="button" onClick={() => zoom(1)} aria-label={t('views.zoomIn')}>+</button>
          <button type="button" onClick={() => zoom(-1)} aria-label={t('views.zoomOut')}>−</button>
          <button type="button" onClick={fit}>{t('views.fit')}</button>
          <button type="button" onClick={() => void exportPng()}>{t('views.exportPng')}</button>
          <button type="button" onClick={() => void exportSvg()}>{t('views.exportSvg')}</button>
        </>
      ) : null}
    </div>
  );
}
