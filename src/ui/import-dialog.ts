// Referrals › Import LinkedIn connections…: opens the upload dialog; the dialog calls importConnections.

import type { ImportResult } from '../core/connections';
import { showDialog } from '../sheets/gas-ui';
import { importConnections } from '../sheets/import';
import { activeSpreadsheet } from '../sheets/workbook';
import { runAction, served } from './run';

/** The server function the ImportConnections dialog calls through google.script.run. */
export interface ImportApi {
  importConnections(csv: string): ImportResult;
}

/** Opens the Import dialog (a static page: the file is read in the browser and sent as text). */
export function showImportDialog(): void {
  runAction('Import LinkedIn connections', () => {
    activeSpreadsheet();
    showDialog('ImportConnections', 'Import LinkedIn connections', 520, 460);
  });
}

/**
 * google.script.run: imports Connections.csv text (validated: string, ≤ 5 MB) into Connections, and
 * the people at target companies into Contacts.
 */
export const importConnectionsText: (csv: unknown) => ImportResult = served(
  { action: 'Import', again: 'import the file again' },
  (csv: unknown) => importConnections(activeSpreadsheet(), csv, Date.now()),
);
