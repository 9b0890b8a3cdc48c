import type { CaseEvent, EventSubType, EventType, ParticipantRole, Place, Seizure } from '../../../shared/model';
import { EVENT_TAXONOMY, EVENT_TYPES, GEO_PRECISIONS, PARTICIPANT_ROLES } from '../../../shared/model';
import type { Translator } from '../../i18n/useT';

/** Translated labels for the event vocabularies; a missing key is a compile error. */
export type GeoPrecision = Place['precision'];

export const typeLabel = (t: Translator, type: EventType) => t(`events.type.${type}`);
export const subTypeLabel = (t: Translator, subType: EventSubType) => t(`events.subType.${subType}`);
export const roleLabel = (t: Translator, role: ParticipantRole) => t(`events.role.${role}`);
export const precisionLabel = (t: Translator, precision: GeoPrecision) => t(`events.precision.${precision}`);

/** A stored sub-type is a plain string; show an unknown one as it is rather than guess. */
export function anySubTypeLabel(t: Translator, type: EventType, subType: string): string {
  const known: readonly string[] = EVENT_TAXONOMY[type];
  return known.includes(subType) ? subTypeLabel(t, subType as EventSubType) : subType;
}

export const typeOptions = (t: Translator) => EVENT_TYPES.map((value) => ({ value, label: typeLabel(t, value) }));
export const subTypeOptions = (t: Translator, type: EventType) =>
  EVENT_TAXONOMY[type].map((value: EventSubType) => ({ value, label: subTypeLabel(t, value) }));
export const roleOptions = (t: Translator) => PARTICIPANT_ROLES.map((value) => ({ value, label: roleLabel(t, value) }));
export const precisionOptions = (t: Translator) => GEO_PRECISIONS.map((value) => ({ value, label: precisionLabel(t, value) }));

/** "Chachaspata, Ayacucho, Peru": the place's names from most to least specific, blanks skipped. */
export function placeLabel(place: Place): string {
  return [place.name, place.admin3, place.admin2, place.admin1, place.country].filter((s) => s.trim() !== '').join(', ');
}

/** The list row and headings show the event's title, or a placeholder for a blank one. */
export function titleOf(t: Translator, event: Pick<CaseEvent, 'title'>): string {
  return event.title.trim() || t('events.untitled');
}

/** "79 kg cocaine", "cocaine" when no quantity is stated. */
export function seizureLabel(seizure: Seizure, lang: string): string {
  const quantity = seizure.quantity === null ? '' : new Intl.NumberFormat(lang).format(seizure.quantity);
  return [quantity, seizure.unit, seizure.item].filter((s) => s.trim() !== '').join(' ');
}

/** Coordinates with their hemisphere-neutral sign, five decimals (about a metre). */
export function coordinatesLabel(place: Place, lang: string): string | null {
  if (place.latitude === null || place.longitude === null) return null;
  const f = new Intl.NumberFormat(lang, { maximumFractionDigits: 5 });
  return `${f.format(place.latitude)}, ${f.format(place.longitude)}`;
}
