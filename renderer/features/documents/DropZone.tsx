import { useEffect, useState } from 'react';
import { useDb } from '../../db/dbContext';
import { translate } from '../../i18n';
import { translatePlural } from '../../i18n/plural';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/store';
import { openImport } from '../bundles/startImport';
import './dropZone.css';

/** A case bundle (plain or passphrase-encrypted) goes to the import preview, not to the PDF import. */
const isBundle = (file: File): boolean => /\.casefile(\.age)?$/i.test(file.name);

/** Only drags carrying files count; dragging text or a link inside the window is left alone. */
function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/**
 * Dropping PDFs anywhere on the window adds them; a dropped case bundle opens the import preview. While files are dragged over the
 * window a full-window overlay says so; the drop is always taken here, so the browser
 * (or Electron) never navigates away to the dropped file.
 */
export function DropZone() {
  const db = useDb();
  const t = useT();
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    // dragenter/dragleave fire for every element crossed: count them to know when the drag left the window.
    let depth = 0;
    const onEnter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth++;
      setDragging(true);
    };
    const onOver = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const dropped = Array.from(e.dataTransfer?.files ?? []);
      const ui = useUi.getState();
      const bundles = dropped.filter(isBundle);
      if (bundles.length > 0) {
        // One bundle at a time, and never over a running import or export.
        if (ui.bundleDialog !== null || bundles.length > 1) ui.notify(translate(ui.language, 'documents.drop.oneBundle'), 'info');
        else void openImport(bundles[0]!, false);
      }
      const files = dropped.filter((f) => !isBundle(f));
      if (files.length === 0) return;
      // An open form would be lost by switching views: then the progress is one click away instead.
      if (ui.editor === null) ui.showView('documents');
      else ui.notify(translatePlural(ui.language, 'documents.import.startedElsewhere', files.length), 'info',
        { label: translate(ui.language, 'documents.import.showProgress'), run: () => useUi.getState().showView('documents') });
      // The import code loads with the first drop, not at start-up.
      void import('./importRunner').then(({ addDroppedFiles }) => addDroppedFiles(db, files));
    };
    const onEnd = () => { depth = 0; setDragging(false); };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    window.addEventListener('dragend', onEnd);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
      window.removeEventListener('dragend', onEnd);
    };
  }, [db]);

  if (!dragging) return null;
  return (
    <div className="drop-zone" aria-hidden="true">
      <div className="drop-zone__card">
        <strong>{t('documents.drop.title')}</strong>
        <span>{t('documents.drop.hint')}</span>
      </div>
    </div>
  );
}
