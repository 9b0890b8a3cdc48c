import { randomBytes } from 'node:crypto';
import type { Session } from 'electron';
import { PRINT_CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { denyAllPermissions } from './hardening';

// The hidden print window loads the report from memory through its own scheme, on its
// own in-memory session: nothing is written to disk, and file:// stays closed to it.
export const PRINT_SCHEME = 'casefile-print';
export const PRINT_HOST = 'report';
/** No "persist:" prefix: the session lives in memory and leaves nothing on disk. */
export const PRINT_PARTITION = 'casefile-print';

export function printDocumentUrl(id: string): string {
  return `${PRINT_SCHEME}://${PRINT_HOST}/${id}`;
}

function headers(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': PRINT_CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}

function refusal(status: number, text: string): Response {
  return new Response(text, { status, headers: headers('text/plain; charset=utf-8') });
}

/**
 * Holds at most one report, the one being printed, under a fresh unguessable id.
 * Prints run one after another, so "the current document" is always the right one,
 * and once a print ends its URL answers 404 like every other.
 */
export class PrintDocuments {
  private current: { url: string; html: string } | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly makeId: () => string = () => randomBytes(16).toString('hex')) {}

  /** Serves `html` at a new URL while `render(url)` runs, then forgets it. */
  print<T>(html: string, render: (url: string) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      const url = printDocumentUrl(this.makeId());
      this.current = { url, html };
      try {
        return await render(url);
      } finally {
        this.current = null;
      }
    };
    const result = this.queue.then(run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** The print session's request filter: the current document, and nothing else at all. */
  isAllowedRequest(url: string): boolean {
    return this.current !== null && url === this.current.url;
  }

  /** The protocol.handle callback without Electron: request in, Response out. */
  respond(request: { url: string; method: string }): Response {
    if (request.method !== 'GET') return refusal(405, 'Method not allowed');
    if (this.current === null || request.url !== this.current.url) return refusal(404, 'Not found');
    return new Response(this.current.html, { status: 200, headers: headers('text/html; charset=utf-8') });
  }
}

export type PrintSession = Pick<
  Session,
  'protocol' | 'webRequest' | 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
>;

/** Locks the print partition down once: no permissions, one in-memory document, every other request cancelled. */
export function configurePrintSession(ses: PrintSession, documents: PrintDocuments): void {
  denyAllPermissions(ses);
  ses.protocol.handle(PRINT_SCHEME, (request) => documents.respond(request));
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !documents.isAllowedRequest(details.url) }));
}
