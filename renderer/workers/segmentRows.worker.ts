/**
 * The search worker's second reader at start-up (searchEarlyRead.ts starts it): it opens the
 * database raw, as the search worker's first chunk does, reads the stored segment rows it is
 * asked for and posts each one as it arrives, its data buffer transferred (segmentRowsProtocol.ts).
 */
import { openCurrent } from './earlyOpen';
import { serveRows } from './segmentRowsProtocol';
import type { RowsAsk, RowsReply } from './segmentRowsProtocol';

interface RowsScope {
  postMessage(message: RowsReply, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<RowsAsk>) => void): void;
  close(): void;
}
const scope = self as unknown as RowsScope;
// Opened at once: the ids come once the search worker has read the stored keys.
const opening = openCurrent(indexedDB, 'casefile').catch(() => null);
scope.addEventListener('message', ({ data }) => {
  void opening.then((idb) => serveRows(idb, data, (message, transfer) => scope.postMessage(message, transfer))).finally(() => scope.close());
});
