// The Help dialog: the method in short and what each menu item does.

import { showDialog } from '../sheets/gas-ui';

/** Shows the Help dialog (a static page, no user data). */
export function showHelp(): void {
  showDialog('Help', 'Referral tracker — help', 520, 560);
}
