import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { MAX_OPEN_SAVES, type CommitSaveRequest } from '../../shared/desktopApi';
import { defaultFs, describeWriteError, keepPermissions, replaceWithTemp, tempPathFor, type AtomicFs } from './atomicWrite';

type Handle = Awaited<ReturnType<AtomicFs['open']>>;

interface Session {
  target: string;
  temp: string;
  handle: Handle;
  /** The file's length, when begin was told it (else commit is). */
  expected: number | undefined;
  /** Bytes at the start left for commit's head; chunks are written after them. */
  reserve: number;
  written: number;
  /** Writes run one after another, whatever order the IPC calls arrive in. */
  queue: Promise<void>;
}

/**
 * Streamed saves (desktop): the renderer sends a large file (a case bundle) in chunks
 * instead of one IPC message. Each save writes a hidden temp file beside the target;
 * commit fsyncs and renames it into place, so the target is either the old file or the
 * whole new one. Any failure, an abort, or a renderer that goes away deletes the temp
 * file. Plain Node, with the fs injectable, so a full disk can be tested.
 */
export class SaveSessions {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly fs: AtomicFs = defaultFs,
    private readonly makeToken: () => string = () => randomBytes(16).toString('hex'),
  ) {}

  get open(): number {
    return this.sessions.size;
  }

  /**
   * Opens the temp file for `targetPath` (chosen in the save dialog). The file will be
   * `byteLength` bytes long (undefined: commit says how long); its first `reserve` bytes are
   * left for commit's head, the chunks written after them.
   */
  async begin(targetPath: string, byteLength: number | undefined, reserve = 0): Promise<string> {
    if (this.sessions.size >= MAX_OPEN_SAVES) throw new Error('Too many saves are in progress; wait for one to finish.');
    if (byteLength !== undefined && reserve > byteLength) throw new Error(`Could not save "${path.basename(targetPath)}": more bytes reserved than the file holds.`);
    const temp = tempPathFor(targetPath);
    let handle: Handle;
    try {
      // 'wx': never follow or clobber something already at the temp name.
      handle = await this.fs.open(temp, 'wx');
    } catch (error) {
      throw new Error(describeWriteError(error, targetPath), { cause: error });
    }
    const token = this.makeToken();
    this.sessions.set(token, { target: targetPath, temp, handle, expected: byteLength, reserve, written: 0, queue: Promise.resolve() });
    return token;
  }

  async write(token: string, chunk: Uint8Array): Promise<void> {
    const session = this.get(token);
    const step = session.queue.then(async () => {
      if (session.expected !== undefined && session.reserve + session.written + chunk.length > session.expected) {
        throw new Error(`Could not save "${path.basename(session.target)}": more bytes arrived than the ${session.expected} announced.`);
      }
      await writeAt(session, chunk, session.reserve + session.written);
      session.written += chunk.length;
    });
    session.queue = step.catch(() => undefined);
    // A failed write ends the save: nothing half-written stays behind.
    return step.catch(async (error: unknown) => {
      await this.discard(token, session);
      throw error;
    });
  }

  /**
   * Writes the reserved start (`head`, exactly as many bytes as were reserved), checks the
   * length (begin's, or `byteLength` here when begin had none; both must agree), flushes to disk
   * and renames into place; returns the saved path. Any mismatch deletes the temp file.
   */
  async commit(token: string, end: CommitSaveRequest = {}): Promise<string> {
    const session = this.get(token);
    await session.queue;
    if (!this.sessions.has(token)) throw new Error(`Could not save "${path.basename(session.target)}": the save was cancelled.`);
    this.sessions.delete(token);
    try {
      const expected = session.expected ?? end.byteLength;
      const total = session.reserve + session.written;
      if (expected === undefined) throw new Error('its length was never announced');
      if (end.byteLength !== undefined && end.byteLength !== expected) throw new Error(`it was announced as ${expected} bytes, then as ${end.byteLength}`);
      if (total !== expected) throw new Error(`only ${total} of ${expected} bytes arrived`);
      if ((end.head?.length ?? 0) !== session.reserve) throw new Error(`its first ${session.reserve} bytes were left to be written last, and ${end.head?.length ?? 0} came`);
      if (end.head && end.head.length > 0) await writeAt(session, end.head, 0);
      await keepPermissions(this.fs, session.temp, session.target);
      await session.handle.sync();
      await session.handle.close();
      await replaceWithTemp(this.fs, session.temp, session.target);
      return session.target;
    } catch (error) {
      await session.handle.close().catch(() => undefined);
      await this.fs.rm(session.temp, { force: true }).catch(() => undefined);
      throw new Error(describeWriteError(error, session.target), { cause: error });
    }
  }

  /** Cancels a save and deletes its temp file; an unknown or finished token is ignored. */
  async abort(token: string): Promise<void> {
    const session = this.sessions.get(token);
    if (!session) return;
    await session.queue;
    await this.discard(token, session);
  }

  /** For a window that closes or reloads, or the app quitting, with saves still open. */
  async abortAll(): Promise<void> {
    await Promise.all([...this.sessions.keys()].map((token) => this.abort(token)));
  }

  private get(token: string): Session {
    const session = this.sessions.get(token);
    if (!session) throw new Error('This save is no longer in progress.');
    return session;
  }

  private async discard(token: string, session: Session): Promise<void> {
    if (this.sessions.get(token) !== session) return;
    this.sessions.delete(token);
    await session.handle.close().catch(() => undefined);
    await this.fs.rm(session.temp, { force: true }).catch(() => undefined);
  }
}

/** Writes `bytes` at `position` of the session's temp file: all of them (a write may take fewer), errors in plain words. */
async function writeAt(session: Session, bytes: Uint8Array, position: number): Promise<void> {
  try {
    // FileHandle.write may write less than asked (it reports how much): write the rest.
    for (let at = 0; at < bytes.length;) {
      const result = (await session.handle.write(bytes, at, bytes.length - at, position + at)) as { bytesWritten?: number } | undefined;
      const n = result?.bytesWritten ?? bytes.length - at;
      if (n <= 0) throw new Error('the disk accepted no more bytes');
      at += n;
    }
  } catch (error) {
    throw new Error(describeWriteError(error, session.target), { cause: error });
  }
}
