import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { encryptBlob } from '../../shared/bundle/age';
import { expect, test } from './fixtures';
import { openImport } from './steps';

/**
 * age files the import screen cannot open with a passphrase are named before anyone is asked
 * for one, and a damaged encrypted bundle says what is damaged. Decryption runs in the bundle
 * worker on libsodium's WebAssembly and scrypt in a worker of its own, under the app's CSP
 * (the fixtures fail the test on any violation).
 */

const PASSPHRASE = 'correct horse battery staple';
let dir: string;
test.beforeAll(async () => { dir = await mkdtemp(path.join(tmpdir(), 'casefile-age-e2e-')); });
test.afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

async function importFile(page: Page, file: string): Promise<Locator> {
  await page.goto('/');
  return openImport(page, file);
}

test('an age file encrypted to a key says so instead of asking for a passphrase', async ({ page }) => {
  const key = path.join(dir, 'key.txt');
  execFileSync('/usr/bin/age-keygen', ['-o', key], { stdio: 'ignore' });
  const recipient = /public key: (age1\w+)/.exec(await readFile(key, 'utf8'))![1]!;
  await writeFile(path.join(dir, 'plain.casefile'), 'not even a zip');
  const file = path.join(dir, 'for-a-key.casefile.age');
  execFileSync('/usr/bin/age', ['-r', recipient, '-o', file, path.join(dir, 'plain.casefile')]);

  const dialog = await importFile(page, file);
  const problem = dialog.getByRole('alert');
  await expect(problem).toContainText('encrypted to someone\'s key, not with a passphrase, so no passphrase can open it');
  await expect(problem).toContainText('Encrypted to: X25519.');
  await expect(dialog.getByLabel('Passphrase')).toHaveCount(0);
  await page.screenshot({ path: '/tmp/bundle-age-key.png' });
});

test('a damaged encrypted bundle opens the prompt, then says which part is damaged', async ({ page }) => {
  const plain = new Uint8Array(300_000).map((_, i) => (i * 7919) & 0xff);
  const cipher = new Uint8Array(await (await encryptBlob(new Blob([plain]), PASSPHRASE, { scryptWorkFactor: 12 })).arrayBuffer());
  const payload = Buffer.from(cipher).indexOf(Buffer.from('\n--- ')) + 5 + 43 + 1 + 16;
  const damagedAt = payload + 65_552 + 1000;
  cipher[damagedAt]! ^= 0x40;
  const file = path.join(dir, 'damaged.casefile.age');
  await writeFile(file, cipher);

  const dialog = await importFile(page, file);
  const prompt = dialog.getByRole('form', { name: /protected with a passphrase/ });
  await prompt.getByLabel('Passphrase').fill(PASSPHRASE);
  await prompt.getByRole('button', { name: 'Open bundle' }).click();
  const problem = dialog.getByRole('alert');
  await expect(problem).toContainText('The encrypted bundle is damaged');
  await expect(problem).toContainText(`Part 2 of the encrypted data (64 KB starting at byte ${payload + 65_552}) was altered`);
  await page.screenshot({ path: '/tmp/bundle-age-damaged.png' });
});
