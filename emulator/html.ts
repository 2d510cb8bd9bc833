// HtmlService: HTML outputs, project HTML files and templates with <? ?>, <?= ?> and <?!= ?> scriptlets.

import { counted, type EmulatorContext, enumOf } from './context';
import { newBlob } from './utilities';

/** HtmlService.SandboxMode values. */
export const SandboxMode = enumOf('EMULATED', 'IFRAME', 'NATIVE');
/** HtmlService.XFrameOptionsMode values. */
export const XFrameOptionsMode = enumOf('ALLOWALL', 'DEFAULT');

/** The text Apps Script throws for a missing project file. */
export const missingFileMessage = (name: string): string => `No HTML file named ${name} was found.`;

/** Escapes text for HTML the way `<?= ?>` and appendUntrusted do. */
export function escapeHtml(text: unknown): string {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

type Blobish = { getDataAsString(): string } | { getBlob(): { getDataAsString(): string } };

function textOf(source: unknown, what: string): string {
  if (source === undefined) return '';
  if (typeof source === 'string') return source;
  if (source !== null && typeof source === 'object') {
    const b = source as Blobish;
    if ('getDataAsString' in b && typeof b.getDataAsString === 'function') return b.getDataAsString();
    if ('getBlob' in b && typeof b.getBlob === 'function') return b.getBlob().getDataAsString();
  }
  throw new Error(`Invalid argument: ${what}`);
}

/** Dimensions as Apps Script validates them: whole pixels. */
function pixels(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new Error(`Invalid argument: ${what}`);
  return v;
}

/** An HtmlOutput. Its fields are public for tests; the script sees the counted proxy. */
export class FakeHtmlOutput {
  content: string;
  title = '';
  width = 0;
  height = 0;
  sandboxMode: string = SandboxMode.IFRAME;
  xFrameOptionsMode: string = XFrameOptionsMode.DEFAULT;
  faviconUrl = '';
  readonly metaTags: { name: string; content: string }[] = [];
  self: this = this;

  constructor(
    private readonly service: FakeHtmlService,
    content: string,
  ) {
    this.content = content;
  }
  getContent(): string {
    return this.content;
  }
  /** "Sets the content of this output." */
  setContent(content: string): this {
    this.content = textOf(content, 'content');
    return this.self;
  }
  /** "Appends new content to the content of this HtmlOutput. Use this only for content from a trusted source." */
  append(addedContent: string): this {
    this.content += textOf(addedContent, 'addedContent');
    return this.self;
  }
  /** "Appends new content ... using contextual escaping." */
  appendUntrusted(addedContent: string): this {
    this.content += escapeHtml(addedContent);
    return this.self;
  }
  clear(): this {
    this.content = '';
    return this.self;
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): this {
    this.title = String(title);
    return this.self;
  }
  getWidth(): number {
    return this.width;
  }
  /** "Sets the initial width of the output. Has no effect for sidebars." */
  setWidth(width: number): this {
    this.width = pixels(width, 'width');
    return this.self;
  }
  getHeight(): number {
    return this.height;
  }
  setHeight(height: number): this {
    this.height = pixels(height, 'height');
    return this.self;
  }
  /** "This method now has no effect — previously it set the sandbox mode used for client-side scripts." */
  setSandboxMode(mode: string): this {
    if (!(String(mode) in SandboxMode)) throw new Error('Invalid argument: mode');
    this.sandboxMode = String(mode);
    return this.self;
  }
  setXFrameOptionsMode(mode: string): this {
    if (!(String(mode) in XFrameOptionsMode)) throw new Error('Invalid argument: mode');
    this.xFrameOptionsMode = String(mode);
    return this.self;
  }
  getFaviconUrl(): string {
    return this.faviconUrl;
  }
  setFaviconUrl(iconUrl: string): this {
    this.faviconUrl = String(iconUrl);
    return this.self;
  }
  addMetaTag(name: string, content: string): this {
    this.metaTags.push({ name: String(name), content: String(content) });
    return this.self;
  }
  getMetaTags(): { getName(): string; getContent(): string }[] {
    return this.service.ctx.realm.Array.from(this.metaTags, (t) => ({
      getName: () => t.name,
      getContent: () => t.content,
    }));
  }
  /** "Returns an HtmlTemplate backed by this HtmlOutput." */
  asTemplate(): GoogleAppsScript.HTML.HtmlTemplate {
    return this.service.createTemplate(this.content);
  }
  getBlob(): GoogleAppsScript.Base.Blob {
    return newBlob(this.service.ctx, this.content, 'text/html', this.title || null);
  }
  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    if (contentType !== 'text/html') throw new Error(`Invalid argument: contentType`);
    return this.getBlob();
  }
}

/** One piece of a parsed template. */
type Piece = { kind: 'text' | 'code' | 'print' | 'raw'; text: string };

/** Splits a template into text and scriptlets. */
export function parseTemplate(source: string): Piece[] {
  const pieces: Piece[] = [];
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf('<?', i);
    if (open < 0) {
      pieces.push({ kind: 'text', text: source.slice(i) });
      break;
    }
    if (open > i) pieces.push({ kind: 'text', text: source.slice(i, open) });
    const close = source.indexOf('?>', open + 2);
    if (close < 0) throw new Error('Unterminated scriptlet: missing ?>');
    let body = source.slice(open + 2, close);
    let kind: Piece['kind'] = 'code';
    if (body.startsWith('!=')) {
      kind = 'raw';
      body = body.slice(2);
    } else if (body.startsWith('=')) {
      kind = 'print';
      body = body.slice(1);
    }
    pieces.push({ kind, text: body });
    i = close + 2;
  }
  return pieces;
}

