// Import dialog (browser): reads the chosen CSV as text and sends it to importConnections; text via textContent only.

import type { ImportApi } from '../../import-dialog';
import { closeHost, serverCall } from '../rpc';

/** The same limit the server checks (about 5 MB of text). */
const MAX_BYTES = 5 * 1024 * 1024;

const call = serverCall<ImportApi>({ action: 'Import', again: 'import the file again' });

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const file = $<HTMLInputElement>('file');
const button = $<HTMLButtonElement>('import');
const status = $('status');
const result = $('result');
const error = $('error');

function showError(message: string): void {
  error.textContent = message;
  error.hidden = false;
  status.textContent = '';
}

/** Shows the server's summary, one sentence a line (text only); "• " lines nest under the line before. */
function showResult(lines: readonly string[]): void {
  const items: HTMLLIElement[] = [];
  for (const line of lines) {
    const li = document.createElement('li');
    const parent = items[items.length - 1];
    if (line.startsWith('• ') && parent) {
      li.textContent = line.slice(2);
      let sub = parent.querySelector('ul');
      if (!sub) {
        sub = document.createElement('ul');
        parent.append(sub);
      }
      sub.append(li);
      continue;
    }
    li.textContent = line;
    items.push(li);
  }
  result.replaceChildren(...items);
  result.hidden = lines.length === 0;
}

function readText(f: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(new Error('The file could not be read.'));
    reader.readAsText(f);
  });
}

file.addEventListener('change', () => {
  error.hidden = true;
  status.textContent = '';
  showResult([]);
  button.disabled = !file.files || file.files.length === 0;
});

button.addEventListener('click', async () => {
  const f = file.files?.[0];
  if (!f) return;
  error.hidden = true;
  if (f.size > MAX_BYTES) {
    showError('The file is larger than 5 MB. Is it the Connections.csv from LinkedIn?');
    return;
  }
  button.disabled = true;
  showResult([]);
  status.textContent = 'Importing…';
  try {
    const text = await readText(f);
    const r = await call('importConnections', text);
    status.textContent = r.contacts.added > 0 ? 'Done. Next: Referrals › Score candidates.' : 'Done.';
    showResult(r.summary);
  } catch (e) {
    showError(e instanceof Error ? e.message : String(e));
  } finally {
    button.disabled = false;
  }
});

$('close').addEventListener('click', () => closeHost());
