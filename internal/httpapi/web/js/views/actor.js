// The actor page: an actor's roles over time (the codes it had, by
// publication date), what it did and what was done to it by CAMEO root,
// with whom (who it met, threatened, praised, ...), and its quotes.

import { getJSON } from '../api.js';
import { h, num, plural, s, signed } from '../dom.js';
import { actorLink, articleLink, link } from '../route.js';

const W = 960;

// rolesChart draws each role as a bar from the first to the last
// publication date it was seen on.
function rolesChart(roles) {
  const dated = roles.filter((r) => r.first);
  if (dated.length === 0) return null;
  const t = (d) => Date.parse(d + 'T00:00:00Z');
  let t0 = Math.min(...dated.map((r) => t(r.first)));
  let t1 = Math.max(...dated.map((r) => t(r.last || r.first)));
  if (t1 - t0 < 86400000 * 30) {
    t0 -= 86400000 * 15;
    t1 += 86400000 * 15;
  }
  const left = 170;
  const right = 30;
  const row = 28;
  const height = 30 + row * dated.length;
  const x = (d) => left + ((t(d) - t0) / (t1 - t0)) * (W - left - right);
  const svg = s('svg', { class: 'chart roles', viewBox: `0 0 ${W} ${height}`, role: 'img',
    'aria-label': 'Roles over time: ' + dated.map((r) => `${r.code} from ${r.first} to ${r.last || r.first}`).join('; ') });
  const axis = s('g', { class: 'axis' });
  const y0 = new Date(t0).getUTCFullYear();
  const y1 = new Date(t1).getUTCFullYear();
  const yearStep = Math.max(1, Math.ceil((y1 - y0 + 1) / 10));
  for (let y = y0; y <= y1 + 1; y += yearStep) {
    const d = `${y}-01-01`;
    if (t(d) < t0 || t(d) > t1) continue;
    axis.append(s('line', { x1: x(d), x2: x(d), y1: 10, y2: height - 14 }), s('text', { x: x(d), y: height - 2, 'text-anchor': 'middle' }, String(y)));
  }
  if (axis.childNodes.length === 0) {
    const mid = new Date((t0 + t1) / 2).toISOString().slice(0, 10);
    axis.append(s('text', { x: x(mid), y: height - 2, 'text-anchor': 'middle' }, mid.slice(0, 7)));
  }
  svg.append(axis);
  dated.forEach((r, i) => {
    const y = 14 + i * row;
    const x0 = x(r.first);
    const x1 = Math.max(x(r.last || r.first), x0 + 6);
    svg.append(s('text', { x: left - 8, y: y + 12, 'text-anchor': 'end' }, r.code || '(no code)'));
    const bar = s('rect', { x: x0, y, width: x1 - x0, height: 16, rx: 3, class: 'q1' },
      s('title', {}, `${r.code}${r.country ? ' (' + r.country + ')' : ''}: ${r.first} to ${r.last || r.first}, in ${plural(r.articles, 'article')}`));
    svg.append(bar);
  });
  return svg;
}

// rootTable lists an actor's events by CAMEO root and counterpart.
function rootTable(name, rows, side) {
  if (rows.length === 0) return h('p', { class: 'muted' }, 'None.');
  const other = side === 'source' ? 'target' : 'source';
  return h('div', { class: 'table-wrap' }, h('table', {},
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Root'), h('th', { scope: 'col', class: 'num' }, 'Events'),
      h('th', { scope: 'col', class: 'num' }, 'Mean Goldstein'), h('th', { scope: 'col' }, side === 'source' ? 'With (target)' : 'By (source)'))),
    h('tbody', {}, rows.map((r) => h('tr', {},
      h('th', { scope: 'row' }, h('a', { href: link('events', { [side]: name, root: r.root }) },
        h('span', { class: `swatch r${r.root}` }), ` ${r.root} ${r.label}`)),
      h('td', { class: 'num' }, num(r.count)),
      h('td', { class: 'num' }, signed(r.goldstein)),
      h('td', {}, r.counterparts.length === 0 ? h('span', { class: 'muted' }, 'no target') :
        h('ul', { class: 'counterparts' }, r.counterparts.slice(0, 12).map((c) => h('li', {},
          h('a', { href: actorLink(c.name) }, c.name), ' ',
          h('a', { href: link('events', { [side]: name, [other]: c.name, root: r.root }), class: 'code',
            'aria-label': `${plural(c.count, 'event')} of ${name} and ${c.name} under root ${r.root}` }, `\u00d7${c.count}`))),
          r.counterparts.length > 12 ? h('li', { class: 'muted' }, `and ${r.counterparts.length - 12} more`) : null)))))));
}

