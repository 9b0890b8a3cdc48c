import { Fragment, useEffect, useState } from 'react';
import { SHORTCUTS } from '../../app/shortcuts';
import { useDb } from '../../db/dbContext';
import { setSetting } from '../../db/settings';
import type { Language } from '../../i18n';
import { LANGUAGES } from '../../i18n';
import { SelectField } from '../../components/Field';
import { BackupSection } from '../bundles/BackupSection';
import '../bundles/bundles.css';
import { useT } from '../../i18n/useT';
import { getPlatform } from '../../platform';
import { useUi } from '../../state/store';
import { StorageSection } from './StorageSection';

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Español' };

export function SettingsView() {
  const db = useDb();
  const t = useT();
  const language = useUi((s) => s.language);
  const setLanguage = useUi((s) => s.setLanguage);
  const [about, setAbout] = useState<{ version: string; platform: string } | null>(null);

  useEffect(() => {
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
      <StorageSection />
      <BackupSection />
      <section className="card" aria-labelledby="settings-shortcuts">
        <h2 id="settings-shortcuts">{t('shortcuts.title')}</h2>
        <dl className="kv">
          {SHORTCUTS.map((s) => (
            <Fragment key={s.label}><dt><kbd>{s.label}</kbd></dt><dd>{t(s.description)}</dd></Fragment>
          ))}
        </dl>
      </section>
      <section className="card" aria-labelledby="settings-about">
        <h2 id="settings-about">{t('settings.about')}</h2>
        <p>{t('app.name')} — {t('app.tagline')}</p>
        {about ? <p className="muted">{t('settings.version', { version: about.version, platform: about.platform })}</p> : null}
      </section>
      <section className="card" aria-labelledby="settings-credits">
        <h2 id="settings-credits">{t('credits.title')}</h2>
        <ul>
          <li>{t('credits.geonames')}</li>
          <li>{t('credits.naturalEarth')}</li>
          <li>{t('credits.noAdmin1')}</li>
        </ul>
      </section>
    </div>
  );
}
