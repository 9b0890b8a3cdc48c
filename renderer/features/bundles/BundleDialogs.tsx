import { useUi } from '../../state/store';
import { ExportDialog } from './ExportDialog';
import { ImportDialog } from './ImportDialog';
import './bundles.css';

/** The one open export, backup or import dialog, as the store says. Loaded on first use. */
export function BundleDialogs() {
  const dialog = useUi((s) => s.bundleDialog);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'export': return <ExportDialog initialCaseId={dialog.caseId} backup={false} />;
    case 'backup': return <ExportDialog initialCaseId={null} backup />;
    case 'import': return <ImportDialog key={`${dialog.file.name}:${dialog.file.size}:${dialog.file.lastModified}`} file={dialog.file} restore={dialog.restore} />;
  }
}
