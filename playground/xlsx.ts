// .xlsx export and import for the playground (exceljs): values, formulas, number formats, fills, fonts,
// notes, dropdown validation, conditional formatting, frozen panes and column widths, converted to and from
// WorkbookJSON.

import { posix } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { columnToLetters, parseA1, quoteSheetName } from '../emulator/a1';
import { fromWallClock, toWallClock } from '../emulator/number-format';
import type { CellJSON } from '../emulator/range';
import type { SheetJSON, WorkbookJSON } from '../emulator/spreadsheet';

const PX_PER_CHAR = 7;

function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}
function hexOf(color: Partial<ExcelJS.Color> | undefined): string | undefined {
  const a = color?.argb;
  if (typeof a !== 'string' || a.length !== 8) return undefined;
  return `#${a.slice(2).toLowerCase()}`;
}

/** "'My sheet'!A2:B9" → "'My sheet'!$A$2:$B$9" (Excel wants absolute references in list sources). */
function absolute(a1: string): string {
  const bang = a1.lastIndexOf('!');
  const sheet = a1.slice(0, bang + 1);
  return sheet + a1.slice(bang + 1).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
}

/** The exceljs rule for a list-like validation (lists and ranges), or null for kinds not exported. */
function excelRule(dv: NonNullable<CellJSON['dataValidation']>): ExcelJS.DataValidation | null {
  const base = {
    allowBlank: true,
    showErrorMessage: !dv.allowInvalid,
    errorStyle: dv.allowInvalid ? 'warning' : 'stop',
    ...(dv.helpText ? { error: dv.helpText, prompt: dv.helpText } : {}),
  } as const;
  const a = dv.args[0];
  if (dv.criteria === 'VALUE_IN_LIST' && Array.isArray(a))
    return { ...base, type: 'list', formulae: [`"${a.map(String).join(',')}"`] };
  if (dv.criteria === 'VALUE_IN_RANGE' && a && typeof a === 'object' && 'range' in a)
    return { ...base, type: 'list', formulae: [absolute(String((a as { range: string }).range))] };
  return null;
}

/**
 * Writes each validation rule once per rectangle of cells that share it (no two rectangles overlap). exceljs'
 * own merging of per-cell rules sorts addresses as text ("P10" before "P2") and writes overlapping ranges, which
 * Excel and LibreOffice read as conflicting rules: the rectangles are computed here and handed over as ranges.
 */
function writeValidations(ws: ExcelJS.Worksheet, sj: SheetJSON): void {
  // Runs down each column of cells with the same rule, then runs side by side with equal rows merged.
  const byCol = new Map<number, { row: number; key: string }[]>();
  const rules = new Map<string, ExcelJS.DataValidation>();
  for (const [a1, cj] of Object.entries(sj.cells)) {
    const dv = cj.dataValidation;
    const rule = dv && excelRule(dv);
    const ref = parseA1(a1);
    if (!rule || !ref?.startRow || !ref.startCol) continue;
    const key = JSON.stringify(rule);
    rules.set(key, rule);
    const list = byCol.get(ref.startCol) ?? [];
    list.push({ row: ref.startRow, key });
    byCol.set(ref.startCol, list);
  }
  const open = new Map<string, { c0: number; c1: number; r0: number; r1: number; key: string }>();
  const rects: { c0: number; c1: number; r0: number; r1: number; key: string }[] = [];
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const cells = byCol.get(col)!.sort((a, b) => a.row - b.row);
    const runs: { r0: number; r1: number; key: string }[] = [];
    for (const c of cells) {
      const last = runs[runs.length - 1];
      if (last && last.key === c.key && last.r1 === c.row - 1) last.r1 = c.row;
      else runs.push({ r0: c.row, r1: c.row, key: c.key });
    }
    for (const run of runs) {
      const id = `${run.r0}:${run.r1}:${run.key}`;
      const prev = open.get(id);
      if (prev && prev.c1 === col - 1) prev.c1 = col;
      else {
        const rect = { c0: col, c1: col, ...run };
        rects.push(rect);
        open.set(id, rect);
      }
    }
  }
  const model = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
    .dataValidations.model;
  for (const r of rects) {
    const from = `${columnToLetters(r.c0)}${r.r0}`;
    const to = `${columnToLetters(r.c1)}${r.r1}`;
    model[from === to ? from : `${from}:${to}`] = rules.get(r.key)!;
  }
}

