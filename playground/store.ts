// The playground's save file: read and checked with a one-line error when it is not a workbook (never
// overwritten then), written atomically; PATH.bak keeps the workbook a reset or an import replaced.

import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseA1 } from '../emulator/a1';
import type { SavedFile } from './session';

/** A save file that cannot be used: the one-line message says what to do. */
export class WorkbookFileError extends Error {}

const LEAVE =
  'It was left untouched; fix it, restore it from the .bak copy next to it, or start again with --reset.';

/** Reads the save file; undefined when it does not exist. Throws WorkbookFileError when it is not a workbook. */
export function readWorkbook(path: string): SavedFile | undefined {
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new WorkbookFileError(`${path} is not valid JSON (${(e as Error).message}). ${LEAVE}`);
  }
  const problem = workbookProblem(json);
  if (problem) throw new WorkbookFileError(`${path} is not a playground workbook: ${problem}. ${LEAVE}`);
  return json as SavedFile;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown, min: number) => Number.isInteger(v) && (v as number) >= min;

/** What makes a parsed file not a WorkbookJSON v1 the emulator can load, or null when it is one. */
export function workbookProblem(json: unknown): string | null {
  if (!isObject(json)) return 'it is not a JSON object';
  if (json.version !== 1) return 'its version is not 1';
  if (typeof json.timeZone !== 'string') return 'it has no timeZone';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: json.timeZone });
  } catch {
    return `its time zone ${JSON.stringify(json.timeZone).slice(0, 60)} is not an IANA time zone`;
  }
  if (!Array.isArray(json.sheets) || json.sheets.length === 0) return 'it has no sheets';
  const names = new Set<string>();
  for (const [i, s] of json.sheets.entries()) {
    if (!isObject(s) || typeof s.name !== 'string' || s.name === '') return `sheet ${i + 1} has no name`;
    const where = `sheet ${JSON.stringify(s.name).slice(0, 60)}`;
    if (names.has(s.name)) return `${where} appears twice`;
    names.add(s.name);
    if (!isCount(s.maxRows, 1) || !isCount(s.maxCols, 1)) return `${where} has no valid size`;
    if (!isObject(s.cells)) return `${where} has no cells object`;
    for (const [key, cell] of Object.entries(s.cells)) {
      const ref = parseA1(key);
      const single =
        ref?.startRow !== undefined && ref.endRow === ref.startRow && ref.endCol === ref.startCol;
      if (!ref || !single || ref.sheetName !== undefined || ref.startCol === undefined)
        return `${where} has a cell named ${JSON.stringify(key).slice(0, 30)}`;
      if (ref.startRow! > (s.maxRows as number) || ref.startCol > (s.maxCols as number))
        return `${where} has cell ${key} outside its ${s.maxRows} × ${s.maxCols} grid`;
      if (!isObject(cell)) return `${where} cell ${key} is not an object`;
      const v = cell.value;
      const okValue =
        v === undefined ||
        typeof v === 'string' ||
        typeof v === 'boolean' ||
        (typeof v === 'number' && Number.isFinite(v)) ||
        (isObject(v) && typeof v.date === 'string' && !Number.isNaN(Date.parse(v.date)));
      if (!okValue) return `${where} cell ${key} has a value that is not text, a number, a boolean or a date`;
    }
    for (const k of ['protections', 'conditionalFormatRules', 'charts', 'hiddenColumns'] as const) {
      if (s[k] !== undefined && !Array.isArray(s[k])) return `${where} has a ${k} that is not a list`;
    }
  }
  return null;
}

/** Writes the save file atomically (temp file + rename): a crash never leaves half a file. */
export function writeWorkbook(path: string, data: SavedFile): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(data)}\n`);
  renameSync(tmp, path);
}

/**
 * Keeps the save file as PATH.bak before a reset or an import replaces the workbook (ordinary saves never
 * touch the backup, so it survives the edits that follow).
 */
export function backupWorkbook(path: string): void {
  if (existsSync(path)) copyFileSync(path, `${path}.bak`);
}
