// The map: an equirectangular SVG world with a graticule, the country
// outlines when the binary embeds them (go generate; Natural Earth), and a
// circle per place with events, sized by count and coloured by mean
// Goldstein value. No tile server: nothing leaves this server.

import { getJSON } from '../api.js';
import { activate, h, num, s, signed } from '../dom.js';
import { goldsteinColour, goldsteinLegend } from '../colour.js';
import { countries, pathData } from '../topojson.js';
import { link, pick } from '../route.js';

const W = 1000;
const H = 500;

// project maps longitude and latitude to the map's coordinates.
export function project(lon, lat) {
  return [((lon + 180) / 360) * W, ((90 - lat) / 180) * H];
}

let worldPaths = null;

// world returns the country outlines as path data, fetched once; null
// when the binary has none.
async function world(available) {
  if (!available) return null;
  if (!worldPaths) {
    worldPaths = getJSON('/geo/world.json')
      .then((topo) => countries(topo).map((c) => ({ name: c.name, d: pathData(c.rings, project) })))
      .catch(() => null);
  }
  return worldPaths;
}

// graticule draws meridians and parallels every 30 degrees, and every 10
// degrees faintly when there are no outlines to find one's way by.
function graticule(fine) {
  const g = s('g', {});
  if (fine) {
    let minor = '';
    for (let lon = -170; lon <= 170; lon += 10) minor += `M${project(lon, 0)[0]} 0V${H}`;
    for (let lat = -80; lat <= 80; lat += 10) minor += `M0 ${project(0, lat)[1]}H${W}`;
    g.append(s('path', { class: 'graticule minor', d: minor, 'vector-effect': 'non-scaling-stroke' }));
  }
  let d = '';
  for (let lon = -150; lon <= 150; lon += 30) {
    const [x] = project(lon, 0);
    d += `M${x} 0V${H}`;
  }
  for (let lat = -60; lat <= 60; lat += 30) {
    if (lat === 0) continue;
    const [, y] = project(0, lat);
    d += `M0 ${y}H${W}`;
  }
  g.append(s('path', { class: 'graticule', d, 'vector-effect': 'non-scaling-stroke' }));
  g.append(s('path', { class: 'equator', d: `M0 ${H / 2}H${W}`, 'vector-effect': 'non-scaling-stroke' }));
  for (let lat = -60; lat <= 60; lat += 30) {
    const [, y] = project(0, lat);
    g.append(s('text', { class: 'label', x: 4, y: y - 3 }, lat === 0 ? '0\u00b0' : `${Math.abs(lat)}\u00b0${lat > 0 ? 'N' : 'S'}`));
  }
  for (let lon = -150; lon <= 150; lon += 30) {
    const [x] = project(lon, 0);
    g.append(s('text', { class: 'label', x: x + 3, y: H - 4 }, lon === 0 ? '0\u00b0' : `${Math.abs(lon)}\u00b0${lon > 0 ? 'E' : 'W'}`));
  }
  return g;
}

