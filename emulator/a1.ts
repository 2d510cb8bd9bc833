// A1 notation: column letters, parsing 'Sheet!A1:B2' / 'A:A' / '1:1' / 'A2:C', and formatting back.

/** 1 → 'A', 27 → 'AA'. */
export function columnToLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 'A' → 1, 'aa' → 27. */
export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * A parsed A1 reference. Missing row bounds mean "whole column(s)" ('A:A', 'A2:C' leaves endRow open),
 * missing column bounds mean "whole row(s)" ('1:1').
 */
export interface A1Ref {
  sheetName?: string;
  startRow?: number;
  startCol?: number;
  endRow?: number;
  endCol?: number;
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

function parsePart(part: string): { row?: number; col?: number } | null {
  const m = CELL.exec(part);
  if (!m || (!m[1] && !m[2])) return null;
  const out: { row?: number; col?: number } = {};
  if (m[1]) out.col = lettersToColumn(m[1]);
  if (m[2]) {
    out.row = Number(m[2]);
    if (out.row < 1) return null;
  }
  return out;
}

/** Parses an A1 reference; returns null when it is not valid A1 notation. */
export function parseA1(input: string): A1Ref | null {
  let text = input.trim();
  let sheetName: string | undefined;
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    sheetName = text.slice(0, bang);
    if (sheetName.startsWith("'") && sheetName.endsWith("'") && sheetName.length >= 2) {
      sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
    }
    text = text.slice(bang + 1);
  }
  if (!text) return null;
  const parts = text.split(':');
  if (parts.length > 2) return null;
  const a = parsePart(parts[0]);
  if (!a) return null;
  const ref: A1Ref = {};
  if (sheetName !== undefined) ref.sheetName = sheetName;
  if (parts.length === 1) {
    if (a.row === undefined || a.col === undefined) return null;
    return { ...ref, startRow: a.row, startCol: a.col, endRow: a.row, endCol: a.col };
  }
  const b = parsePart(parts[1]);
  if (!b) return null;
  // 'A:B' (columns), '1:2' (rows), 'A1:B2', 'A2:C' (open-ended rows)
  if (a.col === undefined && b.col !== undefined) return null;
  if (a.row === undefined && a.col === undefined) return null;
  const startRow = a.row;
  const startCol = a.col;
  let endRow = b.row;
  let endCol = b.col;
  if (startCol === undefined && endCol === undefined) {
    if (startRow === undefined || endRow === undefined) return null;
  }
  if (startRow === undefined && endRow !== undefined) return null;
  if (startCol !== undefined && endCol === undefined) return null;
  if (endRow === undefined && startRow !== undefined && startCol === undefined) return null;
  if (endRow === undefined && startRow === undefined) endRow = undefined;
  if (startCol === undefined) endCol = undefined;
  return {
    ...ref,
    startRow: startRow !== undefined && endRow !== undefined ? Math.min(startRow, endRow) : startRow,
    endRow: startRow !== undefined && endRow !== undefined ? Math.max(startRow, endRow) : endRow,
    startCol: startCol !== undefined && endCol !== undefined ? Math.min(startCol, endCol) : startCol,
    endCol: startCol !== undefined && endCol !== undefined ? Math.max(startCol, endCol) : endCol,
  };
}

/** Formats a rectangle as A1 notation: 'B3' for one cell, 'A1:C4' otherwise. */
export function formatA1(row: number, col: number, numRows = 1, numCols = 1): string {
  const start = `${columnToLetters(col)}${row}`;
  if (numRows === 1 && numCols === 1) return start;
  return `${start}:${columnToLetters(col + numCols - 1)}${row + numRows - 1}`;
}

/** Quotes a sheet name for use in 'Sheet'!A1 when it needs quoting. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
