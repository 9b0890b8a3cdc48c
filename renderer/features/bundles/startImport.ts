import { translate } from '../../i18n';
import { getPlatform } from '../../platform';
import { useUi } from '../../state/store';
import { confirmSpace } from '../storage/confirmSpace';

/** What the picker offers: plain bundles and passphrase-encrypted ones (`.casefile.age`). */
export const BUNDLE_ACCEPT = ['.casefile', '.age'];

/**
 * Asks for a bundle and opens the import dialog with it. Call it straight from a click:
 * the browser shows its file picker only during a user gesture.
 */
export function startImport(restore: boolean): void {
  getPlatform().pickFile({ accept: BUNDLE_ACCEPT }).then(
    (file) => { if (file) void openImport(file, restore); },
    (error: unknown) => {
      const ui = useUi.getState();
      ui.notify(translate(ui.language, 'bundles.import.pickFailed', { reason: error instanceof Error ? error.message : String(error) }), 'error');
    },
  );
}

/**
 * Opens the import (or restore) dialog for a bundle, asking first when the disk looks too
 * full for what it will write; a cancel there opens nothing.
 */
export async function openImport(file: File, restore: boolean): Promise<void> {
  if (!(await confirmSpace({ job: restore ? 'restore' : 'bundle', bytes: file.size, name: file.name }))) return;
  const ui = useUi.getState();
  // Another import or export may have opened while the user was deciding.
  if (ui.bundleDialog !== null) ui.notify(translate(ui.language, 'bundles.busy'), 'info');
  else ui.openBundleDialog({ kind: 'import', file, restore });
}
