// Draws an embedded chart of the playground as inline SVG: column and bar charts, a simple line chart and a
// pie; other types (area, scatter, table) are drawn as columns. Built with createElementNS and
// textContent only: labels, titles and series names never pass through innerHTML.

import type { ChartView } from './session';

const SVG = 'http://www.w3.org/2000/svg';
const FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
const AXIS = '#5f6368';
const GRID = '#e0e0e0';

type Attrs = Record<string, string | number>;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, text?: string) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A hover tooltip (SVG <title>), as text. */
function tip(target: SVGElement, text: string): void {
  target.append(svg('title', {}, text));
}

/** Rough text width at 12px (no layout needed, so charts can be built off-DOM). */
const textW = (s: string, px = 12) => s.length * px * 0.56;

function clip(s: string, width: number, px = 12): string {
  if (textW(s, px) <= width) return s;
  const n = Math.max(1, Math.floor(width / (px * 0.56)) - 1);
  return `${s.slice(0, n)}…`;
}

export function formatNumber(n: number): string {
  const a = Math.abs(n);
  if (a >= 1e6) return `${+(n / 1e6).toFixed(1)}M`;
  if (a >= 1e4) return `${+(n / 1e3).toFixed(1)}K`;
  return Number.isInteger(n) ? n.toLocaleString('en-US') : `${+n.toFixed(2)}`;
}

/** Axis ticks from min to max in a round step (1, 2, 2.5 or 5 × 10^k), about `count` of them. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (hi === lo) hi = lo + 1;
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * mag >= raw) ?? 10) * mag;
  const start = Math.floor(lo / step) * step;
  const ticks: number[] = [];
  for (let v = start; v < hi + step * 0.999; v += step) ticks.push(+v.toFixed(10));
  return ticks;
}

interface Frame {
  root: SVGSVGElement;
  /** The plot area. */
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The SVG with its background, title and (for several series) a legend on the right. */
function frame(c: ChartView, legend: { name: string; color: string }[]): Frame {
  const root = svg('svg', {
    xmlns: SVG,
    width: c.width,
    height: c.height,
    viewBox: `0 0 ${c.width} ${c.height}`,
    class: `chart-svg chart-${c.type.toLowerCase()}`,
    role: 'img',
    'font-family': FONT.replace(/^12px /, ''),
    'font-size': 12,
  });
  root.setAttribute('aria-label', c.title || 'Chart');
  root.append(svg('rect', { x: 0, y: 0, width: c.width, height: c.height, fill: '#fff' }));
  let top = 14;
  if (c.title) {
    root.append(
      svg(
        'text',
        { class: 'chart-title', x: 16, y: 28, 'font-size': 15, fill: '#202124' },
        clip(c.title, c.width - 32, 15),
      ),
    );
    top = 46;
  }
  let right = 20;
  if (legend.length > 0) {
    const lw = Math.min(c.width * 0.3, 24 + Math.max(...legend.map((l) => textW(l.name))));
    const g = svg('g', { class: 'chart-legend' });
    legend.forEach((l, i) => {
      const y = top + 10 + i * 20;
      if (y > c.height - 10) return;
      g.append(svg('rect', { x: c.width - lw - 8, y: y - 9, width: 10, height: 10, rx: 2, fill: l.color }));
      g.append(svg('text', { x: c.width - lw + 8, y, fill: '#202124' }, clip(l.name, lw - 16)));
    });
    root.append(g);
    right = lw + 24;
  }
  return { root, x: 0, y: top, w: c.width - right, h: c.height - top - 12 };
}

const color = (c: ChartView, i: number) => c.colors[i % c.colors.length] ?? '#4285f4';

