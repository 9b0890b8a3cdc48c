import type { BundleProgress } from '../../bundle/types';
import { useT } from '../../i18n/useT';
import { progressText } from './format';

/** A long task's phase and amount, with a bar (indeterminate while the total is unknown). */
export function ProgressLine({ progress, label }: { progress: BundleProgress; label: string }) {
  const t = useT();
  const known = progress.total > 0;
  return (
    <div className="bundle-progress">
      <progress aria-label={label} {...(known ? { max: progress.total, value: Math.min(progress.done, progress.total) } : {})} />
      <span className="muted" aria-live="polite">{progressText(progress, t, t.lang)}</span>
    </div>
  );
}
