// A fault at every Apps Script call of what the pages call through google.script.run: Save call
// guide and Import. The page receives a plain sentence; what the user does next (save again,
// import the file again) leaves exactly a clean run's state.
import { captureState, describeSweep, type FaultCase, mayAppend, mayWrite, sweep } from '../helpers/faults';
import { ROW, representativeTracker } from '../helpers/trackers';

function expectSafe(c: FaultCase): void {
  const r = sweep(c);
  console.log(describeSweep(r));
  expect(r.calls).toBeGreaterThan(0);
  expect(r.problems.slice(0, 12)).toEqual([]);
}

const base = captureState(representativeTracker());

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

describe("a fault at every call of a page's server function", () => {
  it('Save call guide', () => {
    expectSafe({
      name: 'Save call guide',
      base,
      // Di's job is Acme's Data Scientist, on row 2 of Jobs.
      may: mayWrite('Jobs', 2, ['Referral process', 'Apply']),
      run: (b) =>
        b.call('sidebarSaveCallGuide', ROW.di, '=Form on the intranet, then CV to Pat', 'After referral'),
    });
  });

  it('Import LinkedIn connections', () => {
    expectSafe({
      name: 'Import',
      base,
      run: (b) => b.call('importConnections', CSV),
      may: mayAppend(base, 'Contacts'),
      wholeRows: ['Contacts', 'Connections'],
    });
  });
});