type RuleJSON = SheetJSON['conditionalFormatRules'][number];

/** An Excel quoted string: "text", with " doubled. */
const excelText = (t: string) => `"${t.replace(/"/g, '""')}"`;

/**
 * A Sheets conditional format rule as an Excel rule, or null for the kinds not written. Every kind is written
 * as a formula rule relative to the first range's top-left cell (where Sheets anchors a custom formula too):
 * a custom formula as it is, "is empty" / "is not empty" as ISBLANK, "text is exactly" as a comparison
 * (case-insensitive in both). Its format is a differential style: fill, font colour, bold.
 */
function excelConditional(
  rule: RuleJSON,
  sheet: string,
  priority: number,
): ExcelJS.ConditionalFormattingOptions | null {
  const areas = rule.ranges.map((a1) => parseA1(a1));
  if (areas.some((a) => !a || a.sheetName !== sheet || !a.startRow || !a.startCol)) return null;
  const first = areas[0];
  if (!first) return null;
  const cell = `${columnToLetters(first.startCol!)}${first.startRow}`;
  const arg = rule.args[0];
  const formula =
    rule.criteria === 'CUSTOM_FORMULA' && typeof arg === 'string'
      ? arg.replace(/^\s*=/, '')
      : rule.criteria === 'CELL_EMPTY'
        ? `ISBLANK(${cell})`
        : rule.criteria === 'CELL_NOT_EMPTY'
          ? `NOT(ISBLANK(${cell}))`
          : rule.criteria === 'TEXT_EQUAL_TO' && typeof arg === 'string'
            ? `${cell}=${excelText(arg)}`
            : null;
  if (formula === null) return null;
  const style: Partial<ExcelJS.Style> = {};
  if (rule.background) {
    // A differential fill's colour is its bgColor for Excel; fgColor too for readers that look there.
    const color = { argb: argb(rule.background) };
    style.fill = { type: 'pattern', pattern: 'solid', fgColor: color, bgColor: color };
  }
  if (rule.fontColor || rule.bold) {
    style.font = {
      ...(rule.bold ? { bold: true } : {}),
      ...(rule.fontColor ? { color: { argb: argb(rule.fontColor) } } : {}),
    };
  }
  const ref = areas
    .map(
      (a) =>
        `${columnToLetters(a!.startCol!)}${a!.startRow}${a!.endRow ? `:${columnToLetters(a!.endCol ?? a!.startCol!)}${a!.endRow}` : ''}`,
    )
    .join(' ');
  return { ref, rules: [{ type: 'expression', formulae: [formula], priority, style }] };
}

/**
 * The conditional format rules of an imported sheet, in priority order. Formula rules become custom-formula
 * rules (whatever program wrote them); colour scales, data bars, icon sets, top-10 and the other built-in
 * kinds are not read (the playground does not draw them).
 */
function conditionalsOf(ws: ExcelJS.Worksheet): RuleJSON[] {
  const found: { priority: number; rule: RuleJSON }[] = [];
  const cfs = (ws as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] })
    .conditionalFormattings;
  for (const cf of cfs ?? []) {
    const ranges = String(cf.ref ?? '')
      .replace(/\$/g, '')
      .split(/\s+/)
      .filter((r) => parseA1(r)?.startRow)
      .map((r) => `${quoteSheetName(ws.name)}!${r}`);
    if (ranges.length === 0) continue;
    for (const r of cf.rules) {
      if (r.type !== 'expression' || typeof r.formulae?.[0] !== 'string') continue;
      const fill = r.style?.fill;
      const background =
        fill && fill.type === 'pattern' ? (hexOf(fill.bgColor) ?? hexOf(fill.fgColor)) : undefined;
      const fontColor = hexOf(r.style?.font?.color);
      found.push({
        priority: r.priority ?? Number.MAX_SAFE_INTEGER,
        rule: {
          ranges,
          criteria: 'CUSTOM_FORMULA',
          args: [`=${r.formulae[0]}`],
          ...(background ? { background } : {}),
          ...(fontColor ? { fontColor } : {}),
          ...(r.style?.font?.bold ? { bold: true } : {}),
        },
      });
    }
  }
  return found.sort((a, b) => a.priority - b.priority).map((f) => f.rule);
}

