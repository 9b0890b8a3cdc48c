import { checkSpace } from '../../db/space';
import { readStorageEstimate } from '../../db/storage';
import type { SpaceWarning } from '../../state/store';
import { useUi } from '../../state/store';

export interface SpaceRequest {
  job: SpaceWarning['job'];
  /** Size of what the job reads in: the PDFs together, or the bundle file. */
  bytes: number;
  count?: number;
  name?: string;
}

/**
 * Resolves true when the job may start: there is room for it by checkSpace, the browser
 * cannot say, or the user chose to go on after the warning. Call it before anything is
 * written; false means the user cancelled and nothing should start.
 */
export async function confirmSpace(request: SpaceRequest): Promise<boolean> {
  const check = checkSpace(request.job === 'pdfs' ? 'pdfs' : 'bundle', request.bytes, await readStorageEstimate());
  if (check.status !== 'short') return true;
  return new Promise<boolean>((resolve) => {
    const ui = useUi.getState();
    // A newer job replaces one still waiting for an answer; the older one does not start.
    ui.spaceWarning?.answer(false);
    const warning: SpaceWarning = {
      job: request.job, needed: check.needed, free: check.free, size: request.bytes, count: request.count ?? 1, name: request.name ?? '',
      answer: (goOn) => {
        if (useUi.getState().spaceWarning === warning) useUi.getState().setSpaceWarning(null);
        resolve(goOn);
      },
    };
    ui.setSpaceWarning(warning);
  });
}
