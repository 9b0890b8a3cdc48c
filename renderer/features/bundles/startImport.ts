import { translate } from '../../i18n';
import { getPlatform } from '../../platform';
import { useUi } from '../../state/store';

/** What the picker offers: plain bundles and passphrase-encrypted ones (`.casefile.age`). */
export const BUNDLE_ACCEPT = ['.casefile', '.age'];

/**
 * Asks for a bundle and opens the import dialog with it. Call it straight from a click:
 * the browser shows its file picker only during a user gesture.
 */
export function startImport(restore: boolean): void {
  getPlatform().pickFile({ accept: BUNDLE_ACCEPT }).then(
    (file) => { if (file) useUi.getState().openBundleDialog({ kind: 'import', file, restore }); },
    (error: unknown) => {
      const ui = useUi.getState();
      ui.notify(translate(ui.language, 'bundles.import.pickFailed', { reason: error instanceof Error ? error.message : String(error) }), 'error');
    },
  );
}
