import { useLiveQuery } from 'dexie-react-hooks';
import { useId } from 'react';
import { useDb } from '../../db/dbContext';
import { getPage } from '../../db/documents';
import { useT } from '../../i18n/useT';

/**
 * The page's form-field values and comments, read from the stored page row (the viewer
 * draws no AnnotationLayer: fields and notes are pixels only, and a closed note's text is
 * not on the page at all). Each entry is marked "Form field" or "Comment" with its label.
 */
export function PageAnnotations({ documentId, page }: { documentId: string; page: number }) {
  const db = useDb();
  const t = useT();
  const headingId = useId();
  const annotations = useLiveQuery(async () => (await getPage(db, documentId, page))?.annotations ?? [], [db, documentId, page]);
  if (!annotations?.length) return null;
  return (
    <section className="pdf-annotations" aria-labelledby={headingId} data-testid="page-annotations">
      <h3 id={headingId}>{t('viewer.annotations')}</h3>
      <ul>
        {annotations.map((a, i) => (
          <li key={i} className={`pdf-annotation pdf-annotation--${a.kind}`}>
            <span className="pdf-annotation__kind">{t(`viewer.annotation.${a.kind}`)}</span>
            {a.label ? <span className="pdf-annotation__label">{a.label}</span> : null}
            <p className="pdf-annotation__text">{a.text}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
