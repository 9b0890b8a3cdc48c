import { desktopChannels, type DesktopApi, type DesktopInvokeMethod } from '../../shared/desktopApi';
import { argParsers, isTrustedSender } from './ipcValidation';

/** The part of an IpcMainInvokeEvent we look at; kept structural so tests need no Electron. */
export interface InvokeEventLike {
  senderFrame: { url: string; parent: unknown; detached?: boolean } | null;
}

/**
 * Since Electron 33 a sender frame may be null (gone) or detached (mid cross-origin
 * navigation, running unload handlers, its URL no longer meaning what it says): both
 * are refused, like any frame that is not our own top-level page.
 */
export function isTrustedInvokeEvent(event: InvokeEventLike): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame.detached === true) return false;
  return isTrustedSender(frame.url, frame.parent === null);
}

export interface IpcMainLike<E extends InvokeEventLike> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => unknown): void;
}

export type DesktopHandlers = Pick<DesktopApi, DesktopInvokeMethod>;

export const invokeMethods = Object.keys(argParsers) as DesktopInvokeMethod[];

/**
 * Registers one handler per contract method. Every call is checked twice before the
 * implementation runs: who sent it (isTrusted) and what was sent (argParsers).
 */
export function registerIpcHandlers<E extends InvokeEventLike>(
  ipc: IpcMainLike<E>,
  handlers: DesktopHandlers,
  isTrusted: (event: E) => boolean,
): void {
  for (const method of invokeMethods) {
    ipc.handle(desktopChannels[method], (event, ...args) => {
      if (!isTrusted(event)) throw new Error(`Refused ${method}: untrusted sender`);
      return callHandler(handlers, method, args);
    });
  }
}

function callHandler<K extends DesktopInvokeMethod>(
  handlers: DesktopHandlers,
  method: K,
  args: readonly unknown[],
): ReturnType<DesktopApi[K]> {
  const parsed = argParsers[method](args);
  // TypeScript cannot correlate handlers[K] with Parameters<DesktopApi[K]> through a
  // generic index; argParsers is typed per key, so the call is sound.
  const fn = handlers[method] as (...a: unknown[]) => ReturnType<DesktopApi[K]>;
  return fn.apply(handlers, parsed as unknown[]);
}
