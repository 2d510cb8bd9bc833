// The Help dialog: the method in short and what each menu item does.

/** Shows the Help dialog (a static page, no user data). */
export function showHelp(): void {
  const html = HtmlService.createHtmlOutputFromFile('Help').setWidth(520).setHeight(560);
  SpreadsheetApp.getUi().showModalDialog(html, 'Referral tracker — help');
}
