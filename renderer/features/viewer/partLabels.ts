import type { CitationTargetLabel } from '../../db/citationTargets';
import type { Translator } from '../../i18n/useT';
import { nameTypeKey, statusKey } from '../actors/labels';
import { dateText } from '../events/dates';
import { roleLabel } from '../events/labels';

/** Actor ids a part's label refers to (a membership's group, a participant), to look their names up. */
export function labelActorIds(labels: readonly CitationTargetLabel[]): string[] {
  return labels.flatMap((l) => (l.part === 'membership' ? [l.groupId] : l.part === 'participant' ? [l.actorId] : []));
}

/** "Name: Comandante Artemio (Nom de guerre)", "Status: Captured / arrested · February 2012 · Alto Huallaga", … */
export function partLabel(t: Translator, label: CitationTargetLabel, names: ReadonlyMap<string, string>): string {
  const name = (id: string) => names.get(id) ?? t('common.deletedRecord');
  const extras = (...parts: Array<string | null | undefined>) => parts.filter((p): p is string => Boolean(p && p.trim())).map((p) => ` · ${p}`).join('');
  switch (label.part) {
    case 'actor':
    case 'event':
      return t('viewer.cite.whole');
    case 'name':
      return t('viewer.cite.name', { name: label.name, type: t(nameTypeKey(label.type)) });
    case 'membership': {
      const span = [label.from, label.to].map((d) => (d ? dateText(d, t.lang) : '')).filter(Boolean).join(' – ');
      return t('viewer.cite.membership', { role: label.role || '—', group: name(label.groupId) }) + extras(span);
    }
    case 'status':
      return t('viewer.cite.status', { status: t(statusKey(label.status)) }) + extras(label.date ? dateText(label.date, t.lang) : null, label.place);
    case 'participant':
      return t('viewer.cite.participant', { name: name(label.actorId), role: roleLabel(t, label.role) });
  }
}
