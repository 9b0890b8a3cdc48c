import { readFile as fsReadFile, stat as fsStat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_FILE_BYTES, type PickedFile } from '../../shared/desktopApi';
import { plainBytes } from './plainBytes';

export interface PickedFilesFs {
  stat(filePath: string): Promise<{ size: number; isFile(): boolean }>;
  readFile(filePath: string): Promise<Uint8Array>;
}

const defaultFs: PickedFilesFs = { stat: fsStat, readFile: fsReadFile };

/**
 * Reads the files the user chose in the open dialog. Sizes are checked before reading
 * so one huge file fails fast with a message instead of exhausting memory.
 */
export async function readPickedFiles(
  filePaths: readonly string[],
  fs: PickedFilesFs = defaultFs,
  maxBytes: number = MAX_FILE_BYTES,
): Promise<PickedFile[]> {
  for (const filePath of filePaths) {
    const info = await fs.stat(filePath);
    const name = path.basename(filePath);
    if (!info.isFile()) throw new Error(`"${name}" is not a file.`);
    if (info.size > maxBytes) {
      throw new Error(`"${name}" is larger than ${Math.round(maxBytes / 1024 / 1024)} MB and cannot be opened.`);
    }
  }
  const files: PickedFile[] = [];
  for (const filePath of filePaths) {
    files.push({ name: path.basename(filePath), bytes: plainBytes(await fs.readFile(filePath)) });
  }
  return files;
}
