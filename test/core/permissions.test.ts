// The add-on's permissions: the manifest, the README table and the sentences a user reads agree.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  describeMissing,
  describePermissionError,
  MANIFEST_SCOPES,
  PERMISSIONS,
  SCOPES,
  scopesOfPermissionError,
} from '../../src/core/permissions';

const ROOT = join(__dirname, '..', '..');

describe('permissions', () => {
  it("are exactly appsscript.json's oauthScopes, in order", () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'appsscript.json'), 'utf8')) as {
      oauthScopes: string[];
    };
    expect(MANIFEST_SCOPES).toEqual(manifest.oauthScopes);
  });

  it("each have a row, with its reason, in the README's permissions table", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const p of PERMISSIONS) {
      const short = p.scope.replace('https://www.googleapis.com/auth/', '');
      expect(readme).toMatch(new RegExp(`^\\| \`${short.replace('.', '\\.')}\` \\| .+\\|`, 'm'));
    }
  });

  it("name a missing permission by the consent screen's words and say how to grant it", () => {
    expect(
      describeMissing('Turning on daily reminders', [SCOPES.scriptApp], 'https://example.com/auth'),
    ).toBe(
      'Turning on daily reminders needs the permission “Allow this application to run when you are not present”, which was not granted to Referral tracker. Open https://example.com/auth to grant it, then try again.',
    );
    expect(describeMissing('The daily digest email', [SCOPES.sendMail, SCOPES.email], null)).toBe(
      'The daily digest email needs the permission “Send email as you” and “See your primary Google Account email address”, which was not granted to Referral tracker. Choose the menu item again and allow them when Google asks.',
    );
  });

  it("read the scopes out of Apps Script's permission errors, and nothing out of other errors", () => {
    expect(
      scopesOfPermissionError(
        'You do not have permission to call Ui.showSidebar. Required permissions: https://www.googleapis.com/auth/script.container.ui',
      ),
    ).toEqual([SCOPES.containerUi]);
    expect(
      scopesOfPermissionError(
        'Specified permissions are not sufficient to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: (https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)',
      ),
    ).toEqual([SCOPES.currentOnly, 'https://www.googleapis.com/auth/spreadsheets']);
    expect(scopesOfPermissionError('Service Spreadsheets failed while accessing document')).toBeNull();
  });

  it('ask for the narrowest of alternative scopes, the one the manifest declares', () => {
    const message = describePermissionError(
      'Score candidates',
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: (https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)',
    );
    expect(message).toMatch(
      /^Score candidates needs the permission “View and manage spreadsheets that this application has been installed in”/,
    );
    expect(describePermissionError('Score candidates', 'Exceeded maximum execution time')).toBeNull();
  });
});
