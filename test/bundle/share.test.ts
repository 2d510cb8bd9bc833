// Share with mentor through the bundle: scripted prompt answers choose viewer or editor; bad email and cancel.
import { loadBundle } from '../helpers/bundle';

function setUp() {
  const b = loadBundle({ now: '2026-03-10T08:00:00Z' });
  b.call('menuSetUpTracker');
  b.emu.ui.dialogs.length = 0;
  return b;
}

describe('Share with mentor', () => {
  it('adds the mentor as a viewer when they may not edit, and says how to let them comment', () => {
    const b = setUp();
    b.emu.ui.answerNext('OK', ' mentor@example.com ');
    b.emu.ui.answerNext('NO');
    b.call('menuShareWithMentor');
    expect(b.emu.spreadsheet.sharingLog).toEqual([{ action: 'addViewer', email: 'mentor@example.com' }]);
    const last = b.emu.ui.dialogs.at(-1)!;
    expect(last.prompt).toMatch(/view only/);
    expect(last.prompt).toMatch(/Share button/);
    expect(last.prompt).toMatch(/Comment/i);
  });

  it('adds the mentor as an editor and says the Mentor notes column is theirs', () => {
    const b = setUp();
    b.emu.ui.answerNext('OK', 'mentor@example.com');
    b.emu.ui.answerNext('YES');
    b.call('menuShareWithMentor');
    expect(b.emu.spreadsheet.sharingLog).toEqual([{ action: 'addEditor', email: 'mentor@example.com' }]);
    expect(b.emu.ui.dialogs.at(-1)!.prompt).toMatch(/Mentor notes/);
  });

  it('refuses something that is not an email address and shares nothing', () => {
    const b = setUp();
    b.emu.ui.answerNext('OK', 'not an email');
    b.call('menuShareWithMentor');
    expect(b.emu.spreadsheet.sharingLog).toEqual([]);
    expect(b.emu.ui.dialogs.at(-1)!.prompt).toMatch(/is not an email address/);
    expect(b.emu.ui.pendingAnswers()).toBe(0);
  });

  it('does nothing when the prompt or the viewer/editor question is cancelled', () => {
    const b = setUp();
    b.emu.ui.answerNext('CANCEL', 'mentor@example.com');
    b.call('menuShareWithMentor');
    expect(b.emu.ui.dialogs).toHaveLength(1);
    b.emu.ui.answerNext('OK', 'mentor@example.com');
    b.emu.ui.answerNext('CANCEL');
    b.call('menuShareWithMentor');
    expect(b.emu.ui.dialogs).toHaveLength(3);
    expect(b.emu.spreadsheet.sharingLog).toEqual([]);
  });
});
