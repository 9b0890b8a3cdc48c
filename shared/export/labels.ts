import type { ActorKind, ActorStatus, NameType } from '../model/actor';
import type { EventSubType, EventType, ParticipantRole } from '../model/event';
import type { Reliability } from '../model/document';

/**
 * The words the exports print. shared/ has no i18n runtime, so this is a small
 * dictionary of its own; the terms are the renderer's (renderer/i18n and
 * features/{actors,events,documents}/messages.ts) so a report reads like the app.
 */
export type ReportLocale = 'en' | 'es';

interface Words {
  report: string;
  generated: string;
  appVersion: string;
  actors: string;
  events: string;
  sources: string;
  noActors: string;
  noEvents: string;
  noSources: string;
  otherNames: string;
  memberships: string;
  status: string;
  currentStatus: string;
  statusHistory: string;
  since: string;
  from: string;
  to: string;
  nationality: string;
  born: string;
  died: string;
  tags: string;
  date: string;
  noDate: string;
  place: string;
  noPlace: string;
  type: string;
  fatalities: string;
  fatalitiesUnknown: string;
  seizures: string;
  participants: string;
  related: string;
  page: string;
  wholeDocument: string;
  unknownSource: string;
  unknownActor: string;
  fileName: string;
  pages: string;
  reliability: string;
  published: string;
  author: string;
  publisher: string;
  counts: string;
  citations: string;
  documents: string;
  coordinates: string;
}

export const WORDS: Record<ReportLocale, Words> = {
  en: {
    report: 'Case report', generated: 'Generated', appVersion: 'Casefile',
    actors: 'Actors', events: 'Events', sources: 'Sources',
    noActors: 'No actors in this case.', noEvents: 'No events in this case.', noSources: 'No sources cited.',
    otherNames: 'Other names', memberships: 'Memberships and ranks', status: 'Status', currentStatus: 'Current status',
    statusHistory: 'Status history', since: 'since', from: 'from', to: 'to', nationality: 'Nationality / country',
    born: 'Date of birth', died: 'Date of death', tags: 'Tags', date: 'Date', noDate: 'Date unknown', place: 'Place',
    noPlace: 'No place', type: 'Type', fatalities: 'Fatalities', fatalitiesUnknown: 'not reported', seizures: 'Seizures',
    participants: 'Participants', related: 'Related events', page: 'p.', wholeDocument: 'whole document',
    unknownSource: 'document not available', unknownActor: 'actor not in this export',
    fileName: 'File', pages: 'pages', reliability: 'Source reliability', published: 'Published', author: 'Author',
    publisher: 'Publisher', counts: '{actors} actors · {events} events · {sources} sources', citations: 'Citations', documents: 'Documents',
    coordinates: 'Coordinates',
  },
  es: {
    report: 'Informe del caso', generated: 'Generado', appVersion: 'Casefile',
    actors: 'Actores', events: 'Eventos', sources: 'Fuentes',
    noActors: 'No hay actores en este caso.', noEvents: 'No hay eventos en este caso.', noSources: 'No se citan fuentes.',
    otherNames: 'Otros nombres', memberships: 'Pertenencias y rangos', status: 'Situación', currentStatus: 'Situación actual',
    statusHistory: 'Historial de situación', since: 'desde', from: 'desde', to: 'hasta', nationality: 'Nacionalidad / país',
    born: 'Fecha de nacimiento', died: 'Fecha de fallecimiento', tags: 'Etiquetas', date: 'Fecha', noDate: 'Fecha desconocida',
    place: 'Lugar', noPlace: 'Sin lugar', type: 'Tipo', fatalities: 'Víctimas mortales', fatalitiesUnknown: 'no consta',
    seizures: 'Incautaciones', participants: 'Participantes', related: 'Eventos relacionados', page: 'p.',
    wholeDocument: 'documento completo', unknownSource: 'documento no disponible', unknownActor: 'actor fuera de esta exportación',
    fileName: 'Archivo', pages: 'páginas', reliability: 'Fiabilidad de la fuente', published: 'Publicado',
    author: 'Autor', publisher: 'Editor', counts: '{actors} actores · {events} eventos · {sources} fuentes', citations: 'Citas', documents: 'Documentos',
    coordinates: 'Coordenadas',
  },
};

export const KIND_LABELS: Record<ReportLocale, Record<ActorKind, string>> = {
  en: {
    person: 'Person', armed_group: 'Armed group', state_force: 'State force', criminal_organisation: 'Criminal organisation',
    political_organisation: 'Political organisation', unit: 'Unit', other_group: 'Other group',
  },
  es: {
    person: 'Persona', armed_group: 'Grupo armado', state_force: 'Fuerza estatal', criminal_organisation: 'Organización criminal',
    political_organisation: 'Organización política', unit: 'Unidad', other_group: 'Otro grupo',
  },
};

