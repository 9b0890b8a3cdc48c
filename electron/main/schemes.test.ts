import { describe, expect, it } from 'vitest';
import { privilegedSchemes } from './schemes';

describe('privilegedSchemes', () => {
  const byName = new Map(privilegedSchemes().map((s) => [s.scheme, s.privileges ?? {}]));

  it('registers exactly the app and print schemes, never file or http', () => {
    expect([...byName.keys()].sort()).toEqual(['app', 'casefile-print']);
  });

  it('gives app:// a standard, secure origin without bypassing the CSP', () => {
    expect(byName.get('app')).toMatchObject({ standard: true, secure: true, supportFetchAPI: true });
    expect(byName.get('app')).not.toHaveProperty('bypassCSP');
    expect(byName.get('app')).not.toHaveProperty('allowServiceWorkers');
  });

  it('gives the print scheme nothing beyond a standard, secure origin', () => {
    expect(byName.get('casefile-print')).toEqual({ standard: true, secure: true });
  });
});
