import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../../db/dbContext';
import type { SameFileRestore } from '../../db/trash';
import { emptyTrash, listTrash, liveHolderOfFile, purgeFromTrash, restoreFromTrash } from '../../db/trash';
import { formatTimestamp, useT } from '../../i18n/useT';
import { useUi } from '../../state/store';
import { SameFileDialog } from './SameFileDialog';

/** Everything moved to the trash, newest first; restore puts a record back exactly as it was. */
export function TrashView() {
  const db = useDb();
  const t = useT();
  const notify = useUi((s) => s.notify);
  const entries = useLiveQuery(() => listTrash(db), [db]);
  /** A source whose file is live under another record: the user chooses how it comes back. */
  const [sameFile, setSameFile] = useState<{ id: string; title: string; live: string } | null>(null);

  const restore = async (id: string, title: string) => {
    const result = await restoreFromTrash(db, id);
    if (result === 'restored') notify(t('trash.restored', { title }));
    else if (result === 'conflict') notify(t('trash.conflict', { title }), 'error');
    else if (result === 'same-file') {
      const live = await liveHolderOfFile(db, id);
      if (live) setSameFile({ id, title, live: live.title });
    }
  };
  const restoreSameFile = async (how: SameFileRestore) => {
    if (!sameFile) return;
    const { id, title, live } = sameFile;
    const result = await restoreFromTrash(db, id, { sameFile: how });
    setSameFile(null);
    if (result === 'restored') notify(t(how === 'keep-both' ? 'trash.sameFile.keptBoth' : 'trash.sameFile.replaced', { title, live }));
    else if (result === 'conflict') notify(t('trash.conflict', { title }), 'error');
  };
  const purge = async (id: string, title: string) => {
    if (!window.confirm(t('trash.confirmPurge', { title }))) return;
    await purgeFromTrash(db, id);
  };
  const empty = async () => {
    if (!window.confirm(t('trash.confirmEmpty'))) return;
    await emptyTrash(db);
  };

  return (
    <div className="page">
      <div className="pane__title">
        <h1>{t('trash.title')}</h1>
        {entries && entries.length > 0 ? <button type="button" className="danger" onClick={() => void empty()}>{t('action.emptyTrash')}</button> : null}
      </div>
      {entries === undefined ? <p className="muted">{t('common.loading')}</p> : null}
      {entries?.length === 0 ? <p className="empty">{t('trash.empty')}</p> : null}
      {entries && entries.length > 0 ? (
        <table className="plain" aria-label={t('trash.title')}>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td><span className="chip">{t(`trash.table.${entry.table}`)}</span></td>
                <td><strong>{entry.title}</strong></td>
                <td className="muted">{t('trash.deletedAt', { when: formatTimestamp(entry.deletedAt, t.lang) })}</td>
                <td style={{ textAlign: 'right' }}>
                  <button type="button" className="small" aria-label={`${t('action.restore')}: ${entry.title}`}
                    onClick={() => void restore(entry.id, entry.title)}>{t('action.restore')}</button>{' '}
                  <button type="button" className="small danger" aria-label={`${t('action.deleteForever')}: ${entry.title}`}
                    onClick={() => void purge(entry.id, entry.title)}>{t('action.deleteForever')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {sameFile ? (
        <SameFileDialog title={sameFile.title} live={sameFile.live} onChoose={restoreSameFile} onClose={() => setSameFile(null)} />
      ) : null}
    </div>
  );
}
