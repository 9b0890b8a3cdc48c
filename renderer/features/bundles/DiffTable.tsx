import type { PreviewRecord } from '../../bundle/types';
import { useT } from '../../i18n/useT';
import { diffValue, fieldLabel, orderedDiffs } from './diffs';

/** A record's differing fields side by side, values in the user's words. */
export function DiffTable({ record, mineHeading }: { record: PreviewRecord; mineHeading?: string }) {
  const t = useT();
  return (
    <table className="conflict__diff" aria-label={t('bundles.preview.differences', { label: record.label })}>
      <thead>
        <tr>
          <th scope="col">{t('bundles.preview.field')}</th>
          <th scope="col">{mineHeading ?? t('bundles.preview.mine')}</th>
          <th scope="col">{t('bundles.preview.theirs')}</th>
        </tr>
      </thead>
      <tbody>
        {orderedDiffs(record.diffs).map((diff) => {
          const mine = diffValue(diff.mine, t);
          const theirs = diffValue(diff.theirs, t);
          return (
            <tr key={diff.path}>
              <th scope="row">{fieldLabel(diff.path, t)}</th>
              <td className={mine.empty ? 'muted' : undefined}>{mine.text}</td>
              <td className={theirs.empty ? 'muted' : undefined}>{theirs.text}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
