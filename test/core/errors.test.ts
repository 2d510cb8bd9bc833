// Plain messages: every known Apps Script failure becomes a sentence that says what happened and
// what to do; a UserError passes through; nothing raw reaches the user.
import {
  BUSY_MESSAGE,
  errorText,
  failureDetails,
  knownFailure,
  plainMessage,
  UserError,
} from '../../src/core/errors';
import { RAW_TEXT as RAW } from '../helpers/faults';

const FAILURES = [
  'Service Spreadsheets failed while accessing document with id 1AbC.',
  'Exception: Service Spreadsheets failed while accessing document with id 1AbC.',
  'Exceeded maximum execution time',
  'Service invoked too many times for one day: email.',
  'Service invoked too many times for one day: properties.',
  'Lock timeout: another process was holding the lock for too long.',
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
  'Authorization is required to perform that action.',
  "We're sorry, a server error occurred. Please wait a bit and try again.",
];

describe('plain messages for Apps Script failures', () => {
  it.each(FAILURES)('puts "%s" in plain words naming the action and what to do', (raw) => {
    const m = plainMessage(new Error(raw), 'Score candidates');
    expect(m).not.toMatch(RAW);
    expect(m).toMatch(/\.$/);
    if (!/Lock timeout/.test(raw)) expect(m).toContain('Score candidates');
    expect(m).toMatch(/try|again|tomorrow|ask|reload/i);
  });

  it('says the busy lock in the same words as the lock check', () => {
    expect(
      plainMessage(new Error('Lock timeout: another process was holding the lock for too long.'), 'X'),
    ).toBe(BUSY_MESSAGE);
  });

  it('names the daily quota that ran out', () => {
    expect(knownFailure('Service invoked too many times for one day: email.', 'Daily reminder')).toMatch(
      /limit for sending email.*tomorrow/,
    );
  });

  it('uses the caller\'s own "what to do" clause', () => {
    const m = plainMessage(new Error('Exceeded maximum execution time'), {
      action: 'Import',
      again: 'import the file again',
    });
    expect(m).toMatch(/^Import ran out of time .*; import the file again\.$/);
  });

  it("uses the caller's own sentence for Google Sheets not answering, and still names a known limit", () => {
    const where = { action: 'Mark as sent', failed: 'Mark as sent did not finish: press it again.' };
    expect(
      plainMessage(new Error('Service Spreadsheets failed while accessing document with id 1.'), where),
    ).toBe('Mark as sent did not finish: press it again.');
    expect(plainMessage(new TypeError('x is undefined'), where)).toBe(
      'Mark as sent did not finish: press it again.',
    );
    expect(plainMessage(new Error('Service invoked too many times for one day: email.'), where)).toMatch(
      /today's limit/,
    );
  });

  it('passes a UserError through as it is', () => {
    expect(plainMessage(new UserError('Row 4, Degree: "4th" is not a degree.'), 'Score candidates')).toBe(
      'Row 4, Degree: "4th" is not a degree.',
    );
  });

  it.each([
    [new TypeError("Cannot read properties of undefined (reading 'getRange')")],
    [{ code: 500 }],
    ['boom'],
    [null],
    [undefined],
    [42],
  ])('turns an unexpected failure (%p) into a sentence without its details', (e) => {
    const m = plainMessage(e, 'Refresh dashboard');
    expect(m).toMatch(/^Refresh dashboard did not finish because of an unexpected problem\./);
    expect(m).not.toMatch(RAW);
  });

  it("returns null for text that is not a known failure, so pages keep the server's sentence", () => {
    expect(knownFailure('Row 12 of Contacts is empty.', 'Draft message')).toBeNull();
  });
});

describe('failure details for the execution log', () => {
  it('keeps the message and the stack', () => {
    const e = new Error('Service Spreadsheets failed while accessing document with id 1.');
    const d = failureDetails(e);
    expect(d).toContain('Service Spreadsheets failed');
    expect(d).toMatch(/\n\s+at /);
  });

  it('renders objects as JSON, never [object Object]', () => {
    expect(errorText({ code: 500 })).toBe('{"code":500}');
    expect(failureDetails({ code: 500 })).toBe('{"code":500}');
  });
});
