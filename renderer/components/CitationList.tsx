import type { Citation } from '../../shared/model';
import { useT } from '../i18n/useT';

/**
 * The sources behind one fact. Documents arrive with the documents feature; until a
 * citation's document is attached we say so rather than hide the citation.
 */
export function CitationList({ citations, label }: { citations: readonly Citation[]; label?: string }) {
  const t = useT();
  if (citations.length === 0) return null;
  return (
    <ul className="citations" aria-label={label ?? t('common.citations')}>
      {citations.map((c) => (
        <li key={c.id}>
          <span>{c.page ? t('common.page', { page: c.page }) : t('common.wholeDocument')}</span>
          {' · '}<span className="muted">{t('common.documentMissing')}</span>
          {c.quote ? <> — <q>{c.quote}</q></> : null}
          {c.note ? <> ({c.note})</> : null}
        </li>
      ))}
    </ul>
  );
}
