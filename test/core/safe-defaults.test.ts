// Safe by default: the manifest asks only for the scopes on the allow-list (core/permissions, the
// one list the runtime and this test both use), each with its reason in the README, none of the
// broad or sensitive ones, and exposes the script to nothing but the spreadsheet it runs in.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PERMISSIONS } from '../../src/core/permissions';

const ROOT = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'appsscript.json'), 'utf8')) as Record<
  string,
  unknown
> & {
  oauthScopes: string[];
};
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const AUTH = 'https://www.googleapis.com/auth/';

/** The README's permissions table: `scope` → reason. */
function readmeReasons(): Map<string, string> {
  const rows = [...readme.matchAll(/^\| `([a-z_.]+)` \| (.*) \|$/gm)];
  return new Map(rows.map((m) => [`${AUTH}${m[1]}`, m[2]!.trim()]));
}

describe('the manifest is safe by default', () => {
  it('asks only for scopes on the allow-list, each with a reason', () => {
    const allowed = new Map(PERMISSIONS.map((p) => [p.scope, p.why]));
    for (const scope of manifest.oauthScopes) {
      expect({ scope, listed: allowed.has(scope) }).toEqual({ scope, listed: true });
      expect(allowed.get(scope)!.length).toBeGreaterThan(10);
    }
  });

  it('gives each scope its reason in the README, and lists no scope it does not ask for', () => {
    const reasons = readmeReasons();
    for (const scope of manifest.oauthScopes) expect(reasons.get(scope) ?? '').toMatch(/\w{3,}.*\w{3,}/);
    expect([...reasons.keys()].sort()).toEqual([...manifest.oauthScopes].sort());
  });

  it('asks for none of the broad or sensitive scopes (all your Sheets, Drive, Gmail, Calendar, external requests…)', () => {
    // `spreadsheets` (every Google Sheet of the user) only served an add-on's morning run; the add-on
    // keeps to `spreadsheets.currentonly` and has no daily reminders instead (README, Permissions).
    const sensitive =
      /auth\/(spreadsheets$|drive(?!\.file)|gmail|mail\.google|script\.external_request|calendar|contacts|forms|documents|presentations|cloud-platform|admin|script\.projects)/;
    expect(manifest.oauthScopes.filter((s) => sensitive.test(s))).toEqual([]);
  });

  it('is no web app, no API executable and no library to anyone', () => {
    for (const key of ['webapp', 'executionApi', 'dependencies', 'urlFetchWhitelist']) {
      expect({ key, present: key in manifest }).toEqual({ key, present: false });
    }
  });
});
