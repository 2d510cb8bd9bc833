// Refresh dashboard on the sheet: reads Contacts, Jobs and Settings once, rewrites the Dashboard sheet and its chart.

import { computeDashboard, type DashboardData, FUNNEL_CHART_TITLE, layoutDashboard } from '../core/dashboard';
import { HEADER_FILL, SHEET } from '../core/schema';
import { readTracker, type TrackerData } from './workbook';

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
 * title row and each block with one setValues, a few formats per block, and one funnel column
 * chart that replaces the add-on's previous one. The number of Sheets calls does not depend on
 * the number of rows. Values only: no formula is written. Returns the figures shown.
 */
export function refreshDashboard(
  ss: Spreadsheet,
  now: number,
  tracker: TrackerData = readTracker(ss),
): DashboardData {
  const { contacts, jobs, settingsRows, timeZone } = tracker;
  const data = computeDashboard({
    contacts: contacts.table,
    jobs: jobs.table,
    settingsRows,
    timeZone,
    now,
  });
  const layout = layoutDashboard(data, timeZone, now);

  const sheet = ss.getSheetByName(SHEET.dashboard) ?? ss.insertSheet(SHEET.dashboard);
  removeOwnCharts(sheet);
  sheet.clear();
  const missingRows = layout.lastRow - sheet.getMaxRows();
  if (missingRows > 0) sheet.insertRowsAfter(sheet.getMaxRows(), missingRows);
  const missingCols = layout.chart.anchorCol + 6 - sheet.getMaxColumns();
  if (missingCols > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), missingCols);

  sheet.getRange(1, 1, 1, layout.titleRow.length).setValues([layout.titleRow]);
  sheet.getRange(1, 1).setFontWeight('bold');
  sheet.setFrozenRows(1);
  for (const b of layout.blocks) {
    sheet.getRange(b.row, b.col, b.values.length, b.width).setValues(b.values);
    sheet.getRange(b.row, b.col, 2, b.width).setFontWeight('bold');
    sheet.getRange(b.row + 1, b.col, 1, b.width).setBackground(HEADER_FILL);
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

/** The message shown after Refresh dashboard. */
export function describeDashboard(data: DashboardData): string {
  const messaged = data.funnel[1]?.people ?? 0;
  const replied = data.funnel[2]?.people ?? 0;
  const referred = data.funnel[5]?.people ?? 0;
  const needMore = data.coverage.filter((c) => c.coverage === 'needs more').length;
  return [
    `Dashboard updated: ${messaged} messaged, ${replied} replied, ${referred} referred.`,
    `${data.overdue.length} follow-ups overdue, ${data.dueToday.length} due today.`,
    needMore > 0 ? `${needMore} companies need more picks (run Score candidates to pick people).` : '',
  ]
    .filter((s) => s)
    .join(' ');
}
