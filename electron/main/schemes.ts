import type { CustomScheme } from 'electron';
import { APP_SCHEME } from './appOrigin';
import { PRINT_SCHEME } from './printProtocol';

/**
 * Passed to protocol.registerSchemesAsPrivileged before 'ready'. standard+secure gives
 * app://casefile a real origin for IndexedDB, 'self' in the CSP, module scripts and
 * workers. The print scheme only needs to be a standard, secure origin: it serves one
 * HTML page to a window without JavaScript, so it gets no fetch, CORS or CSP bypass.
 */
export function privilegedSchemes(): CustomScheme[] {
  return [
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: true, codeCache: true },
    },
    { scheme: PRINT_SCHEME, privileges: { standard: true, secure: true } },
  ];
}
