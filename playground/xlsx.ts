// .xlsx export and import for the playground (exceljs): values, formulas, number formats, fills, fonts,
// notes, dropdown validation, frozen panes and column widths, converted to and from WorkbookJSON.

import ExcelJS from 'exceljs';
import { columnToLetters, parseA1 } from '../emulator/a1';
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
      const dv = cj.dataValidation;
      if (dv) {
        const base = {
          allowBlank: true,
          showErrorMessage: !dv.allowInvalid,
          errorStyle: dv.allowInvalid ? 'warning' : 'stop',
          ...(dv.helpText ? { error: dv.helpText, prompt: dv.helpText } : {}),
        } as const;
        const a = dv.args[0];
        if (dv.criteria === 'VALUE_IN_LIST' && Array.isArray(a)) {
          cell.dataValidation = { ...base, type: 'list', formulae: [`"${a.map(String).join(',')}"`] };
        } else if (dv.criteria === 'VALUE_IN_RANGE' && a && typeof a === 'object' && 'range' in a) {
          cell.dataValidation = {
            ...base,
            type: 'list',
            formulae: [absolute(String((a as { range: string }).range))],
          };
        }
      }
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
  if (list) return { criteria: 'VALUE_IN_LIST', args: [list], allowInvalid, helpText };
  return {
    criteria: 'VALUE_IN_RANGE',
    args: [{ range: f.replace(/\$/g, '') }, true],
    allowInvalid,
    helpText,
  };
}

/**
 * Reads an .xlsx file into a WorkbookJSON. Dates are read as wall-clock times of `base.timeZone`;
 * the id, owner and sharing come from `base` (the workbook it replaces).
 */
export async function importXlsx(data: Buffer | ArrayBuffer, base: WorkbookJSON): Promise<WorkbookJSON> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as ArrayBuffer);
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
      // Protections, conditional formatting and charts do not travel through .xlsx: keep those of the sheet
      // replaced (a chart whose data sheet is gone draws as "No data").
      protections: previous?.protections ?? [],
      conditionalFormatRules: previous?.conditionalFormatRules ?? [],
      charts: previous?.charts ?? [],
    });
    nextId++;
  });
  const ids = new Set<number>();
  for (const s of sheets) {
    while (ids.has(s.sheetId)) s.sheetId += 1_000_003;
    ids.add(s.sheetId);
  }
  if (sheets.length === 0) throw new Error('The file has no worksheets');
  const { activeRange: _dropped, ...rest } = base;
  return { ...rest, activeSheet: sheets[0]!.name, sheets };
}
