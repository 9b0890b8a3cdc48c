import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { DiffKind, Vocabulary } from '../../../shared/bundle/diffText';
import { ENUM_FIELDS, VOCABULARIES, vocabularyOf } from '../../../shared/bundle/diffText';
import { displayValue, diffRecords } from '../../../shared/bundle/diffRecords';
import { pageEntrySchema } from '../../../shared/bundle/pages';
import { actorSchema, caseSchema, documentSchema, eventSchema } from '../../../shared/model';
import type { Language, MessageKey } from '../../i18n';
import { hasMessage, translate } from '../../i18n';
import { diffValue } from './diffs';
import { VOCABULARY_KEYS, languageLabel, piecesText, vocabularyLabel } from './vocabulary';

const tr = (lang: Language) => Object.assign((key: MessageKey) => translate(lang, key), { lang });
const en = tr('en');
const es = tr('es');

interface Def { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType; options?: z.ZodType[]; entries?: Record<string, string> }
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Every enumerated field of a schema: path without list positions → its values. */
function enumFields(schema: z.ZodType, path = '', out = new Map<string, string[]>()): Map<string, string[]> {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': for (const [k, v] of Object.entries(def.shape!)) enumFields(v, path ? `${path}.${k}` : k, out); break;
    case 'array': enumFields(def.element!, path, out); break;
    case 'nullable': case 'optional': case 'default': case 'readonly': enumFields(def.innerType!, path, out); break;
    case 'pipe': enumFields(def.in!, path, out); break;
    case 'union': for (const o of def.options!) enumFields(o, path, out); break;
    case 'enum': out.set(path, Object.values(def.entries!)); break;
    default: break;
  }
  return out;
}

const SCHEMAS: Record<DiffKind, z.ZodType> = { case: caseSchema, actor: actorSchema, event: eventSchema, document: documentSchema, page: pageEntrySchema };

describe('diffs show labels, not raw values', () => {
  it('knows the vocabulary of every enumerated field of every record and of a bundle\'s pages', () => {
    for (const [kind, schema] of Object.entries(SCHEMAS) as [DiffKind, z.ZodType][]) {
      const found = enumFields(schema);
      // Event sub-types are a plain string checked against the type's list: an enumerated field too.
      if (kind === 'event') found.set('subType', []);
      // Documents' language is open text, shown by name when it is a language code.
      if (kind === 'document') found.set('language', []);
      expect(Object.keys(ENUM_FIELDS[kind]).sort(), kind).toEqual([...found.keys()].sort());
      for (const [path, values] of found) {
        const vocab = vocabularyOf(kind, path)!;
        if (vocab === 'language') continue;
        // Every value the schema accepts has a label in both languages.
        for (const value of values) {
          const key = VOCABULARY_KEYS[vocab].key(value);
          expect(VOCABULARY_KEYS[vocab].values, `${kind}.${path}`).toContain(value);
          expect(hasMessage(key), key).toBe(true);
          expect(vocabularyLabel(vocab, value, en), key).not.toBe(value);
          expect(translate('es', key), key).toBeTruthy();
        }
      }
    }
  });

  it('labels every value of every vocabulary in English and Spanish', () => {
    for (const vocab of VOCABULARIES) {
      if (vocab === 'language') continue;
      const table = VOCABULARY_KEYS[vocab as Exclude<Vocabulary, 'language'>];
      expect(table.values.length, vocab).toBeGreaterThan(0);
      for (const value of table.values) {
        expect(hasMessage(table.key(value)), `${vocab}: ${value}`).toBe(true);
        expect(vocabularyLabel(vocab, value, es), `${vocab}: ${value}`).not.toMatch(/^(bundles|events|documents|status|kind)\./);
      }
    }
  });

  it('shows a status history, a name type, an event type and a place precision in the user\'s words', () => {
    const names = (id: string) => `#${id.slice(0, 4)}`;
    const status = displayValue('actor', [{ id: 'x', status: 'captured', date: null, place: 'Lima', note: '', citations: [] }], 'statusHistory', names);
    expect(diffValue(status, en).text).toBe('Captured / arrested Lima');
    expect(diffValue(status, es).text).toBe('Capturado / detenido Lima');
    const diffs = diffRecords('event',
      { type: 'battles', subType: 'armed_clash', place: { precision: 'exact', name: 'A' }, participants: [{ actorId: 'a1b2c3d4', role: 'attacker', citations: [] }] },
      { type: 'strategic_developments', subType: 'arrests', place: { precision: 'region', name: 'A' }, participants: [{ actorId: 'a1b2c3d4', role: 'captured', citations: [] }] },
      names, (a, b) => JSON.stringify(a) === JSON.stringify(b));
    expect(diffs.map((d) => [d.path, piecesText(d.mine, en), piecesText(d.theirs, en)])).toEqual([
      ['type', 'Battles', 'Strategic developments'],
      ['subType', 'Armed clash', 'Arrests'],
      ['place.precision', en('events.precision.exact'), en('events.precision.region')],
      ['participants', `#a1b2 (${en('events.role.attacker')})`, `#a1b2 (${en('events.role.captured')})`],
    ]);
    expect(piecesText(displayValue('document', 'highly_reliable', 'reliability', names), es)).toBe(es('documents.reliability.highly_reliable'));
  });

  it('names a language code and keeps free text; an unknown value shows as it is', () => {
    expect(languageLabel('es', 'en')).toBe('Spanish (es)');
    expect(languageLabel('es', 'es')).toBe('español (es)');
    expect(languageLabel('Quechua y castellano', 'en')).toBe('Quechua y castellano');
    expect(vocabularyLabel('actorStatus', 'teleported', en)).toBe('teleported');
  });
});