export const NAME_TYPE_LABELS: Record<ReportLocale, Record<NameType, string>> = {
  en: {
    alias: 'Alias', nom_de_guerre: 'Nom de guerre', legal_name: 'Legal name', previous_name: 'Previous name',
    spelling_variant: 'Spelling variant', other: 'Other',
  },
  es: {
    alias: 'Alias', nom_de_guerre: 'Nombre de guerra', legal_name: 'Nombre legal', previous_name: 'Nombre anterior',
    spelling_variant: 'Variante ortográfica', other: 'Otro',
  },
};

export const STATUS_LABELS: Record<ReportLocale, Record<ActorStatus, string>> = {
  en: {
    at_large: 'At large', captured: 'Captured / arrested', detained: 'Detained / imprisoned', convicted: 'Convicted',
    released: 'Released', surrendered: 'Surrendered', extradited: 'Extradited', killed: 'Killed', deceased: 'Deceased',
    unknown: 'Unknown',
  },
  es: {
    at_large: 'Prófugo / en libertad', captured: 'Capturado / detenido', detained: 'Preso / recluido', convicted: 'Condenado',
    released: 'Liberado', surrendered: 'Entregado', extradited: 'Extraditado', killed: 'Abatido / muerto', deceased: 'Fallecido',
    unknown: 'Desconocida',
  },
};

export const ROLE_LABELS: Record<ReportLocale, Record<ParticipantRole, string>> = {
  en: {
    attacker: 'Attacker', target: 'Target', killed: 'Killed', injured: 'Injured', captured: 'Captured', leader: 'Leader',
    participant: 'Participant', victim: 'Victim', witness: 'Witness', other: 'Other',
  },
  es: {
    attacker: 'Atacante', target: 'Objetivo', killed: 'Muerto', injured: 'Herido', captured: 'Capturado', leader: 'Líder',
    participant: 'Participante', victim: 'Víctima', witness: 'Testigo', other: 'Otro',
  },
};

export const RELIABILITY_LABELS: Record<ReportLocale, Record<Reliability, string>> = {
  en: {
    highly_reliable: 'Highly reliable', reliable: 'Reliable', fairly_reliable: 'Fairly reliable', unreliable: 'Unreliable',
    highly_unreliable: 'Highly unreliable', unknown: 'Unknown',
  },
  es: {
    highly_reliable: 'Muy fiable', reliable: 'Fiable', fairly_reliable: 'Bastante fiable', unreliable: 'Poco fiable',
    highly_unreliable: 'Nada fiable', unknown: 'Desconocida',
  },
};

/** Spanish names of ACLED's types; English uses ACLED's own (shared/model ACLED_LABELS). */
export const EVENT_TYPE_LABELS_ES: Record<EventType | EventSubType, string> = {
  battles: 'Batallas', explosions_remote_violence: 'Explosiones/violencia a distancia',
  violence_against_civilians: 'Violencia contra civiles', protests: 'Protestas', riots: 'Disturbios',
  strategic_developments: 'Acontecimientos estratégicos',
  armed_clash: 'Enfrentamiento armado', government_regains_territory: 'El gobierno recupera territorio',
  non_state_actor_overtakes_territory: 'Un actor no estatal toma territorio', chemical_weapon: 'Arma química',
  air_drone_strike: 'Ataque aéreo o con dron', suicide_bomb: 'Atentado suicida',
  shelling_artillery_missile_attack: 'Bombardeo de artillería o misiles',
  remote_explosive_landmine_ied: 'Explosivo a distancia/mina/artefacto explosivo improvisado', grenade: 'Granada',
  sexual_violence: 'Violencia sexual', attack: 'Ataque', abduction_forced_disappearance: 'Secuestro/desaparición forzada',
  peaceful_protest: 'Protesta pacífica', protest_with_intervention: 'Protesta con intervención',
  excessive_force_against_protesters: 'Uso excesivo de la fuerza contra manifestantes',
  violent_demonstration: 'Manifestación violenta', mob_violence: 'Violencia multitudinaria', agreement: 'Acuerdo',
  arrests: 'Detenciones', change_to_group_activity: 'Cambio en el grupo o su actividad',
  disrupted_weapons_use: 'Uso de armas frustrado', headquarters_or_base_established: 'Establecimiento de sede o base',
  looting_property_destruction: 'Saqueo/destrucción de bienes', non_violent_transfer_of_territory: 'Traspaso no violento de territorio',
  other: 'Otro',
};
