// Family names from a person's full name, so "Quispe Palomino" alone finds both brothers.
// Spanish names carry two surnames ("Víctor Quispe Palomino"), English ones one; a word
// before the last counts as a surname unless it is a known given name, which is how
// "Florindo Eleuterio Flores" gives "Flores" and "Víctor Quispe Palomino" gives
// "Quispe Palomino". The user corrects what this gets wrong.
import { COMMON_FIRST_NAMES } from './firstNames';
import { PARTICLES, TITLES } from './rules';
import { foldWord } from './tokens';

export interface FamilyNameSource {
  readonly kind: string;
  readonly name: string;
  readonly names: ReadonlyArray<{ readonly name: string; readonly type: string }>;
}

const fold = (w: string): string => foldWord(w.replace(/[.,]/g, ''));

export interface FamilyName {
  readonly family: string;
  /** The given names before it, e.g. ["Víctor"]: "Víctor Quispe" is still this person. */
  readonly given: readonly string[];
}

/**
 * Family names of a person, longest first: ["Quispe Palomino", "Quispe"] — the paternal
 * surname alone is how Spanish texts often shorten a name. Taken from the legal name and
 * from the primary name ("Iván Mordisco" → "Mordisco"). Empty for groups and for names of
 * one word after titles ("Comandante Artemio").
 */
export function deriveFamilyNames(actor: FamilyNameSource): string[] {
  return deriveFamilyNamesWithGiven(actor).map((f) => f.family);
}

export function deriveFamilyNamesWithGiven(actor: FamilyNameSource): FamilyName[] {
  if (actor.kind !== 'person') return [];
  const sources = [...actor.names.filter((n) => n.type === 'legal_name').map((n) => n.name), actor.name];
  const out: FamilyName[] = [];
  for (const source of sources) {
    for (const f of fromFullName(source.trim())) {
      if (!out.some((o) => fold(o.family) === fold(f.family))) out.push(f);
    }
  }
  return out;
}

function fromFullName(source: string): FamilyName[] {
  // "Quispe Palomino, Víctor": the family name comes first.
  const comma = source.indexOf(',');
  let family: string[];
  let given: string[];
  if (comma > 0) {
    family = source.slice(0, comma).split(/\s+/).filter(Boolean);
    given = source.slice(comma + 1).split(/\s+/).filter(Boolean);
  } else {
    const words = source.split(/\s+/).filter(Boolean);
    let first = 0;
    while (first < words.length && TITLES.has(fold(words[first]!))) first++;
    const rest = words.slice(first);
    if (first > 0 || rest.length < 2) return [];
    let k = rest.length - 1;
    const takeParticles = (): void => {
      while (k - 1 >= 1 && PARTICLES.has(fold(rest[k - 1]!))) k--;
    };
    takeParticles();
    if (k - 1 >= 1 && !COMMON_FIRST_NAMES.has(fold(rest[k - 1]!)) && !PARTICLES.has(fold(rest[k - 1]!))) {
      k--;
      takeParticles();
    }
    family = rest.slice(k);
    given = rest.slice(0, k);
  }
  if (family.length === 0) return [];
  const out: FamilyName[] = [{ family: family.join(' '), given }];
  const surnames = family.filter((w) => !PARTICLES.has(fold(w)));
  if (surnames.length > 1) {
    // The paternal surname with any particles before it: "de la Cruz" from "de la Cruz Pérez".
    const firstSurname = family.findIndex((w) => !PARTICLES.has(fold(w)));
    out.push({ family: family.slice(0, firstSurname + 1).join(' '), given });
  }
  return out;
}
