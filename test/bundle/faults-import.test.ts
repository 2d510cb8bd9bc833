// A fault at every Apps Script call of Import LinkedIn connections (a new Connections sheet, and a
// second export over an existing one with the user's own column): nothing of the user's changes,
// and importing the same file again leaves exactly what one clean import leaves.
import { CONNECTIONS_HEADERS } from '../../src/core/connections';
import {
  anyOf,
  captureState,
  expectSafe,
  type MayChange,
  mayAppend,
  smallNewSheets,
} from '../helpers/faults';
import { colOf, sheetOf } from '../helpers/sheets';
import { forgetUi, representativeTracker } from '../helpers/trackers';

const CSV = [
  'Notes:',
  '"Exported from LinkedIn"',
  '',
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Lea,Long,https://www.linkedin.com/in/lea-long,,Acme Inc.,Data Scientist,01 Mar 2026',
  'Max,Moss,https://www.linkedin.com/in/max-moss,,Globex,"Engineer, Platform",02 Mar 2026',
  'Ann,Archer,https://www.linkedin.com/in/ann-archer,,Acme,Senior Data Scientist,03 Mar 2026',
  'Ned,Noor,https://www.linkedin.com/in/ned,,Umbrella,Chemist,04 Mar 2026',
  '"=HYPERLINK(""http://x"")",Evil,https://www.linkedin.com/in/evil,,Initech,-2+3,05 Mar 2026',
  '',
].join('\n');

const base = captureState(representativeTracker());

/** The add-on's cells on Connections: LinkedIn's columns below the header (not the user's own). */
const linkedInCells: MayChange = (c) =>
  c.sheet === 'Connections' && c.row >= 2 && CONNECTIONS_HEADERS.includes(c.header);

/** A newer export: Lea moved to Globex, Max has a new position, two new people (one at a target). */
const NEWER = [
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Lea,Long,https://www.linkedin.com/in/lea-long,,Globex,Data Scientist,01 Mar 2026',
  'Max,Moss,https://www.linkedin.com/in/max-moss,max@example.com,Globex,Staff Engineer,02 Mar 2026',
  'Uma,Upton,https://www.linkedin.com/in/uma,,Initech Inc,Analyst,06 Mar 2026',
  'Vic,Vale,https://www.linkedin.com/in/vic,,Hooli,Engineer,07 Mar 2026',
  '',
].join('\n');

/**
 * After a first import: a column of the user's on Connections with a note, the Contacts grid full
 * (its last row has a red Due), so the next import grows it.
 */
const imported = (() => {
  const b = representativeTracker();
  smallNewSheets(40)(b);
  b.call('importConnections', CSV);
  const con = sheetOf(b, 'Connections');
  con.getRange(1, 8).setValue('How we met');
  con.getRange(3, 8).setValue('Hackathon').setNote('2024');
  const contacts = sheetOf(b, 'Contacts');
  const last = contacts.getLastRow();
  contacts.deleteRows(last + 1, contacts.getMaxRows() - last);
  contacts.getRange(last, colOf(b, 'Due')).setBackground('#f4c7c3');
  forgetUi(b);
  return captureState(b);
})();

describe('a fault at every call of Import LinkedIn connections', () => {
  it('the first import (a new Connections sheet)', () => {
    expectSafe({
      name: 'Import (new)',
      base,
      prepare: smallNewSheets(40),
      run: (b) => b.call('importConnections', CSV),
      may: mayAppend(base, 'Contacts'),
      wholeRows: ['Contacts', 'Connections'],
    });
  });

  it('a newer export over an existing Connections sheet, Contacts grid full', () => {
    expectSafe({
      name: 'Import (newer)',
      base: imported,
      run: (b) => b.call('importConnections', NEWER),
      may: anyOf(mayAppend(imported, 'Contacts'), linkedInCells),
      wholeRows: ['Contacts', 'Connections'],
    });
  });
});
