import { openDatabase } from '../db/db';
import { createMentionsHost } from './mentionsHost';
import type { MentionsRequest, MentionsResponse } from './mentionsProtocol';

/**
 * Mentions off the UI thread (renderer/mentions/mentionsClient.ts starts it). Like the search
 * worker it opens the same IndexedDB itself and writes the mention rows the UI reads, with
 * relaxed durability: it writes only derived data, which a later sync rebuilds if lost.
 */
interface WorkerScope {
  postMessage(message: MentionsResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<MentionsRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;

const host = createMentionsHost({ openDb: () => openDatabase('casefile', undefined, 'relaxed'), post: (message) => scope.postMessage(message) });
scope.addEventListener('message', ({ data }) => host.handle(data));
