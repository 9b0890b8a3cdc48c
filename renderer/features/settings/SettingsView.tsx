import { useEffect, useState } from 'react';
import { useDb } from '../../db/dbContext';
import { setSetting } from '../../db/settings';
import { requestPersistentStorage } from '../../db/storage';
import type { Language } from '../../i18n';
import { LANGUAGES } from '../../i18n';
import { SelectField } from '../../components/Field';
import { BackupSection } from '../bundles/BackupSection';
import '../bundles/bundles.css';
import { useT } from '../../i18n/useT';
import { getPlatform } from '../../platform';
import { useUi } from '../../state/store';

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Español' };

function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

export function SettingsView() {
  const db = useDb();
  const t = useT();
  const language = useUi((s) => s.language);
  const setLanguage = useUi((s) => s.setLanguage);
  const [persisted, setPersisted] = useState<'granted' | 'denied' | 'unsupported' | null>(null);
  const [usage, setUsage] = useState<{ usage: number; quota: number } | null>(null);
  const [about, setAbout] = useState<{ version: string; platform: string } | null>(null);

  const askPersistence = () => void requestPersistentStorage().then(setPersisted);
  useEffect(() => {
    askPersistence();
    void navigator.storage?.estimate?.().then((e) => setUsage({ usage: e.usage ?? 0, quota: e.quota ?? 0 }));
    void getPlatform().appInfo().then(setAbout);
  }, []);

  const changeLanguage = (next: Language) => {
    setLanguage(next);
    localStorage.setItem('casefile.language', next);
    void setSetting(db, 'language', next);
  };

  return (
    <div className="page">
      <h1>{t('settings.title')}</h1>
      <section className="card" aria-labelledby="settings-language">
        <h2 id="settings-language">{t('settings.language')}</h2>
        <SelectField label={t('settings.language')} value={language} onChange={changeLanguage}
          options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))} />
      </section>
      <section className="card" aria-labelledby="settings-storage">
        <h2 id="settings-storage">{t('settings.storage')}</h2>
        <p data-testid="persistence">{persisted ? t(`settings.persisted.${persisted}`) : t('common.loading')}</p>
        {usage ? <p className="muted">{t('settings.usage', { used: formatBytes(usage.usage), quota: formatBytes(usage.quota) })}</p> : null}
        {persisted === 'denied' ? <button type="button" onClick={askPersistence}>{t('settings.persistAsk')}</button> : null}
      </section>
      <BackupSection />
      <section className="card" aria-labelledby="settings-shortcuts">
        <h2 id="settings-shortcuts">{t('shortcuts.title')}</h2>
        <dl className="kv">
          <dt><kbd>A</kbd></dt><dd>{t('shortcuts.newActor')}</dd>
          <dt><kbd>E</kbd></dt><dd>{t('shortcuts.newEvent')}</dd>
          <dt><kbd>Ctrl/⌘ K</kbd>, <kbd>/</kbd></dt><dd>{t('shortcuts.search')}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="settings-about">
        <h2 id="settings-about">{t('settings.about')}</h2>
        <p>{t('app.name')} — {t('app.tagline')}</p>
        {about ? <p className="muted">{t('settings.version', { version: about.version, platform: about.platform })}</p> : null}
      </section>
    </div>
  );
}