/** A file given to import that is not an .xlsx workbook; the message is for the person who chose it. */
export class NotXlsxError extends Error {}
const NOT_XLSX = 'That file is not an .xlsx workbook';
const SAVE_AS =
  "Choose a file saved as .xlsx (Excel, LibreOffice, or Google Sheets' File › Download › Microsoft Excel).";
const UNCHANGED = 'Nothing was changed.';

/** Writes a WorkbookJSON as an .xlsx file. */
export async function exportXlsx(book: WorkbookJSON): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Referral tracker playground';
  const tz = book.timeZone;
  for (const sj of book.sheets) {
    const ws = wb.addWorksheet(sj.name, {
      state: sj.hidden ? 'hidden' : 'visible',
      views:
        sj.frozenRows || sj.frozenCols
          ? [{ state: 'frozen', ySplit: sj.frozenRows, xSplit: sj.frozenCols }]
          : [],
      ...(sj.tabColor ? { properties: { tabColor: { argb: argb(sj.tabColor) } } } : {}),
    });
    for (const [col, px] of Object.entries(sj.columnWidths ?? {}))
      ws.getColumn(Number(col)).width = px / PX_PER_CHAR;
    for (const col of sj.hiddenColumns ?? []) ws.getColumn(col).hidden = true;
    for (const [key, cj] of Object.entries(sj.cells)) {
      const ref = parseA1(key);
      if (!ref?.startRow || !ref.startCol) continue;
      const cell = ws.getCell(ref.startRow, ref.startCol);
      const v = cj.value;
      let value: ExcelJS.CellValue = null;
      if (v && typeof v === 'object') {
        const w = toWallClock(Date.parse(v.date), tz);
        value = new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second));
      } else if (v !== undefined) value = v;
      if (cj.formula) {
        cell.value = {
          formula: cj.formula.replace(/^=/, ''),
          result: value ?? undefined,
        } as ExcelJS.CellFormulaValue;
      } else cell.value = value;
      if (cj.numberFormat) cell.numFmt = cj.numberFormat;
      if (cj.background)
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(cj.background) } };
      if (cj.fontWeight === 'bold' || cj.fontColor) {
        cell.font = {
          ...(cj.fontWeight === 'bold' ? { bold: true } : {}),
          ...(cj.fontColor ? { color: { argb: argb(cj.fontColor) } } : {}),
        };
      }
      if (cj.horizontalAlignment || cj.wrap) {
        cell.alignment = {
          ...(cj.horizontalAlignment
            ? { horizontal: cj.horizontalAlignment as ExcelJS.Alignment['horizontal'] }
            : {}),
          ...(cj.wrap ? { wrapText: true } : {}),
        };
      }
      if (cj.note) cell.note = cj.note;
    }
    writeValidations(ws, sj);
    // Sheets applies the first true rule: its order becomes Excel's priority (1 first).
    let priority = 1;
    for (const rule of sj.conditionalFormatRules ?? []) {
      const cf = excelConditional(rule, sj.name, priority);
      if (!cf) continue;
      ws.addConditionalFormatting(cf);
      priority++;
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function plainValue(v: ExcelJS.CellValue, tz: string): CellJSON['value'] | undefined {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date) {
    const ms = fromWallClock(
      tz,
      v.getUTCFullYear(),
      v.getUTCMonth() + 1,
      v.getUTCDate(),
      v.getUTCHours(),
      v.getUTCMinutes(),
      v.getUTCSeconds(),
    );
    return { date: new Date(ms).toISOString() };
  }
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('hyperlink' in v) return String(v.text);
    if ('error' in v) return String(v.error);
    if ('result' in v) return plainValue((v.result ?? null) as ExcelJS.CellValue, tz);
  }
  return String(v);
}

function listOf(formula: string): string[] | null {
  const m = /^"(.*)"$/s.exec(formula.trim());
  return m ? m[1]!.split(',') : null;
}

function dataValidationOf(dv: ExcelJS.DataValidation): CellJSON['dataValidation'] | undefined {
  if (dv.type !== 'list' || dv.formulae?.[0] === undefined) return undefined;
  const f = String(dv.formulae[0]);
  const list = listOf(f);
  const allowInvalid = dv.showErrorMessage === false || dv.errorStyle === 'warning';
  const helpText = dv.prompt ?? dv.error ?? '';
  if (list) return { criteria: 'VALUE_IN_LIST', args: [list, true], allowInvalid, helpText };
  return {
    criteria: 'VALUE_IN_RANGE',
    args: [{ range: f.replace(/\$/g, '') }, true],
    allowInvalid,
    helpText,
  };
}

