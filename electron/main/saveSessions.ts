import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { MAX_OPEN_SAVES, MAX_SAVE_BYTES, type CommitSaveRequest } from '../../shared/desktopApi';
import { defaultFs, describeWriteError, keepPermissions, replaceWithTemp, tempPathFor, type AtomicFs } from './atomicWrite';

type Handle = Awaited<ReturnType<AtomicFs['open']>>;

interface Session {
  target: string;
  temp: string;
  handle: Handle;
  /** The file's length, when begin was told it (else commit is). */
  expected: number | undefined;
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
    /** The most bytes any save may hold (a test lowers it). */
    private readonly maxBytes: number = MAX_SAVE_BYTES,
  ) {}

  get open(): number {
    return this.sessions.size;
  }

  /**
   * Opens the temp file for `targetPath` (chosen in the save dialog). The file will be
   * `byteLength` bytes long (undefined: commit says how long).
   */
  async begin(targetPath: string, byteLength: number | undefined): Promise<string> {
    if (this.sessions.size >= MAX_OPEN_SAVES) throw new Error('Too many saves are in progress; wait for one to finish.');
    const temp = tempPathFor(targetPath);
    let handle: Handle;
    try {
      // 'wx': never follow or clobber something already at the temp name.
      handle = await this.fs.open(temp, 'wx');
    } catch (error) {
      throw new Error(describeWriteError(error, targetPath), { cause: error });
    }
    const token = this.makeToken();
    this.sessions.set(token, { target: targetPath, temp, handle, expected: byteLength, written: 0, queue: Promise.resolve() });
    return token;
  }

  async write(token: string, chunk: Uint8Array): Promise<void> {
    const session = this.get(token);
    const step = session.queue.then(async () => {
      if (session.expected !== undefined && session.written + chunk.length > session.expected) {
        throw new Error(`Could not save "${path.basename(session.target)}": more bytes arrived than the ${session.expected} announced.`);
      }
      // A save whose length comes at commit is still held to what any save may be.
      if (session.written + chunk.length > this.maxBytes) {
        throw new Error(`Could not save "${path.basename(session.target)}": the file would be larger than ${this.maxBytes === MAX_SAVE_BYTES ? '4 GB' : `${this.maxBytes} bytes`}.`);
      }
      try {
        // FileHandle.write may write less than asked (it reports how much): write the rest.
        for (let at = 0; at < chunk.length;) {
          const result = (await session.handle.write(at === 0 ? chunk : chunk.subarray(at))) as { bytesWritten?: number } | undefined;
          const n = result?.bytesWritten ?? chunk.length - at;
          if (n <= 0) throw new Error('the disk accepted no more bytes');
          at += n;
        }
      } catch (error) {
        throw new Error(describeWriteError(error, session.target), { cause: error });
      }
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
   * Checks the length (begin's, or `byteLength` here when begin had none; both must agree),
   * flushes to disk and renames into place; returns the saved path. Any mismatch deletes the
   * temp file.
   */
  async commit(token: string, end: CommitSaveRequest = {}): Promise<string> {
    const session = this.get(token);
    await session.queue;
    if (!this.sessions.has(token)) throw new Error(`Could not save "${path.basename(session.target)}": the save was cancelled.`);
    this.sessions.delete(token);
    try {
      const expected = session.expected ?? end.byteLength;
      if (expected === undefined) throw new Error('its length was never announced');
      if (end.byteLength !== undefined && end.byteLength !== expected) throw new Error(`it was announced as ${expected} bytes, then as ${end.byteLength}`);
      if (session.written !== expected) throw new Error(`only ${session.written} of ${expected} bytes arrived`);
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

