import { describe, expect, it } from 'vitest';
import { acronymDefinitions } from './acronyms';
import { tokenize } from './tokens';

/** The definitions of a text as "name = ACRONYM (other)". */
function defined(text: string): string[] {
  const t = tokenize(text);
  const words = (s: { from: number; to: number }) => t.text.slice(t.starts[s.from]!, t.ends[s.to - 1]!);
  return acronymDefinitions(t).map((d) => `${words(d.name)} = ${words({ from: d.acronym, to: d.acronym + 1 })}${d.other ? ` (${words(d.other)})` : ''}`);
}

describe('acronymDefinitions', () => {
  it('finds a long name its acronym spells by initials, connectors skipped', () => {
    expect(defined('according to the United Nations Office on Drugs and Crime (UNODC), coca grew')).toEqual(['United Nations Office on Drugs and Crime = UNODC']);
    expect(defined('el Ejército de Liberación Nacional (ELN) y las Fuerzas Armadas Revolucionarias de Colombia ( FARC )')).toEqual([
      'Ejército de Liberación Nacional = ELN', 'Fuerzas Armadas Revolucionarias de Colombia = FARC',
    ]);
  });

  it('spells by first syllables, and takes the translation beside the bracket', () => {
    expect(defined("Peru's Counter-Terrorism Directorate (Dirección Contra el Terrorismo - DIRCOTE) said")).toEqual([
      'Dirección Contra el Terrorismo = DIRCOTE (Counter-Terrorism Directorate)',
    ]);
    expect(defined('la Comisión Nacional para el Desarrollo y Vida sin Drogas (Devida) y la DEVIDA')).toEqual([]);
  });

  it('takes only the words the acronym spells, from a capital', () => {
    expect(defined('a report by the Ministry of the Interior Office (MIO)')).toEqual(['Ministry of the Interior Office = MIO']);
    expect(defined('in the Office Monitoring Crime Agency (MCA)')).toEqual(['Monitoring Crime Agency = MCA']);
  });

  it('leaves brackets the acronym does not spell, and acronyms outside brackets', () => {
    expect(defined('The Shining Path (SL) and the VRAEM (Valle de los Ríos Apurímac, Ene y Mantaro - VRAEM).')).toEqual([]);
    expect(defined('the United Nations Office on Drugs and Crime, UNODC, said')).toEqual([]);
    expect(defined('the Liberation Army (ELN) (x')).toEqual([]);
  });
});

describe('acronymDefinitions on a hostile page', () => {
  it('reads 10,000 brackets whose words could each spell the acronym in many ways, and finds none', () => {
    // Each word could give 1–4 of the acronym's letters: every way is tried once per
    // (letter, word), not once per path (a few hundred ms for the page, not seconds).
    const text = Array.from({ length: 10_000 }, () => 'Aaaa Aaaa Aaaa Aaaa Aaaa Aaaa Aaaa Aaaa Aaaa Bbbb (AAAAAAAAAA)').join(' ');
    expect(defined(text)).toEqual([]);
    expect(defined(`${text} the Aaaa Aaaa Agency (AAA)`)).toEqual(['Aaaa Aaaa Agency = AAA']);
  });
});
