// The playground's save file: read with a clear error when malformed (never overwritten), written atomically.

import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SavedFile } from './session';

/** A save file that cannot be used: the message says what to do. */
export class WorkbookFileError extends Error {}

/** Reads the save file; undefined when it does not exist. Throws WorkbookFileError when it is not a workbook. */
export function readWorkbook(path: string): SavedFile | undefined {
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new WorkbookFileError(
      `${path} is not valid JSON (${(e as Error).message}). It was left untouched; ` +
        'fix it, restore it from the .bak copy next to it, or start again with --reset.',
    );
  }
  const j = json as Partial<SavedFile>;
  if (
    !j ||
    typeof j !== 'object' ||
    j.version !== 1 ||
    !Array.isArray(j.sheets) ||
    typeof j.timeZone !== 'string'
  ) {
    throw new WorkbookFileError(
      `${path} is not a playground workbook (WorkbookJSON version 1). It was left untouched; ` +
        'use another --workbook path or start again with --reset.',
    );
  }
  return j as SavedFile;
}

/** Writes the save file atomically (temp file + rename); the previous version is kept as PATH.bak. */
export function writeWorkbook(path: string, data: SavedFile): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(data)}\n`);
  if (existsSync(path)) copyFileSync(path, `${path}.bak`);
  renameSync(tmp, path);
}
