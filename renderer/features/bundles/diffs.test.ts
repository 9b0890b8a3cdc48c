import { describe, expect, it } from 'vitest';
import type { MessageKey } from '../../i18n';
import { translate } from '../../i18n';
import type { PreviewRecord } from '../../bundle/types';
import { diffValue, fieldLabel, newByKind, orderedDiffs } from './diffs';
import { formatBytes } from '../../i18n/formatBytes';
import { exportFileName, progressText, slugify } from './format';

const en = (key: MessageKey, params?: Record<string, string | number>) => translate('en', key, params);
const es = (key: MessageKey, params?: Record<string, string | number>) => translate('es', key, params);

describe('diff formatting', () => {
  it('names known fields in the UI language and keeps the rest of the path', () => {
    expect(fieldLabel('statusHistory', en)).toBe('Status history');
    expect(fieldLabel('statusHistory', es)).toBe('Historial de situación');
    expect(fieldLabel('place.region', en)).toBe('Place › region');
    expect(fieldLabel('names.0.note', en)).toBe('Other names › 1 › note');
  });
  it('shows an unknown field as it is rather than hiding it', () => {
    expect(fieldLabel('somethingNew', en)).toBe('somethingNew');
  });
  it('says a side is empty instead of showing nothing', () => {
    expect(diffValue('  ', en)).toEqual({ text: '(empty)', empty: true });
    expect(diffValue('', es)).toEqual({ text: '(vacío)', empty: true });
    expect(diffValue('Comandante Artemio', en)).toEqual({ text: 'Comandante Artemio', empty: false });
  });
  it('puts the name or title first and keeps the worker\'s order otherwise', () => {
    const diffs = [{ path: 'tags', mine: ['a'], theirs: ['b'] }, { path: 'description', mine: ['x'], theirs: ['y'] }, { path: 'name', mine: ['m'], theirs: ['t'] }];
    expect(orderedDiffs(diffs).map((d) => d.path)).toEqual(['name', 'tags', 'description']);
  });
  it('groups new records by kind, leaving conflicts out', () => {
    const r = (kind: PreviewRecord['kind'], id: string, status: PreviewRecord['status']): PreviewRecord =>
      ({ key: `${kind}:${id}`, kind, id, label: id, status, diffs: [] });
    const grouped = newByKind([r('actor', 'a', 'new'), r('actor', 'b', 'conflict'), r('document', 'd', 'new')]);
    expect(grouped.actor.map((x) => x.id)).toEqual(['a']);
    expect(grouped.document.map((x) => x.id)).toEqual(['d']);
    expect(grouped.event).toEqual([]);
  });
});

describe('sizes, progress and file names', () => {
  it('formats sizes in the user\'s number format', () => {
    expect(formatBytes(512, 'en')).toBe('512 B');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(5.25 * 1024 * 1024, 'es')).toBe('5,3 MB');
  });
  it('gives byte phases as sizes and item phases as counts', () => {
    expect(progressText({ phase: 'writing', done: 1024 * 1024, total: 4 * 1024 * 1024 }, en, 'en')).toBe('Writing the bundle… 1 MB of 4 MB');
    expect(progressText({ phase: 'comparing', done: 1200, total: 3000 }, en, 'en')).toBe('Comparing with your library… 1,200 of 3,000');
    expect(progressText({ phase: 'collecting', done: 0, total: 0 }, es, 'es')).toBe('Reuniendo los registros…');
  });
  it('makes safe file names from case names', () => {
    expect(slugify('Sendero Luminoso — VRAEM (Perú)')).toBe('sendero-luminoso-vraem-peru');
    expect(slugify('***')).toBe('casefile');
    expect(exportFileName('VRAEM', 'ftm', Date.UTC(2026, 10, 27, 23, 59))).toBe('vraem-2026-11-27.ftm');
  });
});
