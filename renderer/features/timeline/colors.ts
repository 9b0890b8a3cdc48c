import type { EventType } from '../../../shared/model';

/**
 * Event types in the Okabe–Ito palette, which stays apart for the common colour-vision
 * deficiencies; the map and the timeline use the same colours, and the table names the type.
 */
export const TYPE_COLORS: Record<EventType, string> = {
  battles: '#D55E00',
  explosions_remote_violence: '#E69F00',
  violence_against_civilians: '#CC79A7',
  protests: '#0072B2',
  riots: '#56B4E9',
  strategic_developments: '#009E73',
};
export const STATUS_COLOR = '#5c6570';
export const MEMBERSHIP_COLOR = '#6b5fa5';
export const SELECTED_COLOR = '#1f2328';
