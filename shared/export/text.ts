import type { Place, Seizure } from '../model/event';

/** The place as one line, most precise first, repeated names once: "La Mar, Ayacucho, Peru". */
export function placeText(place: Place): string {
  const parts: string[] = [];
  for (const part of [place.name, place.admin3, place.admin2, place.admin1, place.country]) {
    const p = part.trim();
    if (p && !parts.some((q) => q.toLocaleLowerCase() === p.toLocaleLowerCase())) parts.push(p);
  }
  return parts.join(', ');
}

/** "79 kg cocaine", "weapons (quantity not stated)". */
export function seizureText(s: Seizure, withNote = true): string {
  const amount = s.quantity !== null ? `${s.quantity}${s.unit ? ` ${s.unit}` : ''} ` : '';
  return `${amount}${s.item}${withNote && s.note ? ` (${s.note})` : ''}`;
}