const COMMENTS_PART = /^xl\/comments\d+\.xml$/;
const VML_PART = /^xl\/drawings\/vmlDrawing\d+\.vml$/;

/**
 * Moves a sheet's notes (comments and their VML drawing) to the part names exceljs reads. The format lets a
 * writer name parts as it likes: Excel and exceljs write xl/comments1.xml, openpyxl writes
 * xl/comments/comment1.xml with an absolute target, which exceljs cannot follow (it fails on the whole file).
 */
async function normalisePackage(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  let changed = false;
  let next = 1000;
  for (const relsName of Object.keys(zip.files)) {
    if (!/^xl\/worksheets\/_rels\/[^/]+\.xml\.rels$/.test(relsName)) continue;
    const xml = await zip.file(relsName)!.async('string');
    const moves: [string, string][] = [];
    const comments: string[] = [];
    const rewritten = xml.replace(/<Relationship\b[^>]*>/g, (tag) => {
      const type = /\bType="([^"]*)"/.exec(tag)?.[1] ?? '';
      const target = /\bTarget="([^"]*)"/.exec(tag)?.[1];
      const kind = type.endsWith('/comments') ? 'comments' : type.endsWith('/vmlDrawing') ? 'vml' : null;
      if (!kind || target === undefined) return tag;
      const part = target.startsWith('/')
        ? target.slice(1)
        : posix.normalize(posix.join('xl/worksheets', target));
      if (!zip.file(part)) return tag;
      if ((kind === 'comments' ? COMMENTS_PART : VML_PART).test(part)) {
        if (kind === 'comments') comments.push(part);
        return tag;
      }
      const to = kind === 'comments' ? `xl/comments${next}.xml` : `xl/drawings/vmlDrawing${next}.vml`;
      next++;
      moves.push([part, to]);
      if (kind === 'comments') comments.push(to);
      return tag.replace(/\bTarget="[^"]*"/, `Target="../${to.slice(3)}"`);
    });
    for (const [from, to] of moves) {
      zip.file(to, await zip.file(from)!.async('uint8array'));
      zip.remove(from);
    }
    if (moves.length > 0) {
      zip.file(relsName, rewritten);
      changed = true;
    }
    // A note's text may be plain (<text><t>…</t></text>, as openpyxl writes it) or in runs (<r><t>…</t></r>, as
    // Excel does); exceljs reads only runs.
    for (const part of comments) {
      const text = await zip.file(part)!.async('string');
      const runs = text.replace(/<text>\s*(<t\b[^>]*>[\s\S]*?<\/t>)\s*<\/text>/g, '<text><r>$1</r></text>');
      if (runs !== text) {
        zip.file(part, runs);
        changed = true;
      }
    }
  }
  return changed ? zip.generateAsync({ type: 'nodebuffer' }) : bytes;
}

/**
 * Reads an .xlsx file into a WorkbookJSON. Dates are read as wall-clock times of `base.timeZone`;
 * the id, owner and sharing come from `base` (the workbook it replaces).
 */
