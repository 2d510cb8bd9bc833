// Refresh dashboard on the sheet: reads Contacts, Jobs and Settings once, rewrites the Dashboard sheet and its chart.

import {
  computeDashboard,
  type DashboardData,
  dashboardGrid,
  FUNNEL_CHART_TITLE,
  layoutDashboard,
} from '../core/dashboard';
import { HEADER_FILL, SHEET } from '../core/schema';
import { readTable } from './gas-table';
import { readTracker, type TrackerData } from './workbook';

/** The Pay it forward sheet's name (created by Set up tracker, PRODUCT point 23). */
const PAY_IT_FORWARD = 'Pay it forward';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Removes the charts this add-on put on the Dashboard (recognised by their title); keeps others. */
function removeOwnCharts(sheet: Sheet): void {
  for (const chart of sheet.getCharts()) {
    let title: unknown = null;
    try {
      title = chart.getOptions().get('title');
    } catch {
      title = null;
    }
    if (title === FUNNEL_CHART_TITLE) sheet.removeChart(chart);
  }
}

/**
 * Recomputes the Dashboard (creating the sheet when missing): clears only that sheet, writes the
 * whole grid with one setValues (plus one setFontWeights and one setBackgrounds), a number format
 * per formatted block column, and one funnel column chart that replaces the add-on's previous one. The number of Sheets calls does not depend on
 * the number of rows. Values only: no formula is written. Returns the figures shown.
 */
export function refreshDashboard(
  ss: Spreadsheet,
  now: number,
  tracker: TrackerData = readTracker(ss),
): DashboardData {
  const { contacts, jobs, settingsRows, timeZone } = tracker;
  // Pay it forward is read by name: a tracker set up before that sheet existed counts 0.
  const payItForward = ss.getSheetByName(PAY_IT_FORWARD);
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
  removeOwnCharts(sheet);
  sheet.clear();
  const missingRows = layout.lastRow - sheet.getMaxRows();
  if (missingRows > 0) sheet.insertRowsAfter(sheet.getMaxRows(), missingRows);
  const missingCols = layout.chart.anchorCol + 6 - sheet.getMaxColumns();
  if (missingCols > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), missingCols);

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
  return data;
}

/** Refreshes the Dashboard only when the sheet already exists (the daily reminder). */
export function refreshDashboardIfPresent(ss: Spreadsheet, now: number, tracker?: TrackerData): boolean {
  if (!ss.getSheetByName(SHEET.dashboard)) return false;
  refreshDashboard(ss, now, tracker);
  return true;
}
