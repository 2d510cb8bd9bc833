// Refresh dashboard on the sheet: reads the columns it uses, Jobs and Settings, then rewrites the Dashboard sheet and its chart.

import {
  computeDashboard,
  type DashboardData,
  dashboardGrid,
  FUNNEL_CHART_TITLE,
  layoutDashboard,
} from '../core/dashboard';
import { C, CONTACT_DATES, HEADER_FILL, SHEET } from '../core/schema';
import { readColumns, readTable } from './gas-table';
import { readTracker, type TrackerData } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The Contacts columns the Dashboard uses (funnel, signals, coverage, credits, follow-ups). */
export const DASHBOARD_READS: readonly string[] = [
  C.company,
  C.job,
  C.name,
  C.degree,
  C.premium,
  C.openProfile,
  C.sameSchool,
  C.inCommon,
  C.status,
  ...CONTACT_DATES,
  C.pick,
];

/** What Refresh dashboard reads on its own: the Contacts columns it uses, Jobs, Settings and the zone. */
function readForDashboard(ss: Spreadsheet): TrackerData {
  return readTracker(ss, (sheet) => readColumns(sheet, DASHBOARD_READS).table);
}

/** The add-on's own charts on the Dashboard (recognised by their title); a user's charts are kept. */
function ownCharts(sheet: Sheet): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
  return sheet.getCharts().filter((chart) => {
    try {
      return chart.getOptions().get('title') === FUNNEL_CHART_TITLE;
    } catch {
      return false;
    }
  });
}

/**
 * Recomputes the Dashboard (creating the sheet when missing): clears only that sheet, writes the
 * whole grid with one setValues (plus one setFontWeights and one setBackgrounds), a number format
 * per formatted block column, and one funnel column chart that replaces the add-on's previous one.
 * Every read (the Contacts columns it uses, Jobs, Settings, Pay it forward, the Dashboard's charts
 * and size) comes before every write; the number of calls does not depend on the number of rows.
 * Values only: no formula is written. `tracker`: the tracker already read whole (the daily run).
 * Returns the figures shown.
 */
export function refreshDashboard(ss: Spreadsheet, now: number, tracker?: TrackerData): DashboardData {
  const planned = planDashboard(ss, now, tracker);
  planned.write();
  return planned.data;
}

/**
 * The read half of refreshDashboard: every read and the figures, and the writes left to make (the
 * daily run reads for follow-ups and the Dashboard before it writes either).
 */
export function planDashboard(
  ss: Spreadsheet,
  now: number,
  tracker?: TrackerData,
): { data: DashboardData; write(): void } {
  const { contacts, jobs, settingsRows, timeZone } = tracker ?? readForDashboard(ss);
  // Pay it forward is read by name: a tracker set up before that sheet existed counts 0.
  const payItForward = ss.getSheetByName(SHEET.payItForward);
  const data = computeDashboard({
    contacts: contacts.table,
    jobs: jobs.table,
    settingsRows,
    timeZone,
    now,
    payItForward: payItForward ? readTable(payItForward) : null,
  });
  const layout = layoutDashboard(data, timeZone, now);

  const sheet = ss.getSheetByName(SHEET.dashboard) ?? ss.insertSheet(SHEET.dashboard);
  const mine = ownCharts(sheet);
  const maxRows = sheet.getMaxRows();
  const maxCols = sheet.getMaxColumns();
  return { data, write: () => writeDashboard(sheet, layout, mine, maxRows, maxCols) };
}

/** The write half of refreshDashboard (no read). */
function writeDashboard(
  sheet: Sheet,
  layout: ReturnType<typeof layoutDashboard>,
  mine: readonly GoogleAppsScript.Spreadsheet.EmbeddedChart[],
  maxRows: number,
  maxCols: number,
): void {
  for (const chart of mine) sheet.removeChart(chart);
  sheet.clear();
  if (layout.lastRow > maxRows) sheet.insertRowsAfter(maxRows, layout.lastRow - maxRows);
  const wantCols = layout.chart.anchorCol + 6;
  if (wantCols > maxCols) sheet.insertColumnsAfter(maxCols, wantCols - maxCols);

  // One write each for values, bold and fills over the whole grid, then a format per block column.
  const grid = dashboardGrid(layout, HEADER_FILL);
  sheet
    .getRange(1, 1, grid.values.length, grid.width)
    .setValues(grid.values)
    .setFontWeights(grid.weights)
    .setBackgrounds(grid.backgrounds);
  sheet.setFrozenRows(1);
  for (const b of layout.blocks) {
    const dataRows = b.values.length - 2;
    for (const f of b.formats) {
      sheet.getRange(b.row + 2, b.col + f.col, dataRows, 1).setNumberFormat(f.format);
    }
  }
  sheet.setColumnWidth(1, 240);

  const c = layout.chart;
  const chart = sheet
    .newChart()
    .asColumnChart()
    .addRange(sheet.getRange(c.dataRow, c.dataCol, c.numRows, c.numCols))
    .setPosition(c.anchorRow, c.anchorCol, 0, 0)
    .setOption('title', FUNNEL_CHART_TITLE)
    .setOption('legend', { position: 'none' })
    .build();
  sheet.insertChart(chart);
}

/** planDashboard only when the sheet already exists (the daily reminder), else null. */
export function planDashboardIfPresent(
  ss: Spreadsheet,
  now: number,
  tracker?: TrackerData,
): { data: DashboardData; write(): void } | null {
  return ss.getSheetByName(SHEET.dashboard) ? planDashboard(ss, now, tracker) : null;
}
