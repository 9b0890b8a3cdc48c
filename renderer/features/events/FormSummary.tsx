import type { FieldIssue } from '../../../shared/model';
import { useT } from '../../i18n/useT';
import { plural } from '../../i18n/plural';

/**
 * "Please correct N problem(s)": every problem counts; those with no field of their own
 * on the form (a bad citation inside an imported record, say) are listed here.
 */
export function FormSummary({ issues, hidden }: { issues: readonly FieldIssue[]; hidden: readonly FieldIssue[] }) {
  const t = useT();
  if (issues.length === 0) return null;
  return (
    <div className="form__summary" role="alert" tabIndex={-1}>
      {plural(t, 'validation.summary', issues.length)}
      {hidden.length > 0 ? (
        <ul className="event-form__hidden-issues" aria-label={t('events.form.otherProblems')}>
          {hidden.map((issue) => <li key={issue.path}><code>{issue.path}</code>: {t.dynamic(issue.message)}</li>)}
        </ul>
      ) : null}
    </div>
  );
}