export async function render(root, ctx) {
  const f = pick(ctx.params);
  root.append(h('div', { class: 'view-head' }, h('h1', { tabindex: '-1' }, 'Map')));
  const [data, outlines] = await Promise.all([getJSON('/api/map', ctx.filter()), world(ctx.info.world_map)]);
  const svg = s('svg', { class: 'chart', viewBox: `0 0 ${W} ${H}`, role: 'group',
    'aria-label': `Map of ${num(data.points.length)} places with events` });
  const content = s('g', {});
  content.append(s('rect', { class: 'ocean', x: 0, y: 0, width: W, height: H }));
  if (outlines) {
    const land = s('g', { class: 'countries' });
    for (const c of outlines) land.append(s('path', { class: 'land', d: c.d, 'vector-effect': 'non-scaling-stroke' }, s('title', {}, c.name)));
    content.append(land);
  }
  content.append(graticule(!outlines), s('rect', { class: 'frame', x: 0, y: 0, width: W, height: H, 'vector-effect': 'non-scaling-stroke' }));
  const max = Math.max(1, ...data.points.map((p) => p.count));
  const pointLayer = s('g', { class: 'points' });
  const circles = [];
  const labels = [];
  // Largest first, so small places stay on top and clickable.
  for (const p of [...data.points].sort((a, b) => b.count - a.count)) {
    const [x, y] = project(p.lon, p.lat);
    const r = 3 + 12 * Math.sqrt(p.count / max);
    const label = `${p.name}${p.country ? ', ' + p.country : ''}: ${num(p.count)} events, mean Goldstein ${signed(p.goldstein)}`;
    const c = s('circle', { class: 'point', cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1), fill: goldsteinColour(p.goldstein),
      'data-place': p.name }, s('title', {}, label));
    c.baseRadius = r;
    activate(c, label + '; show these events', () => {
      location.hash = link('events', { ...f, place: p.name, place_country: p.country });
    });
    circles.push(c);
    pointLayer.append(c);
  }
  // Names beside the points, biggest places first; they take no clicks.
  const labelLayer = s('g', { class: 'point-labels', 'aria-hidden': 'true' });
  for (const c of circles.slice(0, 30)) {
    const t = s('text', { class: 'point-label', x: c.getAttribute('cx'), y: c.getAttribute('cy') }, c.dataset.place);
    t.baseRadius = c.baseRadius;
    labels.push(t);
    labelLayer.append(t);
  }
  content.append(pointLayer, labelLayer);
  svg.append(content);
  const wrap = h('div', { class: 'map map-wrap' }, svg);
  root.append(wrap);
  // Without outlines a close view shows only sea: start with the world.
  zoomable(wrap, svg, circles, labels, outlines ? fitView(data.points) : { x: 0, y: 0, w: W, h: H });

  root.append(goldsteinLegend('Circle colour: mean Goldstein', 'area: number of events'));
  root.append(h('p', { class: 'muted small' },
    outlines ? 'Country outlines: Natural Earth (public domain). ' : 'Country outlines are not built into this binary (go generate ./internal/httpapi); the graticule shows 30\u00b0 steps, 10\u00b0 faintly. ',
    'Drag to pan, use the buttons or the wheel to zoom, select a place for its events.'));
  if (data.points.length === 0) {
    root.append(h('p', { class: 'muted' }, 'No event with a place matches these filters.'));
    return;
  }
  const rows = data.points.slice(0, 100).map((p) => h('tr', {},
    h('th', { scope: 'row' }, h('a', { href: link('events', { ...f, place: p.name, place_country: p.country }) }, p.name)),
    h('td', {}, p.admin1 || ''), h('td', {}, p.country), h('td', { class: 'num' }, num(p.count)),
    h('td', { class: 'num' }, p.goldstein.toFixed(2))));
  root.append(h('h2', {}, 'Places'), h('div', { class: 'table-wrap' }, h('table', {},
    h('thead', {}, h('tr', {}, ['Place', 'Region', 'Country', 'Events', 'Mean Goldstein'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows))));
}

// fitView returns the part of the map that shows every point with a
// margin, at the map's aspect ratio and no closer than 45 degrees across.
export function fitView(points) {
  if (points.length === 0) return { x: 0, y: 0, w: W, h: H };
  const xy = points.map((p) => project(p.lon, p.lat));
  const x0 = Math.min(...xy.map((p) => p[0]));
  const x1 = Math.max(...xy.map((p) => p[0]));
  const y0 = Math.min(...xy.map((p) => p[1]));
  const y1 = Math.max(...xy.map((p) => p[1]));
  const pad = Math.max((x1 - x0) * 0.2, (y1 - y0) * 0.2, W / 24);
  let w = Math.max(x1 - x0 + 2 * pad, 2 * (y1 - y0 + 2 * pad), W / 8);
  if (w >= W) return { x: 0, y: 0, w: W, h: H };
  const h2 = (w * H) / W;
  const x = Math.min(Math.max((x0 + x1) / 2 - w / 2, 0), W - w);
  const y = Math.min(Math.max((y0 + y1) / 2 - h2 / 2, 0), H - h2);
  return { x, y, w, h: h2 };
}

// zoomable adds zoom buttons, wheel zoom and drag panning by moving the
// SVG's viewBox; circles keep their size on screen. It starts at initial.
function zoomable(wrap, svg, circles, labels, initial) {
  let view = initial;
  const apply = () => {
    svg.setAttribute('viewBox', `${view.x.toFixed(2)} ${view.y.toFixed(2)} ${view.w.toFixed(2)} ${view.h.toFixed(2)}`);
    // Zoomed in k times, a circle grows only k^0.25 times on screen.
    const k = W / view.w;
    for (const c of circles) c.setAttribute('r', (c.baseRadius / Math.pow(k, 0.75)).toFixed(2));
    // Labels keep their size on screen; one that would overlap a label
    // of a bigger place is hidden until a closer view makes room.
    const placed = [];
    for (const t of labels) {
      const size = 11 / k;
      const dx = t.baseRadius / Math.pow(k, 0.75) + 3 / k;
      t.setAttribute('font-size', size.toFixed(2));
      t.setAttribute('dx', dx.toFixed(2));
      t.setAttribute('dy', (size * 0.35).toFixed(2));
      const x = Number(t.getAttribute('x')) + dx;
      const y = Number(t.getAttribute('y')) - size * 0.6;
      const box = { x0: x, x1: x + size * 0.6 * t.textContent.length, y0: y, y1: y + size * 1.2 };
      const free = placed.every((b) => box.x1 < b.x0 || box.x0 > b.x1 || box.y1 < b.y0 || box.y0 > b.y1);
      t.setAttribute('visibility', free ? 'visible' : 'hidden');
      if (free) placed.push(box);
    }
  };
  const zoom = (factor, cx = view.x + view.w / 2, cy = view.y + view.h / 2) => {
    const w = Math.min(W, Math.max(W / 16, view.w / factor));
    const hh = (w * H) / W;
    view = clamp({ x: cx - ((cx - view.x) * w) / view.w, y: cy - ((cy - view.y) * hh) / view.h, w, h: hh });
    apply();
  };
  const clamp = (v) => ({ ...v, x: Math.min(Math.max(v.x, 0), W - v.w), y: Math.min(Math.max(v.y, 0), H - v.h) });
  wrap.append(h('div', { class: 'zoom' },
    h('button', { type: 'button', 'aria-label': 'Zoom in', title: 'Zoom in', onclick: () => zoom(2) }, '+'),
    h('button', { type: 'button', 'aria-label': 'Zoom out', title: 'Zoom out', onclick: () => zoom(0.5) }, '\u2212'),
    h('button', { type: 'button', 'aria-label': 'Show the whole world', onclick: () => { view = { x: 0, y: 0, w: W, h: H }; apply(); } }, 'World'),
    h('button', { type: 'button', 'aria-label': 'Fit the places', onclick: () => { view = initial; apply(); } }, 'Fit')));
  apply();
  const toSVG = (ev) => {
    const r = svg.getBoundingClientRect();
    return [view.x + ((ev.clientX - r.left) / r.width) * view.w, view.y + ((ev.clientY - r.top) / r.height) * view.h];
  };
  svg.addEventListener('wheel', (ev) => {
    ev.preventDefault();
    const [x, y] = toSVG(ev);
    zoom(ev.deltaY < 0 ? 1.25 : 0.8, x, y);
  }, { passive: false });
  let drag = null;
  svg.addEventListener('pointerdown', (ev) => {
    if (ev.target.classList.contains('point')) return;
    drag = { x: ev.clientX, y: ev.clientY, view };
    svg.setPointerCapture(ev.pointerId);
    svg.classList.add('dragging');
  });
  svg.addEventListener('pointermove', (ev) => {
    if (!drag) return;
    const r = svg.getBoundingClientRect();
    view = clamp({ ...drag.view, x: drag.view.x - ((ev.clientX - drag.x) / r.width) * drag.view.w,
      y: drag.view.y - ((ev.clientY - drag.y) / r.height) * drag.view.h });
    apply();
  });
  const end = () => { drag = null; svg.classList.remove('dragging'); };
  svg.addEventListener('pointerup', end);
  svg.addEventListener('pointercancel', end);
}