/**
 * Compiles a template to the source of a sloppy-mode function `(vars, output) => void`. Text goes through
 * `output.append`, `<?= ?>` through `output.appendUntrusted`, `<?!= ?>` through `output.append`; the body runs
 * inside `with (vars)` so template variables shadow the script's globals, which stay visible.
 */
export function compileTemplate(source: string): string {
  const body = parseTemplate(source)
    .map((p) => {
      if (p.kind === 'text') return `output.append(${JSON.stringify(p.text)});`;
      if (p.kind === 'print') return `output.appendUntrusted(__show((${p.text})));`;
      if (p.kind === 'raw') return `output.append(__show((${p.text})));`;
      return `${p.text}\n`;
    })
    .join('\n');
  return (
    '(function (__vars, output) {\n' +
    'function __show(v) { return v === undefined || v === null ? "" : String(v); }\n' +
    `with (__vars) {\n${body}\n}\n})`
  );
}

/** An HtmlTemplate. Variables are the properties the script sets on it (`t.rows = …`). */
export class FakeHtmlTemplate {
  readonly #service: FakeHtmlService;
  readonly #source: string;

  constructor(service: FakeHtmlService, source: string) {
    this.#service = service;
    this.#source = source;
  }
  /** "Evaluates this template and returns an HtmlOutput object." */
  evaluate(): GoogleAppsScript.HTML.HtmlOutput {
    const vars: Record<string, unknown> = Object.create(null);
    for (const key of Object.keys(this)) vars[key] = (this as unknown as Record<string, unknown>)[key];
    const output = this.#service.newOutput('');
    const fn = this.#service.ctx.realm.evaluate(compileTemplate(this.#source)) as (
      vars: Record<string, unknown>,
      out: GoogleAppsScript.HTML.HtmlOutput,
    ) => void;
    fn(vars, output);
    return output;
  }
  /** "Generates a string of JavaScript code, based on the template file, that can be evaluated." */
  getCode(): string {
    return compileTemplate(this.#source);
  }
  getCodeWithComments(): string {
    return compileTemplate(this.#source);
  }
  /** "Returns the unprocessed content of this template." */
  getRawContent(): string {
    return this.#source;
  }
}

/** HtmlService over the project's HTML files. */
export class FakeHtmlService {
  readonly SandboxMode = SandboxMode as unknown as typeof GoogleAppsScript.HTML.SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode as unknown as typeof GoogleAppsScript.HTML.XFrameOptionsMode;
  /** Every output created, in order (test helper). */
  readonly outputs: FakeHtmlOutput[] = [];

  constructor(
    readonly ctx: EmulatorContext,
    private readonly files: Record<string, string> = {},
  ) {}

  createHtmlOutput(html?: unknown): GoogleAppsScript.HTML.HtmlOutput {
    return this.newOutput(textOf(html, 'html'));
  }
  /** "Creates a new HtmlOutput object from a file in the code editor." */
  createHtmlOutputFromFile(filename: string): GoogleAppsScript.HTML.HtmlOutput {
    return this.newOutput(this.file(filename));
  }
  createTemplate(html: unknown): GoogleAppsScript.HTML.HtmlTemplate {
    return this.newTemplate(textOf(html, 'html'));
  }
  /** "Creates a new HtmlTemplate object from a file in the code editor." */
  createTemplateFromFile(filename: string): GoogleAppsScript.HTML.HtmlTemplate {
    return this.newTemplate(this.file(filename));
  }
  getUserAgent(): string {
    return 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';
  }

  /** @internal */
  newOutput(content: string): GoogleAppsScript.HTML.HtmlOutput {
    const out = new FakeHtmlOutput(this, content);
    out.self = counted(this.ctx, 'HtmlOutput', out);
    this.outputs.push(out);
    return out.self as unknown as GoogleAppsScript.HTML.HtmlOutput;
  }

  private newTemplate(source: string): GoogleAppsScript.HTML.HtmlTemplate {
    return counted(
      this.ctx,
      'HtmlTemplate',
      new FakeHtmlTemplate(this, source),
    ) as unknown as GoogleAppsScript.HTML.HtmlTemplate;
  }

  private file(filename: unknown): string {
    if (typeof filename !== 'string' || filename === '') throw new Error('Invalid argument: filename');
    const bare = filename.endsWith('.html') ? filename.slice(0, -5) : filename;
    const hit = this.files[bare] ?? this.files[`${bare}.html`];
    if (hit === undefined) throw new Error(missingFileMessage(filename));
    return hit;
  }
}

/** Creates HtmlService over a map of project files (name → content, with or without `.html`). */
export function createHtmlService(
  ctx: EmulatorContext,
  files: Record<string, string> = {},
): { html: FakeHtmlService; HtmlService: GoogleAppsScript.HTML.HtmlService } {
  const html = new FakeHtmlService(ctx, files);
  return {
    html,
    HtmlService: counted(ctx, 'HtmlService', html) as unknown as GoogleAppsScript.HTML.HtmlService,
  };
}
