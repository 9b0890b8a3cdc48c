import { describe, expect, it } from 'vitest';
import { NameTrie, findMentions, joinedWords, pageWordSet, rarestWord, rescanWords } from './index';
import type { NameEntry } from './index';

describe('re-scan after a name edit', () => {
  const pages = [
    'Los hermanos Quispe Palomino en Vizcatán.',
    'Víctor Quispe Pa-\nlomino, alias José.',
    'Juan Quispe vende papas.',
    'Nada que ver aquí.',
  ];
  const index = new Map<string, number[]>();
  pages.forEach((p, i) => { for (const w of pageWordSet(p)) index.set(w, [...(index.get(w) ?? []), i]); });
  const df = (w: string): number => index.get(w)?.length ?? 0;

  it('picks the name word on the fewest pages, unknown words first', () => {
    expect(rarestWord('Víctor Quispe Palomino', df)).toBe('victor');
    expect(rarestWord('Quispe Palomino', df)).toBe('palomino');
    expect(rarestWord('Comandante Nuevo', df)).toBe('comandante');
    expect(rescanWords(['Quispe Palomino', 'Víctor Quispe Palomino', 'Quispe'], df)).toEqual(['palomino', 'victor', 'quispe']);
  });

  it('finds every page whose mentions change when a name is added, through the rarest word only', () => {
    const before: NameEntry[] = [{ actorId: 'v', name: 'Víctor Quispe Palomino', source: 'name', rule: 'anywhere' }];
    const added: NameEntry = { actorId: 'v', name: 'Quispe Palomino', source: 'family', rule: 'with-cue' };
    const after = [...before, added];
    const changed = pages.map((_, i) => i).filter((i) =>
      JSON.stringify(findMentions(new NameTrie(before), pages[i]!)) !== JSON.stringify(findMentions(new NameTrie(after), pages[i]!)));
    const rescanned = new Set(rescanWords([added.name], df).flatMap((w) => index.get(w) ?? []));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.filter((i) => !rescanned.has(i))).toEqual([]);
  });

  it('lists the words a plain word index splits at a hyphen', () => {
    expect(joinedWords('Víctor Quispe Pa-\nlomino y Abima\u00ADel, Ruiz-Tagle')).toEqual(['palomino', 'abimael']);
  });
});
