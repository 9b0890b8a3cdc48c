import { describe, expect, it } from 'vitest';
import { databaseDigest } from '../../renderer/bundle/digest';
import { getDocumentBlob } from '../../renderer/db';
import { CASE_ID, blobSha, freshDb, inProcessClient, seededProfile } from './bundleFixtures';

describe('a passphrase-encrypted bundle', () => {
  it('exports as age, asks for its passphrase, refuses a wrong one, and imports with the right one', async () => {
    const { db, docs } = await seededProfile();
    const exported = await inProcessClient(db, { scryptWorkFactor: 12 }).exportBundle({ kind: 'case', caseId: CASE_ID }, { passphrase: 'correct horse' });
    expect(exported.encrypted).toBe(true);
    expect(exported.suggestedName).toMatch(/\.casefile\.age$/);
    expect(new TextDecoder().decode(await exported.blob.slice(0, 21).arrayBuffer())).toBe('age-encryption.org/v1');
    const target = await freshDb();
    const client = inProcessClient(target);
    const before = await databaseDigest(target);
    const none = await client.inspectBundle(exported.blob);
    expect(!none.ok && none.error.code).toBe('passphrase-required');
    const wrong = await client.inspectBundle(exported.blob, { passphrase: 'wrong horse' });
    expect(!wrong.ok && wrong.error.code).toBe('wrong-passphrase');
    expect(await databaseDigest(target)).toBe(before);
    const right = await client.inspectBundle(exported.blob, { passphrase: 'correct horse' });
    if (!right.ok) throw new Error(right.error.message);
    expect(right.preview.bundle.encrypted).toBe(true);
    await client.applyImport(right.preview.token, {});
    expect(await blobSha((await getDocumentBlob(target, docs[0]!.id))!)).toBe(docs[0]!.sha256);
  }, 60_000);
});
