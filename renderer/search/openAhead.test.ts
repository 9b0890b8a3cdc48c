import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openAhead } from './openAhead';

/** A database `name` at `version` with one store, closed again. */
function created(factory: IDBFactory, name: string, version: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, version);
    request.onupgradeneeded = () => { if (!request.result.objectStoreNames.contains('rows')) request.result.createObjectStore('rows'); };
    request.onsuccess = () => { request.result.close(); resolve(); };
    request.onerror = () => reject(request.error);
  });
}

describe('openAhead (the page opens the database while the search worker starts)', () => {
  it('does not create a database that does not exist', async () => {
    const factory = new IDBFactory();
    await openAhead(factory, 'casefile');
    expect(await factory.databases()).toEqual([]);
  });

  it('opens an existing database without changing it and closes it, so an upgrade is not blocked', async () => {
    const factory = new IDBFactory();
    await created(factory, 'casefile', 30);
    await openAhead(factory, 'casefile');
    expect(await factory.databases()).toEqual([{ name: 'casefile', version: 30 }]);
    let blocked = false;
    await new Promise<void>((resolve, reject) => {
      const request = factory.open('casefile', 40);
      request.onblocked = () => { blocked = true; };
      request.onsuccess = () => { request.result.close(); resolve(); };
      request.onerror = () => reject(request.error);
    });
    expect(blocked).toBe(false);
  });

  it('settles without IndexedDB, and when the open throws', async () => {
    await expect(openAhead(undefined, 'casefile')).resolves.toBeUndefined();
    const throwing = { open: () => { throw new TypeError('no storage here'); } } as unknown as IDBFactory;
    await expect(openAhead(throwing, 'casefile')).resolves.toBeUndefined();
  });
});
