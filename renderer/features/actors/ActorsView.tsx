import { Suspense, lazy } from 'react';
import { useUi } from '../../state/store';
import { ActorList } from './ActorList';
import { ActorProfile } from './ActorProfile';
import { useT } from '../../i18n/useT';

const ActorForm = lazy(() => import('./ActorForm').then((m) => ({ default: m.ActorForm })));

export function ActorsView() {
  const t = useT();
  const selectedId = useUi((s) => s.selectedActorId);
  const editor = useUi((s) => s.editor);
  const editing = editor?.kind === 'actor' ? editor : null;
  return (
    <div className="split">
      <ActorList />
      <section className="pane pane--detail" aria-label={t('actors.pane')}>
        {editing ? <Suspense fallback={null}><ActorForm key={editing.id ?? `new:${editing.name ?? ''}`} id={editing.id} name={editing.name} aliases={editing.aliases} kind={editing.actorKind} /></Suspense>
          : selectedId ? <ActorProfile id={selectedId} />
          : <p className="empty">{t('actors.selectHint')}</p>}
      </section>
    </div>
  );
}
