// The playground draws conditional formats as Sheets does (the first true rule over the cell's own fill, on the
// playground's "today"), and its .xlsx files carry the rules both ways (also through openpyxl, another writer).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { WorkbookJSON } from '../../emulator/spreadsheet';
import { PlaygroundSession, type SavedFile, type SheetView } from '../../playground/session';
import { exportXlsx, importXlsx } from '../../playground/xlsx';
import { DUE_TODAY_FILL, HIGHLIGHTS, OVERDUE_FILL } from '../../src/core/schema';
import { builtProject } from '../helpers/bundle';

jest.setTimeout(60_000);

const FIXTURES = join(__dirname, '..', 'fixtures', 'xlsx');
const roundtrip = () => JSON.parse(readFileSync(join(FIXTURES, 'roundtrip.json'), 'utf8')) as WorkbookJSON;

/** YYYY-MM-DD plus n days. */
const plus = (day: string, n: number) =>
  new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const column = (view: SheetView, header: string) => view.rows[0]!.findIndex((c) => c?.t === header);

/** Per data row: the Due text and the fills drawn on the columns the highlight rules colour. */
function drawn(view: SheetView, sheet: string) {
  const spec = HIGHLIGHTS.find((h) => h.sheet === sheet)!;
  const due = column(view, spec.due);
  const cols = spec.columns.map((h) => column(view, h));
  expect([due, ...cols].every((i) => i >= 0)).toBe(true);
  return view.rows.slice(1).flatMap((row, i) => {
    const text = row[due]?.t ?? '';
    return /^\d{4}-\d{2}-\d{2}$/.test(text)
      ? [{ row: i + 2, due: text, fills: cols.map((c) => row[c]?.bg) }]
      : [];
  });
}

describe('conditional formats in the playground', () => {
  let seeded: SavedFile;
  const D0 = '2026-03-02';
  beforeAll(() => {
    const s = new PlaygroundSession({ project: builtProject(), today: D0 });
    s.seed();
    seeded = s.toSaved();
  });
  const on = (today: string) => new PlaygroundSession({ project: builtProject(), saved: seeded, today });

  it('draws the red and amber of Next action / Due on any later day, with no refresh and the cells’ own fill unchanged', () => {
    const first = on(D0);
    const rows = drawn(first.sheetView('Contacts')!, 'Contacts');
    const future = rows.filter((r) => r.due > D0).sort((a, b) => a.due.localeCompare(b.due));
    expect(future.length).toBeGreaterThan(1);
    // Written on D0, the cells due later carry no fill of their own.
    expect(future.every((r) => r.fills.every((f) => f === undefined))).toBe(true);
    const d1 = future[0]!.due;
    const last = future[future.length - 1]!.due;

    for (const today of [d1, plus(d1, 2), last, plus(last, 9)]) {
      const session = on(today);
      const view = session.sheetView('Contacts')!;
      const dueCol = column(view, 'Due') + 1;
      for (const r of drawn(view, 'Contacts')) {
        if (!future.some((f) => f.row === r.row)) continue;
        const want = r.due < today ? OVERDUE_FILL : r.due === today ? DUE_TODAY_FILL : undefined;
        expect({ today, ...r }).toEqual({ today, ...r, fills: r.fills.map(() => want) });
        // What a script reads (getBackground) is still the fill written on D0.
        expect(session.emu.spreadsheet.sheetRaw('Contacts')!.cellAt(r.row, dueCol)?.bg ?? '#ffffff').toBe(
          '#ffffff',
        );
      }
    }
  });

  it('colours Jobs, and Pay it forward’s Follow up on typed by the person, the same way', () => {
    const jobs = drawn(on(D0).sheetView('Jobs')!, 'Jobs').filter((r) => r.due > D0);
    expect(jobs.length).toBeGreaterThan(0);
    const day = plus(jobs[0]!.due, 2);
    for (const r of drawn(on(day).sheetView('Jobs')!, 'Jobs')) {
      const want = r.due < day ? OVERDUE_FILL : r.due === day ? DUE_TODAY_FILL : undefined;
      expect(r).toEqual({ ...r, fills: r.fills.map(() => want) });
    }

    const typed = on(D0);
    const follow = plus(D0, 3);
    expect(
      typed.edit('Pay it forward', 2, 1, [[D0, 'Sam Lee', 'CV review', 'Sent notes', follow]], false).ok,
    ).toBe(true);
    const saved = typed.toSaved();
    const fills = (today: string) =>
      drawn(
        new PlaygroundSession({ project: builtProject(), saved, today }).sheetView('Pay it forward')!,
        'Pay it forward',
      );
    expect(fills(D0)).toEqual([{ row: 2, due: follow, fills: [undefined] }]);
    expect(fills(follow)).toEqual([{ row: 2, due: follow, fills: [DUE_TODAY_FILL] }]);
    expect(fills(plus(follow, 2))).toEqual([{ row: 2, due: follow, fills: [OVERDUE_FILL] }]);
  });

  it('draws a rule’s font colour and bold, and skips a rule it cannot evaluate instead of breaking the grid', () => {
    const book = roundtrip();
    book.sheets[0]!.conditionalFormatRules.unshift({
      ranges: ['Contacts!B2:B20'],
      criteria: 'CUSTOM_FORMULA',
      args: ['=VLOOKUP(B2,A:A,1,FALSE)<>""'],
      background: '#000000',
    });
    const view = new PlaygroundSession({
      project: builtProject(),
      saved: book,
      today: '2026-03-11',
    }).sheetView('Contacts')!;
    expect(view.rows[1]![2]).toMatchObject({ t: 'Messaged', fc: '#188038', b: true });
    expect(view.rows[1]![4]).toMatchObject({ t: '2026-03-10', bg: OVERDUE_FILL });
    expect(view.rows[1]![1]?.bg).toBeUndefined();
  });
});

