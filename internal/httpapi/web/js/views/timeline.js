// The timeline: filtered events per day, week or month as SVG stacked bars,
// by quad class or CAMEO root. A bar links to the events of its period.

import { getJSON } from '../api.js';
import { activate, h, num, s, signed } from '../dom.js';
import { link, pick } from '../route.js';

const W = 960;
const H = 380;
const M = { top: 16, right: 16, bottom: 56, left: 52 };

// periods returns every period from first to last, so that the time axis
// has no holes: YYYY-MM for months, YYYY-MM-DD (Mondays for weeks).
export function periods(first, last, interval) {
  const out = [];
  if (interval === 'month') {
    let [y, m] = first.split('-').map(Number);
    const [ly, lm] = last.split('-').map(Number);
    while (y < ly || (y === ly && m <= lm)) {
      out.push(`${y}-${String(m).padStart(2, '0')}`);
      if (++m > 12) { m = 1; y++; }
      if (out.length > 5000) break;
    }
    return out;
  }
  const step = interval === 'week' ? 7 : 1;
  const end = Date.parse(last + 'T00:00:00Z');
  for (let t = Date.parse(first + 'T00:00:00Z'); t <= end; t += step * 86400000) {
    out.push(new Date(t).toISOString().slice(0, 10));
    if (out.length > 5000) break;
  }
  return out;
}

// periodRange returns the first and last day of a period.
export function periodRange(p, interval) {
  if (interval === 'month') {
    const [y, m] = p.split('-').map(Number);
    const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    return [`${p}-01`, last];
  }
  if (interval === 'week') {
    const end = new Date(Date.parse(p + 'T00:00:00Z') + 6 * 86400000).toISOString().slice(0, 10);
    return [p, end];
  }
  return [p, p];
}

// niceStep returns a round tick step for a maximum.
function niceStep(max, ticks = 5) {
  const raw = Math.max(max, 1) / ticks;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const f = raw / mag;
  const step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
  return Math.max(1, step);
}

export async function render(root, ctx) {
  const params = ctx.params;
  const interval = params.get('interval') || 'month';
  const by = params.get('by') === 'root' ? 'root' : 'quad';
  const f = pick(params);
  const choose = (k, v) => { location.hash = link('timeline', { ...Object.fromEntries(params), [k]: v }); };
  const control = (id, label, value, options, key) => h('span', {},
    h('label', { for: id }, label),
    h('select', { id, onchange: (ev) => choose(key, ev.target.value) },
      options.map(([v, l]) => h('option', { value: v, selected: v === value }, l))));
  root.append(
    h('div', { class: 'view-head' }, h('h1', { tabindex: '-1' }, 'Timeline')),
    h('div', { class: 'controls' },
      control('tl-interval', 'Interval', interval, [['day', 'Day'], ['week', 'Week'], ['month', 'Month']], 'interval'),
      control('tl-by', 'Stack by', by, [['quad', 'Quad class'], ['root', 'CAMEO root']], 'by')));
  const data = await getJSON('/api/timeline', { ...ctx.filter(), interval, by });
  const points = data.points;
  const keys = by === 'quad' ? ['1', '2', '3', '4'] : [...new Set(points.map((p) => p.key))].sort();
  const label = (k) => by === 'quad' ? ctx.codes.quads.get(Number(k)) || `Quad ${k}` : `${k} ${ctx.codes.byCode.get(k)?.label || ''}`;
  const cls = (k) => by === 'quad' ? `q${k}` : `r${k}`;

  const svg = s('svg', { class: 'chart timeline', viewBox: `0 0 ${W} ${H}`, role: 'group',
    'aria-label': `Events per ${interval}, stacked by ${by === 'quad' ? 'quad class' : 'CAMEO root'}` });
  root.append(svg);
  if (points.length === 0) {
    svg.append(s('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'empty' }, 'No dated event matches these filters.'));
    return;
  }
  const byPeriod = new Map();
  for (const p of points) {
    if (!byPeriod.has(p.period)) byPeriod.set(p.period, new Map());
    byPeriod.get(p.period).set(p.key, p);
  }
  const all = [...byPeriod.keys()].sort();
  let ps = periods(all[0], all[all.length - 1], interval);
  if (ps.length > 5000) ps = all;
  const totals = ps.map((p) => [...(byPeriod.get(p)?.values() || [])].reduce((a, x) => a + x.count, 0));
  const max = Math.max(...totals, 1);
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const bw = iw / ps.length;
  const y = (v) => M.top + ih - (v / top) * ih;

  const grid = s('g', { class: 'grid' });
  const axis = s('g', { class: 'axis' });
  for (let v = 0; v <= top; v += step) {
    grid.append(s('line', { x1: M.left, x2: W - M.right, y1: y(v), y2: y(v) }));
    axis.append(s('text', { x: M.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, num(v)));
  }
  axis.append(s('line', { x1: M.left, x2: W - M.right, y1: y(0), y2: y(0) }));
  const every = Math.ceil(ps.length / 12);
  ps.forEach((p, i) => {
    if (i % every !== 0) return;
    const x = M.left + i * bw + bw / 2;
    axis.append(s('line', { x1: x, x2: x, y1: y(0), y2: y(0) + 4 }));
    axis.append(s('text', { x, y: y(0) + 18, 'text-anchor': 'middle' }, p));
  });
  axis.append(s('text', { x: 14, y: M.top + ih / 2, transform: `rotate(-90 14 ${M.top + ih / 2})`, 'text-anchor': 'middle' }, 'events'));
  svg.append(grid, axis);

  const bars = s('g', { class: 'bars' });
  ps.forEach((p, i) => {
    const at = byPeriod.get(p);
    if (!at) return;
    const x = M.left + i * bw;
    const g = s('g', { class: 'bar', 'data-period': p });
    let base = 0;
    const lines = [];
    for (const k of keys) {
      const pt = at.get(k);
      if (!pt) continue;
      const r = s('rect', { x: x + bw * 0.1, width: Math.max(bw * 0.8, 1), y: y(base + pt.count), height: y(base) - y(base + pt.count),
        class: cls(k), 'data-key': k });
      r.append(s('title', {}, `${p} \u00b7 ${label(k)}: ${num(pt.count)} (mean Goldstein ${signed(pt.goldstein)})`));
      g.append(r);
      base += pt.count;
      lines.push(`${label(k)} ${pt.count}`);
    }
    g.prepend(s('rect', { class: 'hit', x, width: bw, y: M.top, height: ih }));
    const [from, to] = periodRange(p, interval);
    activate(g, `${p}: ${num(base)} events (${lines.join(', ')}); show them`, () => {
      location.hash = link('events', { ...f, from, to });
    });
    bars.append(g);
  });
  svg.append(bars);

  root.append(h('ul', { class: 'legend', 'aria-label': 'Legend' },
    keys.map((k) => h('li', {}, h('span', { class: `swatch ${cls(k)}` }), label(k)))));
  root.append(h('p', { class: 'muted small' }, 'Select a bar to list its events. Events without a date or publication date are left out.'));

  const rows = ps.filter((p) => byPeriod.has(p)).map((p) => h('tr', {}, h('th', { scope: 'row' }, p),
    keys.map((k) => h('td', { class: 'num' }, num(byPeriod.get(p).get(k)?.count || 0)))));
  root.append(h('details', {}, h('summary', {}, 'Data table'),
    h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, interval), keys.map((k) => h('th', { scope: 'col', class: 'num' }, label(k))))),
      h('tbody', {}, rows)))));
}
