import { useState } from 'react';
import { countryNames } from '../../../shared/geo/gazetteer';
import { useT } from '../../i18n/useT';
import { gazetteer } from '../../workers/gazetteerClient';
import { Dialog } from '../bundles/Dialog';
import type { PlaceDraft } from '../events/draft';
import { MapCanvas } from './MapCanvas';

interface Props {
  value: PlaceDraft;
  onClose: () => void;
  onPick: (next: PlaceDraft) => void;
}

/** A map to click where the event happened: fills the coordinates, and region and country from the nearest town. */
export function MapPickDialog({ value, onClose, onPick }: Props) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const lat = Number.parseFloat(value.latitude);
  const lon = Number.parseFloat(value.longitude);
  const start = Number.isFinite(lat) && Number.isFinite(lon) ? { lat, lon, zoom: 7 } : { lat: -10, lon: -70, zoom: 3 };
  const pick = async (pLat: number, pLon: number) => {
    setBusy(true);
    const near = await gazetteer().nearest(pLat, pLon).catch(() => null);
    const country = near ? countryNames(near.country, [t.lang])[0] ?? near.country : value.country;
    onPick({
      ...value, latitude: String(pLat), longitude: String(pLon),
      admin1: near?.region || value.admin1, country,
      precision: value.precision === 'unknown' || value.precision === 'region' || value.precision === 'country' ? 'exact' : value.precision,
    });
  };
  return (
    <Dialog title={t('place.pickTitle')} onClose={onClose} busy={busy} className="map-pick-dialog">
      <p className="muted" id="map-pick-hint">{t('place.pickHint')}</p>
      <MapCanvas markers={[]} selectedEventId={null} label={t('place.pickTitle')} describedBy="map-pick-hint" describe={() => ''}
        onPick={(a, b) => void pick(a, b)} initialCamera={start} />
      <div className="form__actions">
        <button type="button" onClick={onClose}>{t('place.cancel')}</button>
      </div>
    </Dialog>
  );
}
