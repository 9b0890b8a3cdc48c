/**
 * Word families that no stemmer joins. Irregular forms: "children" and "child", "fled" and "flee",
 * "murió" and "muerto", "detuvo" and "detenido". A query word in one of these families also
 * finds the other members' forms (expand.ts), each through its own language's stem map, so
 * "detenidos" finds pages saying "detuvieron" and "children" finds "child". And a few
 * derivations and spellings of one concept, core to this reporting: "seizure" and "seized",
 * "tons" and "tonnes", "ataque" and "atacado", "desaparecidos" and "desapariciones". Only families
 * common in the reports this tool files (violence, arrests, flight, trafficking) are listed,
 * and none whose forms are also everyday words of another meaning ("left", "found" as in
 * founded, "saw", "lives", "fue").
 *
 * Words are written folded (lower case, no accents), as the index holds them.
 */
import { stemOf } from './analyze';
import type { StemLang } from './stemMap';

const EN: readonly (readonly string[])[] = [
  ['child', 'children'], ['man', 'men'], ['woman', 'women'], ['person', 'people'],
  ['thief', 'thieves'], ['knife', 'knives'], ['wife', 'wives'],
  ['die', 'dying'], ['flee', 'fled'], ['fight', 'fought'], ['catch', 'caught'], ['take', 'took', 'taken'],
  ['hold', 'held'], ['lead', 'led'], ['shoot', 'shot'], ['steal', 'stole', 'stolen'], ['hide', 'hid', 'hidden'],
  ['bring', 'brought'], ['buy', 'bought'], ['sell', 'sold'], ['seek', 'sought'], ['fall', 'fell', 'fallen'],
  ['give', 'gave', 'given'], ['begin', 'began', 'begun'], ['run', 'ran'], ['go', 'went', 'gone'], ['come', 'came'],
  ['know', 'knew', 'known'], ['write', 'wrote', 'written'], ['speak', 'spoke', 'spoken'], ['fly', 'flew', 'flown'],
  ['drive', 'drove', 'driven'], ['break', 'broke', 'broken'], ['blow', 'blew', 'blown'], ['lose', 'lost'],
  ['meet', 'met'], ['pay', 'paid'], ['send', 'sent'], ['tell', 'told'], ['keep', 'kept'], ['strike', 'struck'],
  ['swear', 'swore', 'sworn'], ['grow', 'grew', 'grown'], ['throw', 'threw', 'thrown'], ['sink', 'sank', 'sunk'],
  ['win', 'won'], ['hang', 'hung'], ['arise', 'arose', 'arisen'], ['forbid', 'forbade', 'forbidden'],
  // Derivations and spellings of one concept that Porter keeps apart.
  ['seize', 'seized', 'seizing', 'seizure', 'seizures'], ['ton', 'tons', 'tonne', 'tonnes'],
];

const ES: readonly (readonly string[])[] = [
  ['morir', 'muere', 'mueren', 'murio', 'murieron', 'muriendo', 'muerto', 'muerta', 'muertos', 'muertas'],
  ['detener', 'detiene', 'detienen', 'detuvo', 'detuvieron', 'detenido', 'detenida', 'detenidos', 'detenidas', 'detencion', 'detenciones'],
  ['huir', 'huye', 'huyen', 'huyo', 'huyeron', 'huyendo', 'huido', 'huida'],
  ['caer', 'cae', 'caen', 'cayo', 'cayeron', 'cayendo', 'caido', 'caida', 'caidos', 'caidas'],
  ['herir', 'hiere', 'hieren', 'hirio', 'hirieron', 'hiriendo', 'herido', 'herida', 'heridos', 'heridas'],
  ['retener', 'retiene', 'retienen', 'retuvo', 'retuvieron', 'retenido', 'retenida', 'retenidos', 'retenidas'],
  ['obtener', 'obtiene', 'obtienen', 'obtuvo', 'obtuvieron', 'obtenido', 'obtenida', 'obtenidos', 'obtenidas'],
  ['producir', 'produce', 'producen', 'produjo', 'produjeron', 'producido', 'producida'],
  ['traer', 'trae', 'traen', 'trajo', 'trajeron', 'traido', 'traida'],
  ['conducir', 'conduce', 'conducen', 'condujo', 'condujeron', 'conducido', 'conducida'],
  // Derivations and spellings of one concept that Snowball keeps apart ("ataque" → ataqu,
  // "atacado" → atac; "asesinato" → asesinat, "asesinado" → asesin).
  ['atacar', 'ataque', 'ataques', 'ataco', 'atacaron', 'atacado', 'atacada', 'atacados', 'atacadas'],
  ['asesinar', 'asesinato', 'asesinatos', 'asesino', 'asesinaron', 'asesinado', 'asesinada', 'asesinados', 'asesinadas'],
  ['desaparecer', 'desaparicion', 'desapariciones', 'desaparecio', 'desaparecieron', 'desaparecido', 'desaparecida', 'desaparecidos', 'desaparecidas'],
];

interface Member { word: string; stem: string }

let families: Record<StemLang, Map<string, Member[][]>> | null = null;

/** Each family's members with their stems, keyed by every member's stem. */
function byStem(list: readonly (readonly string[])[], lang: StemLang): Map<string, Member[][]> {
  const out = new Map<string, Member[][]>();
  for (const words of list) {
    const members = words.map((word) => ({ word, stem: stemOf(word, lang) ?? word }));
    for (const stem of new Set(members.map((m) => m.stem))) out.set(stem, [...(out.get(stem) ?? []), members]);
  }
  return out;
}

/**
 * The other members of the families holding a word of stem `stem` in `lang` whose stems
 * differ, one per stem: "fleeing" (Porter "flee") → fled; "detenidos" (Snowball "deten") →
 * detiene, detienen, detuvo. A form reached through one of these stems counts only where it
 * inflects that member (expand.ts), so "person" adds "persons" to "people", never "personal".
 */
export function irregularPartners(stem: string, lang: StemLang): readonly Member[] {
  families ??= { en: byStem(EN, 'en'), es: byStem(ES, 'es') };
  const found = families[lang].get(stem);
  if (!found) return [];
  const out = new Map<string, Member>();
  for (const family of found) for (const m of family) if (m.stem !== stem && !out.has(m.stem)) out.set(m.stem, m);
  return [...out.values()];
}