// quoteList shows quotes with their speakers and articles.
function quoteList(quotes, empty) {
  if (quotes.length === 0) return h('p', { class: 'muted' }, empty);
  return h('ul', { class: 'hits' }, quotes.map((q) => h('li', {},
    h('blockquote', {}, `\u201c${q.text}\u201d`),
    h('span', { class: 'muted small' }, q.speaker ? `${q.speaker.name}, ` : '', q.published || 'undated', ' \u00b7 ',
      h('a', { href: articleLink(q.article_id) }, q.doc)))));
}

export async function render(root, ctx) {
  const name = ctx.arg;
  const [prof, by, about] = await Promise.all([
    getJSON(`/api/actors/${encodeURIComponent(name)}`),
    getJSON('/api/quotes', { speaker: name, limit: 5, sort: '-date' }),
    getJSON('/api/quotes', { about: name, limit: 5, sort: '-date' }),
  ]);
  const a = prof.actor;
  root.append(h('div', { class: 'view-head' }, h('h1', { tabindex: '-1' }, a.name), h('span', { class: 'badge' }, a.type || 'actor')));
  root.append(h('ul', { class: 'stats' },
    [[a.mentions, 'mention', 'mentions'], [a.articles, 'article', 'articles'], [a.as_source, 'event as source', 'events as source'],
      [a.as_target, 'event as target', 'events as target'], [a.quotes, 'quote', 'quotes']]
      .map(([n, one, many]) => h('li', {}, h('span', { class: 'n' }, num(n)), h('span', { class: 'k' }, n === 1 ? one : many)))));
  root.append(h('ul', { class: 'links' },
    h('li', {}, h('a', { href: link('events', { actor: a.name }) }, 'All events')),
    h('li', {}, h('a', { href: link('timeline', { actor: a.name }) }, 'Timeline')),
    h('li', {}, h('a', { href: link('network', { actor: a.name, node: 'name' }) }, 'Network')),
    h('li', {}, h('a', { href: link('map', { actor: a.name }) }, 'Map')),
    h('li', {}, h('a', { href: link('search', { actor: a.name }) }, 'Articles and quotes'))));

  root.append(h('h2', {}, 'Roles over time'));
  const chart = rolesChart(a.roles);
  if (chart) root.append(chart);
  root.append(h('div', { class: 'table-wrap' }, h('table', { class: 'roles-table' },
    h('thead', {}, h('tr', {}, ['Code', 'Country', 'Sector', 'Articles', 'First seen', 'Last seen'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, a.roles.map((r) => h('tr', {}, h('td', { class: 'code' }, r.code || '\u2014'), h('td', {}, r.country || '\u2014'),
      h('td', {}, r.sector || '\u2014'), h('td', { class: 'num' }, num(r.articles)), h('td', {}, r.first || 'undated'),
      h('td', {}, r.last || 'undated')))))));

  root.append(h('div', { class: 'two-col' },
    h('section', { 'aria-labelledby': 'as-source' }, h('h2', { id: 'as-source' }, `What ${a.name} did`),
      rootTable(a.name, prof.as_source, 'source')),
    h('section', { 'aria-labelledby': 'as-target' }, h('h2', { id: 'as-target' }, `What was done to ${a.name}`),
      rootTable(a.name, prof.as_target, 'target'))));

  root.append(h('div', { class: 'two-col' },
    h('section', {}, h('h2', {}, `Quotes by ${a.name} (${num(by.total)})`), quoteList(by.quotes, 'No quote.')),
    h('section', {}, h('h2', {}, `Quotes about ${a.name} (${num(about.total)})`), quoteList(about.quotes, 'No quote.'))));
}
