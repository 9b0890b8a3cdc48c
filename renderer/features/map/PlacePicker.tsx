import { lazy, Suspense, useEffect, useState } from 'react';
import type { PlaceHit } from '../../../shared/geo/gazetteer';
import { countryNames } from '../../../shared/geo/gazetteer';
import { Combobox } from '../../components/Combobox';
import { Field } from '../../components/Field';
import { useT } from '../../i18n/useT';
import { gazetteer } from '../../workers/gazetteerClient';
import type { PlaceDraft } from '../events/draft';
import './map.css';

const MapPickDialog = lazy(() => import('./MapPickDialog').then((m) => ({ default: m.MapPickDialog })));

interface Props {
  value: PlaceDraft;
  onChange: (next: PlaceDraft) => void;
}

/**
 * Finds a place in the offline gazetteer as the user types (any accents) and fills the form:
 * a town gives its name, region, country and coordinates; a region or a country gives itself
 * and clears coordinates, so the event is drawn at the region's centre, marked approximate.
 * Or pick the point on a map.
 */
export function PlacePicker({ value, onChange }: Props) {
  const t = useT();
  const [query, setQuery] = useState<string | null>(null);
  const [hits, setHits] = useState<PlaceHit[]>([]);
  const [picking, setPicking] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    if (!query?.trim()) return;
    let live = true;
    gazetteer().search(query, t.lang).then((found) => { if (live) { setHits(found); setFailed(null); } },
      (e: unknown) => { if (live) setFailed(e instanceof Error ? e.message : String(e)); });
    return () => { live = false; };
  }, [query, t.lang]);

  const country = (code: string) => countryNames(code, [t.lang])[0] ?? code;
  const choose = (hit: PlaceHit) => {
    setQuery(null);
    if (hit.kind === 'place') {
      onChange({ ...value, name: hit.name, admin1: hit.region, country: country(hit.country), latitude: String(hit.lat), longitude: String(hit.lon), precision: 'exact' });
    } else if (hit.kind === 'region') {
      onChange({ ...value, admin1: hit.name, country: country(hit.country), latitude: '', longitude: '', precision: 'region' });
    } else {
      onChange({ ...value, country: hit.name, latitude: '', longitude: '', precision: 'country' });
    }
  };

  return (
    <div className="place-picker">
      <Field label={t('place.find')} hint={failed ? undefined : t('place.findHint')} error={failed ? t('map.placesFailed', { reason: failed }) : undefined}>
        {(a11y) => (
          <Combobox<PlaceHit> a11y={a11y} listLabel={t('place.suggestions')} idleText="" query={query} onQuery={setQuery}
            options={query?.trim() ? hits : []} placeholder={t('place.findPlaceholder')}
            optionKey={(h) => `${h.kind}:${h.country}:${h.region}:${h.name}:${h.lat}:${h.lon}`}
            renderOption={(h) => (
              <span className="place-option">
                <span>{[h.name, h.kind === 'place' ? h.region : '', h.kind !== 'country' ? country(h.country) : ''].filter(Boolean).join(', ')}</span>
                <span className="place-option__kind">{t(`place.kind.${h.kind}`)}{h.population ? ` · ${t('place.population', { count: h.population.toLocaleString(t.lang) })}` : ''}</span>
              </span>
            )}
            onChoose={choose} />
        )}
      </Field>
      <button type="button" onClick={() => setPicking(true)}>{t('place.pickOnMap')}</button>
      {picking ? (
        <Suspense fallback={null}>
          <MapPickDialog value={value} onClose={() => setPicking(false)} onPick={(next) => { onChange(next); setPicking(false); }} />
        </Suspense>
      ) : null}
    </div>
  );
}
