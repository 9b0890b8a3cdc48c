import type { UndatedItem } from '../../../shared/timeline';
import { useT } from '../../i18n/useT';
import { plural } from '../../i18n/plural';
import { useOpenRecord } from './useOpenRecord';

/** Items without a date: not on the axis, but never dropped. */
export function UndatedList({ items }: { items: readonly UndatedItem[] }) {
  const t = useT();
  const open = useOpenRecord();
  if (items.length === 0) return null;
  return (
    <details className="undated">
      <summary>{plural(t, 'timeline.undated', items.length)}</summary>
      <ul>
        {items.slice(0, 500).map((u) => (
          <li key={u.key}>
            <button type="button" className="link" onClick={() => open(u.recordKind, u.recordId)}>{u.title}</button>
            {u.rowLabel && u.rowLabel !== u.title ? <span className="muted"> — {u.rowLabel}</span> : null}
          </li>
        ))}
      </ul>
    </details>
  );
}