export async function importXlsx(data: Buffer | ArrayBuffer, base: WorkbookJSON): Promise<WorkbookJSON> {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data);
  // An .xlsx file is a zip archive: "PK\3\4". An old .xls is an OLE2 compound file.
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])))
    throw new NotXlsxError(
      `${NOT_XLSX}: it looks like an old .xls file: save it as .xlsx first. ${UNCHANGED}`,
    );
  if (!bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')))
    throw new NotXlsxError(`${NOT_XLSX}. ${SAVE_AS} ${UNCHANGED}`);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load((await normalisePackage(bytes)) as unknown as ArrayBuffer);
  } catch (e) {
    if (process.env.DEBUG_XLSX) console.error(e);
    throw new NotXlsxError(
      `${NOT_XLSX} (it is a zip archive without a readable workbook). ${SAVE_AS} ${UNCHANGED}`,
    );
  }
  if (wb.worksheets.length === 0) throw new NotXlsxError(`${NOT_XLSX} (it has no worksheets). ${UNCHANGED}`);
  const tz = base.timeZone;
  const sheets: SheetJSON[] = [];
  let nextId = 0;
  wb.eachSheet((ws) => {
    const frozen = (ws.views ?? []).find((v) => v.state === 'frozen') as
      | ExcelJS.WorksheetViewFrozen
      | undefined;
    const cells: Record<string, CellJSON> = {};
    const columnWidths: Record<string, number> = {};
    const hiddenColumns: number[] = [];
    const colCount = ws.columnCount;
    for (let c = 1; c <= colCount; c++) {
      const col = ws.getColumn(c);
      if (col.width) columnWidths[String(c)] = Math.round(col.width * PX_PER_CHAR);
      if (col.hidden) hiddenColumns.push(c);
    }
    let maxCol = colCount;
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        maxCol = Math.max(maxCol, c);
        const j: CellJSON = {};
        const raw = cell.value;
        const value = plainValue(raw, tz);
        if (value !== undefined && value !== '') j.value = value;
        if (raw && typeof raw === 'object' && 'formula' in raw && raw.formula) j.formula = `=${raw.formula}`;
        if (cell.numFmt && cell.numFmt !== 'General') j.numberFormat = cell.numFmt;
        const fill = cell.fill;
        if (fill && fill.type === 'pattern' && fill.pattern === 'solid') {
          const bg = hexOf(fill.fgColor);
          if (bg) j.background = bg;
        }
        if (cell.font?.bold) j.fontWeight = 'bold';
        const fc = hexOf(cell.font?.color);
        if (fc && fc !== '#000000') j.fontColor = fc;
        if (cell.alignment?.horizontal) j.horizontalAlignment = cell.alignment.horizontal;
        if (cell.alignment?.wrapText) j.wrap = true;
        const note = cell.note;
        if (note) j.note = typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('');
        if (Object.keys(j).length > 0) cells[`${columnToLetters(c)}${r}`] = j;
      });
    });
    // Validation lives apart from cell values: a blank cell with a dropdown has no row in the file.
    const model = (ws as unknown as { dataValidations?: { model?: Record<string, ExcelJS.DataValidation> } })
      .dataValidations?.model;
    for (const [key, dv] of Object.entries(model ?? {})) {
      const rule = dataValidationOf(dv);
      if (!rule) continue;
      const [from, to] = key.replace(/\$/g, '').split(':');
      const a = parseA1(from!);
      const b = parseA1(to ?? from!);
      if (!a?.startRow || !a.startCol || !b?.startRow || !b.startCol) continue;
      const [r0, r1, c0, c1]: number[] = [a.startRow, b.startRow, a.startCol, b.startCol];
      for (let r = r0!; r <= r1!; r++) {
        for (let c = c0!; c <= c1!; c++) {
          const k = `${columnToLetters(c)}${r}`;
          cells[k] = { ...(cells[k] ?? {}), dataValidation: rule };
        }
      }
    }
    const previous = base.sheets.find((s) => s.name === ws.name);
    sheets.push({
      name: ws.name,
      sheetId: previous?.sheetId ?? (nextId === 0 ? 0 : nextId * 1_000_003),
      maxRows: Math.max(ws.rowCount, previous?.maxRows ?? 1000),
      maxCols: Math.max(maxCol, previous?.maxCols ?? 26),
      frozenRows: frozen?.ySplit ?? 0,
      frozenCols: frozen?.xSplit ?? 0,
      tabColor: hexOf(ws.properties.tabColor) ?? null,
      hidden: ws.state !== 'visible',
      columnWidths,
      hiddenColumns,
      cells,
      // Conditional formatting comes from the file, like fills. Protections and charts do not travel through
      // .xlsx: keep those of the sheet replaced (a chart whose data sheet is gone draws as "No data").
      protections: previous?.protections ?? [],
      conditionalFormatRules: conditionalsOf(ws),
      charts: previous?.charts ?? [],
    });
    nextId++;
  });
  const ids = new Set<number>();
  for (const s of sheets) {
    while (ids.has(s.sheetId)) s.sheetId += 1_000_003;
    ids.add(s.sheetId);
  }
  const { activeRange: _dropped, ...rest } = base;
  return { ...rest, activeSheet: sheets[0]!.name, sheets };
}
