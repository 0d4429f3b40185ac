// The actor network: nodes are actors (by code or name) or countries,
// edges the directed dyads between them, as wide as their event counts and
// coloured by their mean Goldstein value. An edge links to the events of
// its dyad, a node to its actor or country.

import { getJSON } from '../api.js';
import { activate, h, num, s, signed } from '../dom.js';
import { goldsteinColour, goldsteinLegend } from '../colour.js';
import { layout } from '../force.js';
import { actorLink, link, pick } from '../route.js';

const W = 960;
const H = 640;

// dyadFilter returns the event filter of one edge or node for a node kind.
function sideFilter(kind, side, id) {
  if (kind === 'country') return { [`${side}_country`]: id };
  return { [side]: id };
}

export async function render(root, ctx) {
  const params = ctx.params;
  const kind = params.get('node') || 'country';
  const limit = Number(params.get('limit')) || 60;
  const f = pick(params);
  const choose = (k, v) => { location.hash = link('network', { ...Object.fromEntries(params), [k]: v }); };
  root.append(
    h('div', { class: 'view-head' }, h('h1', { tabindex: '-1' }, 'Network')),
    h('div', { class: 'controls' },
      h('span', {}, h('label', { for: 'nw-node' }, 'Nodes'),
        h('select', { id: 'nw-node', onchange: (ev) => choose('node', ev.target.value) },
          [['country', 'Countries'], ['code', 'Actor codes'], ['name', 'Actors by name']]
            .map(([v, l]) => h('option', { value: v, selected: v === kind }, l)))),
      h('span', {}, h('label', { for: 'nw-limit' }, 'Edges'),
        h('select', { id: 'nw-limit', onchange: (ev) => choose('limit', ev.target.value) },
          [20, 60, 150, 300].map((n) => h('option', { value: String(n), selected: n === limit }, `top ${n}`))))));

  const data = await getJSON('/api/network', { ...ctx.filter(), node: kind, limit });
  const svg = s('svg', { class: 'chart network', viewBox: `0 0 ${W} ${H}`, role: 'group',
    'aria-label': `Network of ${num(data.edges.length)} dyads between ${num(data.nodes.length)} ${kind === 'country' ? 'countries' : 'actors'}` });
  root.append(svg);
  if (data.edges.length === 0) {
    svg.append(s('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'empty' }, 'No event with a target matches these filters.'));
    return;
  }
  const pos = layout(data.nodes, data.edges, { width: W, height: H, margin: 60 });
  const at = new Map(data.nodes.map((n, i) => [n.id, pos[i]]));
  const maxCount = Math.max(...data.edges.map((e) => e.count));
  const maxEvents = Math.max(...data.nodes.map((n) => n.events));
  const radius = (n) => 6 + 14 * Math.sqrt(n.events / maxEvents);
  const radiusOf = new Map(data.nodes.map((n) => [n.id, radius(n)]));
  const pairs = new Set(data.edges.map((e) => `${e.source}\u0000${e.target}`));
  const name = (id) => id || (kind === 'country' ? '(no country)' : '(unknown)');

  const edgeLayer = s('g', { class: 'edges' });
  // Draw the widest edges first, so narrow ones stay visible on top.
  for (const e of [...data.edges].sort((a, b) => b.count - a.count)) {
    const a = at.get(e.source);
    const b = at.get(e.target);
    const width = 1.5 + 9 * Math.sqrt(e.count / maxCount);
    const colour = goldsteinColour(e.goldstein);
    let d;
    let tip;
    let dir;
    if (e.source === e.target) {
      // A loop above the node.
      const r = radiusOf.get(e.source);
      d = `M${a.x - r * 0.6} ${a.y - r * 0.8} C${a.x - 2.5 * r} ${a.y - 4 * r} ${a.x + 2.5 * r} ${a.y - 4 * r} ${a.x + r * 0.6} ${a.y - r * 0.8}`;
      tip = { x: a.x + r * 0.6, y: a.y - r * 0.8 };
      dir = { x: -0.35, y: 0.94 };
    } else {
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const len = Math.hypot(dx, dy) || 1;
      // Reciprocal dyads bend apart so that both stay visible.
      const bend = pairs.has(`${e.target}\u0000${e.source}`) ? 0.15 * len : 0;
      const cx = (a.x + b.x) / 2 + (dy / len) * bend;
      const cy = (a.y + b.y) / 2 - (dx / len) * bend;
      // Stop at the target's rim; the arrow follows the curve's tangent.
      const tx = b.x - cx;
      const ty = b.y - cy;
      const tl = Math.hypot(tx, ty) || 1;
      const rb = radiusOf.get(e.target) + 2;
      tip = { x: b.x - (tx / tl) * rb, y: b.y - (ty / tl) * rb };
      dir = { x: tx / tl, y: ty / tl };
      d = `M${a.x.toFixed(1)} ${a.y.toFixed(1)} Q${cx.toFixed(1)} ${cy.toFixed(1)} ${tip.x.toFixed(1)} ${tip.y.toFixed(1)}`;
    }
    const al = 6 + width;
    const aw = 3 + width / 1.5;
    const arrow = [
      [tip.x, tip.y],
      [tip.x - dir.x * al - dir.y * aw, tip.y - dir.y * al + dir.x * aw],
      [tip.x - dir.x * al + dir.y * aw, tip.y - dir.y * al - dir.x * aw],
    ].map((p) => p.map((v) => v.toFixed(1)).join(',')).join(' ');
    const label = `${name(e.source)} \u2192 ${name(e.target)}: ${num(e.count)} events, mean Goldstein ${signed(e.goldstein)}`;
    const g = s('g', { class: 'edge-group', 'data-source': e.source, 'data-target': e.target },
      s('title', {}, label),
      s('path', { class: 'edge-hit', d }),
      s('path', { class: 'edge', d, stroke: colour, 'stroke-width': width.toFixed(2) }),
      s('polygon', { class: 'arrow', points: arrow, fill: colour }));
    if (e.source && e.target) {
      activate(g, label + '; show these events', () => {
        location.hash = link('events', { ...f, ...sideFilter(kind, 'source', e.source), ...sideFilter(kind, 'target', e.target) });
      });
    }
    edgeLayer.append(g);
  }
  const nodeLayer = s('g', { class: 'nodes' });
  for (const n of data.nodes) {
    const p = at.get(n.id);
    const r = radiusOf.get(n.id);
    const label = `${name(n.id)}: ${num(n.events)} events (${num(n.out)} as source, ${num(n.in)} as target)`;
    const g = s('g', { class: n.id ? 'node' : 'node inactive', 'data-id': n.id },
      s('title', {}, label),
      s('circle', { cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: r.toFixed(1) }),
      s('text', { x: (p.x + r + 3).toFixed(1), y: (p.y + 4).toFixed(1) }, name(n.id)));
    if (n.id) {
      const go = kind === 'name'
        ? () => { location.hash = actorLink(n.id); }
        : () => { location.hash = link('events', { ...f, ...(kind === 'country' ? { country: n.id } : { actor: n.id }) }); };
      activate(g, label + (kind === 'name' ? '; open the actor' : '; show these events'), go);
    }
    nodeLayer.append(g);
  }
  svg.append(edgeLayer, nodeLayer);

  root.append(goldsteinLegend('Edge colour: mean Goldstein', 'width: number of events; arrow: source \u2192 target'));
  root.append(h('p', { class: 'muted small' },
    `The ${num(data.edges.length)} most frequent dyads. Select an edge for the events of its dyad, a node for its `,
    kind === 'name' ? 'actor page.' : 'events.'));
  const rows = data.edges.map((e) => h('tr', {},
    h('td', {}, name(e.source)), h('td', {}, name(e.target)), h('td', { class: 'num' }, num(e.count)),
    h('td', { class: 'num' }, e.goldstein.toFixed(2)), e.quad.map((q) => h('td', { class: 'num' }, num(q)))));
  root.append(h('details', {}, h('summary', {}, 'Data table'),
    h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, ['Source', 'Target', 'Events', 'Mean Goldstein', 'Q1', 'Q2', 'Q3', 'Q4']
        .map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, rows)))));
}