/** Builds the chart's SVG. */
export function drawChart(c: ChartView): SVGSVGElement {
  const type = ['COLUMN', 'BAR', 'LINE', 'PIE'].includes(c.type) ? c.type : 'COLUMN';
  if (type === 'PIE') return drawPie(c);
  const legend = c.legend ? c.series.map((s, i) => ({ name: s.name, color: color(c, i) })) : [];
  const f = frame(c, legend);
  const values = c.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  if (c.labels.length === 0 || values.length === 0) {
    f.root.append(
      svg('text', { x: c.width / 2, y: c.height / 2, 'text-anchor': 'middle', fill: AXIS }, 'No data'),
    );
    return f.root;
  }
  const ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values));
  const lo = ticks[0]!;
  const hi = ticks[ticks.length - 1]!;
  const horizontal = type === 'BAR';
  const tickW = Math.max(...ticks.map((t) => textW(formatNumber(t)))) + 10;
  const labelW = horizontal ? Math.min(f.w * 0.35, Math.max(...c.labels.map((l) => textW(l))) + 12) : 0;
  // Plot area inside the frame: room for value ticks and category labels.
  const px = f.x + 16 + (horizontal ? labelW : tickW);
  const py = f.y;
  const pw = Math.max(10, f.w - (px - f.x) - 8);
  const ph = Math.max(10, f.h - (horizontal ? 22 : 24));
  const scale = (v: number) => (v - lo) / (hi - lo);
  const g = svg('g', { class: 'chart-plot' });
  // Grid lines and value ticks.
  for (const t of ticks) {
    if (horizontal) {
      const x = px + scale(t) * pw;
      g.append(svg('line', { x1: x, x2: x, y1: py, y2: py + ph, stroke: t === 0 ? AXIS : GRID }));
      g.append(svg('text', { x, y: py + ph + 16, 'text-anchor': 'middle', fill: AXIS }, formatNumber(t)));
    } else {
      const y = py + ph - scale(t) * ph;
      g.append(svg('line', { x1: px, x2: px + pw, y1: y, y2: y, stroke: t === 0 ? AXIS : GRID }));
      g.append(svg('text', { x: px - 8, y: y + 4, 'text-anchor': 'end', fill: AXIS }, formatNumber(t)));
    }
  }
  const n = c.labels.length;
  const band = (horizontal ? ph : pw) / n;
  // Category labels: every one when they fit, else every k-th.
  const every = Math.max(1, Math.ceil((horizontal ? 16 : 40) / band));
  c.labels.forEach((label, i) => {
    if (i % every !== 0) return;
    const mid = (horizontal ? py : px) + band * (i + 0.5);
    const t = horizontal
      ? svg('text', { x: px - 8, y: mid + 4, 'text-anchor': 'end', fill: AXIS }, clip(label, labelW - 8))
      : svg(
          'text',
          { x: mid, y: py + ph + 17, 'text-anchor': 'middle', fill: AXIS },
          clip(label, band * every - 6),
        );
    t.setAttribute('class', 'chart-label');
    tip(t, label);
    g.append(t);
  });
  const zero = scale(Math.max(lo, Math.min(0, hi)));
  if (type === 'LINE') {
    c.series.forEach((s, k) => {
      const points: string[] = [];
      const dots: SVGElement[] = [];
      s.values.forEach((v, i) => {
        if (v === null) return;
        const x = px + band * (i + 0.5);
        const y = py + ph - scale(v) * ph;
        points.push(`${x.toFixed(1)},${y.toFixed(1)}`);
        const dot = svg('circle', { class: 'point', cx: x, cy: y, r: 3.5, fill: color(c, k) });
        tip(dot, `${c.labels[i]} — ${s.name}: ${formatNumber(v)}`);
        dots.push(dot);
      });
      g.append(
        svg('polyline', {
          class: 'line',
          points: points.join(' '),
          fill: 'none',
          stroke: color(c, k),
          'stroke-width': 2,
        }),
        ...dots,
      );
    });
  } else {
    const m = Math.max(1, c.series.length);
    const inner = band * 0.7;
    const bw = inner / m;
    c.series.forEach((s, k) => {
      s.values.forEach((v, i) => {
        if (v === null) return;
        const at = band * i + (band - inner) / 2 + bw * k;
        const a = Math.min(zero, scale(v));
        const b = Math.max(zero, scale(v));
        const rect = horizontal
          ? svg('rect', { x: px + a * pw, y: py + at, width: (b - a) * pw, height: bw })
          : svg('rect', { x: px + at, y: py + ph - b * ph, width: bw, height: (b - a) * ph });
        rect.setAttribute('class', 'bar');
        rect.setAttribute('fill', color(c, k));
        rect.dataset.label = c.labels[i] ?? '';
        rect.dataset.value = String(v);
        tip(rect, `${c.labels[i]} — ${s.name}: ${formatNumber(v)}`);
        g.append(rect);
      });
    });
  }
  f.root.append(g);
  return f.root;
}

/** A pie of the first series; the legend lists the labels with their share. */
function drawPie(c: ChartView): SVGSVGElement {
  const s = c.series[0];
  const parts = c.labels
    .map((label, i) => ({ label, v: s?.values[i] ?? null, i }))
    .filter((p): p is { label: string; v: number; i: number } => p.v !== null && p.v > 0);
  const total = parts.reduce((a, p) => a + p.v, 0);
  const legend = parts.map((p) => ({
    name: `${p.label} (${Math.round((p.v / total) * 100)}%)`,
    color: color(c, p.i),
  }));
  const f = frame({ ...c, legend: true }, legend);
  if (total <= 0) {
    f.root.append(
      svg('text', { x: c.width / 2, y: c.height / 2, 'text-anchor': 'middle', fill: AXIS }, 'No data'),
    );
    return f.root;
  }
  const r = Math.max(10, Math.min(f.w, f.h) / 2 - 8);
  const cx = f.x + f.w / 2;
  const cy = f.y + f.h / 2;
  const g = svg('g', { class: 'chart-plot' });
  let angle = -Math.PI / 2;
  for (const p of parts) {
    const sweep = (p.v / total) * Math.PI * 2;
    const slice =
      sweep >= Math.PI * 2 - 1e-9
        ? svg('circle', { cx, cy, r })
        : svg('path', {
            d: [
              `M ${cx} ${cy}`,
              `L ${cx + r * Math.cos(angle)} ${cy + r * Math.sin(angle)}`,
              `A ${r} ${r} 0 ${sweep > Math.PI ? 1 : 0} 1 ${cx + r * Math.cos(angle + sweep)} ${cy + r * Math.sin(angle + sweep)}`,
              'Z',
            ].join(' '),
          });
    slice.setAttribute('class', 'slice');
    slice.setAttribute('fill', color(c, p.i));
    slice.setAttribute('stroke', '#fff');
    tip(slice, `${p.label}: ${formatNumber(p.v)} (${Math.round((p.v / total) * 100)}%)`);
    g.append(slice);
    angle += sweep;
  }
  f.root.append(g);
  return f.root;
}
