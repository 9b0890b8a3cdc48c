// Synthetic people for the mentions benchmarks (tests/bench/mentionsCore.test.ts, scripts/bench-mentions.mjs).
import type { MentionActor } from '../../shared/mentions';
import { makeRandom } from './generateRecords';
import { GIVEN_NAMES, NICKNAMES, NOM_PREFIXES, NOM_WORDS, SURNAMES } from './vocabulary';

const SYLLABLES = ['ca', 'hua', 'qui', 'ma', 'ni', 'ta', 'pa', 'ri', 'lla', 'cha', 'yu', 'ro', 'te', 'so', 'mu', 'ña', 'co', 'lo'];

/** 10,000 people with three names each: full name, titled alias, one-word nom de guerre. */
export function makeMentionActors(count: number, seed: number): MentionActor[] {
  const r = makeRandom(seed);
  const synthetic = (): string => {
    const w = Array.from({ length: r.int(2, 4) }, () => r.pick(SYLLABLES)).join('');
    return w[0]!.toUpperCase() + w.slice(1);
  };
  const surname = (): string => (r.chance(0.5) ? r.pick(SURNAMES) : synthetic());
  return Array.from({ length: count }, (_, i) => ({
    id: `a${i}`,
    kind: 'person',
    name: `${r.pick(GIVEN_NAMES)} ${surname()} ${surname()}`,
    names: [
      { name: r.chance(0.2) ? r.pick(NICKNAMES) : `${r.pick(NOM_PREFIXES)} ${r.chance(0.5) ? r.pick(NOM_WORDS) : synthetic()}`, type: 'alias' },
      { name: r.chance(0.3) ? r.pick(NOM_WORDS) : synthetic(), type: 'nom_de_guerre' },
    ],
  }));
}

