import { useCallback, useEffect, useState } from 'react';
import { freeSpace } from '../../db/space';
import type { PersistResult } from '../../db/storage';
import { persistenceState, readStorageEstimate, requestPersistentStorage } from '../../db/storage';
import type { StorageEstimateBytes } from '../../db/space';
import { formatBytes } from '../../i18n/formatBytes';
import { useT } from '../../i18n/useT';
import './settings.css';

/**
 * Whether the browser keeps the library under disk pressure, and how much room it has.
 * Reading the state never prompts (persisted(), not persist()); start-up has already
 * asked once (main.tsx), and the button asks again.
 */
export function StorageSection() {
  const t = useT();
  const [persistence, setPersistence] = useState<PersistResult | null>(null);
  const [askedAgain, setAskedAgain] = useState(false);
  const [estimate, setEstimate] = useState<StorageEstimateBytes | null | undefined>(undefined);

  const refresh = useCallback(() => {
    void persistenceState().then(setPersistence);
    void readStorageEstimate().then(setEstimate);
  }, []);
  useEffect(refresh, [refresh]);

  const askAgain = () => {
    void requestPersistentStorage().then((result) => {
      setPersistence(result);
      setAskedAgain(true);
    });
  };

  const free = estimate ? freeSpace(estimate) : null;
  return (
    <section className="card storage-card" aria-labelledby="settings-storage">
      <h2 id="settings-storage">{t('settings.storage')}</h2>
      <dl className="kv storage-kv">
        <dt>{t('storage.persistence')}</dt>
        <dd data-testid="persistence">
          {persistence ? (
            <>
              <span className={`storage-state storage-state--${persistence}`}>{t(`storage.persistence.${persistence}`)}</span>{' '}
              <span>{t(`storage.persistence.${persistence}.means`)}</span>
              {persistence === 'denied' && askedAgain ? <span className="muted"> {t('storage.persistence.stillDenied')}</span> : null}
            </>
          ) : <span className="muted">{t('storage.checking')}</span>}
        </dd>
        {estimate === undefined ? null : estimate === null || free === null ? (
          <><dt>{t('storage.free')}</dt><dd className="muted">{t('storage.unknown')}</dd></>
        ) : (
          <>
            <dt>{t('storage.used')}</dt>
            <dd data-testid="storage-used">
              {formatBytes(estimate.usage, t.lang)}
              {/* Calm while there is room; amber past three quarters of the quota, red past nine tenths. */}
              <meter className="storage-meter" aria-label={t('storage.used')} min={0} max={estimate.quota} value={estimate.usage}
                optimum={0} low={estimate.quota * 0.75} high={estimate.quota * 0.9} />
            </dd>
            <dt>{t('storage.free')}</dt>
            <dd data-testid="storage-free">{t('storage.freeValue', { free: formatBytes(free, t.lang), quota: formatBytes(estimate.quota, t.lang) })}</dd>
          </>
        )}
      </dl>
      {persistence === 'denied' ? (
        <p className="storage-card__actions"><button type="button" onClick={askAgain}>{t('storage.persistence.ask')}</button></p>
      ) : null}
    </section>
  );
}
