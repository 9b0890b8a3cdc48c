import { describe, expect, it } from 'vitest';
import { NameTrie } from '../../shared/mentions';
import { OTHERS_KEPT, pageRows } from './pageRows';

describe('pageRows', () => {
  it('one row per actor named on the page; a name many actors share keeps a few of the others and counts the rest', () => {
    const shared = Array.from({ length: 8 }, (_, i) => ({ actorId: `g${i}`, name: 'Comandante Gabriel', source: 'name' as const, rule: 'anywhere' as const }));
    const trie = new NameTrie([...shared, { actorId: 'c', name: 'Cirilo', source: 'name', rule: 'anywhere' }]);
    const text = 'Según la policía, Cirilo y el Comandante Gabriel huyeron. Cirilo fue capturado después; el Comandante Gabriel no.';
    const rows = pageRows(trie, 'd', 4, text);
    expect(rows.map((r) => r.actorId)).toEqual(['c', ...shared.map((s) => s.actorId)]);
    const cirilo = rows[0]!;
    expect(cirilo).toMatchObject({ documentId: 'd', page: 4, count: 2, ambiguous: 0 });
    expect(cirilo.snippet.text.slice(cirilo.snippet.start, cirilo.snippet.end)).toBe('Cirilo');
    const gabriel = rows[1]!;
    expect(gabriel.ambiguous).toBe(1);
    expect(gabriel.hits[0]!.others).toHaveLength(OTHERS_KEPT);
    expect(gabriel.hits[0]!.moreOthers).toBe(7 - OTHERS_KEPT);
    expect(text.slice(gabriel.hits[0]!.start, gabriel.hits[0]!.end)).toBe('Comandante Gabriel');
    // Later hits only count the others: the lists show the first.
    expect(gabriel.hits[1]).toMatchObject({ others: [], moreOthers: 7 });
  });
});