describe('.xlsx conditional formats', () => {
  it('writes each rule once as an Excel formula rule with its style, in Sheets’ order', async () => {
    const xlsx = await exportXlsx(roundtrip());
    const zip = await JSZip.loadAsync(xlsx);
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const rules = [
      ...sheet.matchAll(/<conditionalFormatting sqref="([^"]+)"><cfRule ([^>]*)><formula>([^<]*)</g),
    ].map((m) => [m[1], m[2]!.replace(/dxfId="\d+" /, ''), m[3]]);
    expect(rules).toEqual([
      ['E2:E20 F2:F20', 'type="expression" priority="1"', 'AND(ISNUMBER($E2),$E2&lt;TODAY())'],
      ['C2:C20', 'type="expression" priority="2"', 'C2=&quot;Messaged&quot;'],
    ]);
    const styles = await zip.file('xl/styles.xml')!.async('string');
    expect(styles).toMatch(/<dxf><fill><patternFill patternType="solid">.*<bgColor rgb="FFF4C7C3"\/>/);
    expect(styles).toMatch(/<dxf><font><b\/><color rgb="FF188038"\/>/);
  });

  it('reads the rules back from our file and from the one openpyxl re-saved, replacing the old workbook’s', async () => {
    const source = roundtrip();
    const base: WorkbookJSON = {
      ...source,
      sheets: source.sheets.map((s) => ({
        ...s,
        conditionalFormatRules: [
          { ranges: [`${s.name}!A1`], criteria: 'CELL_EMPTY', args: [], background: '#000000' },
        ],
      })),
    };
    const want = [
      {
        ranges: ['Contacts!E2:E20', 'Contacts!F2:F20'],
        criteria: 'CUSTOM_FORMULA',
        args: ['=AND(ISNUMBER($E2),$E2<TODAY())'],
        background: '#f4c7c3',
      },
      // "Text is exactly" travels as the formula it means.
      {
        ranges: ['Contacts!C2:C20'],
        criteria: 'CUSTOM_FORMULA',
        args: ['=C2="Messaged"'],
        fontColor: '#188038',
        bold: true,
      },
    ];
    for (const file of [await exportXlsx(source), readFileSync(join(FIXTURES, 'openpyxl.xlsx'))]) {
      const back = await importXlsx(file, base);
      expect(back.sheets.map((s) => s.conditionalFormatRules)).toEqual([want, []]);
    }
  });

  it('leaves out the kinds it cannot write', async () => {
    const book = roundtrip();
    book.sheets[0]!.conditionalFormatRules = [
      { ranges: ['Contacts!D2:D20'], criteria: 'NUMBER_GREATER_THAN', args: [3], background: '#000000' },
      { ranges: ['Contacts!B2:B20'], criteria: 'CELL_EMPTY', args: [], background: '#fce8b2' },
    ];
    const back = await importXlsx(await exportXlsx(book), book);
    expect(back.sheets[0]!.conditionalFormatRules).toEqual([
      {
        ranges: ['Contacts!B2:B20'],
        criteria: 'CUSTOM_FORMULA',
        args: ['=ISBLANK(B2)'],
        background: '#fce8b2',
      },
    ]);
  });
});
