// Referrals › Share with mentor…: asks the email and the access, then adds a viewer or an editor.

import { UserError } from '../core/errors';
import { isEmail, type MentorAccess, sharedMessage } from '../core/share';
import { getUi } from '../sheets/gas-ui';
import { activeSpreadsheet } from '../sheets/workbook';
import { tell } from './run';

const TITLE = 'Share with mentor';

/**
 * Prompts for the mentor's email (Cancel or close = nothing), checks it, asks whether they may
 * edit (Yes = editor, No = view only, Cancel = nothing), shares, and says how commenting works.
 */
export function shareWithMentor(): void {
  const ui = getUi();
  const answer = ui.prompt(
    TITLE,
    "Your mentor's email address (they get access to this spreadsheet only):",
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  const email = answer.getResponseText().trim();
  if (!isEmail(email)) {
    throw new UserError(`"${email.slice(0, 100)}" is not an email address. Nothing was shared.`);
  }
  const edit = ui.alert(
    TITLE,
    `Let ${email} edit? (No = view only; they can comment if you later choose Commenter in Sheets' Share button.)`,
    ui.ButtonSet.YES_NO_CANCEL,
  );
  if (edit !== ui.Button.YES && edit !== ui.Button.NO) return;
  const access: MentorAccess = edit === ui.Button.YES ? 'editor' : 'viewer';
  const ss = activeSpreadsheet();
  if (access === 'editor') ss.addEditor(email);
  else ss.addViewer(email);
  tell(sharedMessage(email, access), TITLE);
}
