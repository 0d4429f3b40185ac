// The event table: one page of the filtered events, sortable by date and
// Goldstein value, each row linking to its actors and to the article with
// the event's evidence highlighted. A toggle switches to the merged events
// (one row per happening, however many articles report it).

import { getJSON } from '../api.js';
import { h, num, truncate } from '../dom.js';
import { quadShort } from '../colour.js';
import { actorLink, articleLink, link, pick } from '../route.js';

const pageSizes = [25, 50, 100, 200];

// actorCell shows an actor reference: its name (linked) and code.
function actorCell(ref) {
  if (!ref) return h('td', { class: 'muted' }, '\u2014');
  return h('td', {}, h('a', { href: actorLink(ref.name), class: 'actor' }, ref.name), h('br'),
    h('span', { class: 'code' }, ref.code || ref.country || ''));
}

// sortHeader is a column header that sorts by key ascending, then
// descending.
function sortHeader(label, key, sort, params, cls) {
  const asc = sort === key;
  const desc = sort === '-' + key;
  const next = asc ? '-' + key : key;
  const p = { ...Object.fromEntries(params), sort: next };
  delete p.offset;
  return h('th', { scope: 'col', class: cls, 'aria-sort': asc ? 'ascending' : desc ? 'descending' : 'none' },
    h('button', { type: 'button', class: 'sort', onclick: () => { location.hash = link('events', p); } }, label));
}

export async function render(root, ctx) {
  const params = ctx.params;
  const sort = params.get('sort') || 'date';
  const limit = Number(params.get('limit')) || 50;
  const offset = Number(params.get('offset')) || 0;
  root.append(h('div', { class: 'view-head' }, h('h1', { tabindex: '-1' }, 'Events'), grouping(params, 'events')));
  const data = await getJSON('/api/events', { ...ctx.filter(), sort, limit, offset });
  const f = pick(params);
  root.append(h('ul', { class: 'links' },
    h('li', {}, h('a', { href: link('timeline', f) }, 'Timeline of these events')),
    h('li', {}, h('a', { href: link('network', f) }, 'Their network')),
    h('li', {}, h('a', { href: link('map', f) }, 'Their places'))));
  if (data.events.length === 0) {
    root.append(h('p', { class: 'muted' }, data.total === 0
      ? 'No event matches these filters.'
      : 'No event on this page.'));
    return;
  }
  const rows = data.events.map((e) => {
    const code = ctx.codes.byCode.get(e.cameo);
    return h('tr', { 'data-event': `${e.article_id}/${e.id}` },
      h('td', { class: 'nowrap', title: e.date ? `coded date ${e.date}` : 'dated by publication' }, e.day || '\u2014'),
      actorCell(e.source),
      h('td', {},
        h('span', { class: 'code' }, e.cameo), ' ', code ? code.label : '',
        e.plover ? h('span', { class: 'code' }, ` \u00b7 ${e.plover}`) : null,
        h('span', { class: 'sentence' }, truncate(e.sentence_text, 200))),
      actorCell(e.target),
      h('td', {}, h('span', { class: `quad q${e.quad}` }, quadShort[e.quad] || String(e.quad))),
      h('td', { class: 'num' }, e.goldstein.toFixed(1)),
      h('td', {}, e.mode),
      h('td', {}, e.place ? `${e.place.name}${e.place.country ? ', ' + e.place.country : ''}` : '\u2014'),
      h('td', {}, h('a', { href: articleLink(e.article_id, e.id), class: 'evidence',
        'aria-label': `Evidence of event ${e.id} in ${e.doc}` }, e.doc)));
  });
  const table = h('table', { class: 'events' },
    h('caption', {}, `Events ${num(offset + 1)}\u2013${num(offset + data.events.length)} of ${num(data.total)}`),
    h('thead', {}, h('tr', {},
      sortHeader('Date', 'date', sort, params),
      h('th', { scope: 'col' }, 'Source'),
      h('th', { scope: 'col' }, 'Event'),
      h('th', { scope: 'col' }, 'Target'),
      h('th', { scope: 'col' }, 'Quad'),
      sortHeader('Goldstein', 'goldstein', sort, params, 'num'),
      h('th', { scope: 'col' }, 'Mode'),
      h('th', { scope: 'col' }, 'Place'),
      h('th', { scope: 'col' }, 'Article'))),
    h('tbody', {}, rows));
  root.append(h('div', { class: 'table-wrap' }, table), pager(params, data, limit, offset));
}

// mergedFilter returns the part of an event filter that merged events
// take: codes, dates, the article, and actor values that are country codes
// (merge keys are countries, country/sector or organisation codes).
function mergedFilter(params) {
  const f = {};
  const key = (v) => /^[A-Z]{3}$/.test(v || '') ? v : '';
  for (const k of ['actor', 'source', 'target']) f[k] = key(params.get(k));
  if (!f.actor && params.get('country')) f.actor = params.get('country').toUpperCase();
  f.cameo = params.get('cameo') || params.get('root') || '';
  for (const k of ['from', 'to', 'article_id']) f[k] = params.get(k) || '';
  return f;
}

// grouping is the toggle between each report as an event and the merged
// events.
export function grouping(params, current) {
  const item = (view, label, href) => h('li', {}, view === current
    ? h('span', { 'aria-current': 'true' }, label)
    : h('a', { href }, label));
  return h('ul', { class: 'toggle', 'aria-label': 'Show events' },
    item('events', 'Each report', current === 'events' ? '' : link('events', Object.fromEntries(params))),
    item('merged', 'Merged', current === 'merged' ? '' : link('merged', mergedFilter(params))));
}

// pager links to the previous and next pages and picks the page size.
function pager(params, data, limit, offset) {
  const at = (off, lim = limit) => {
    const p = { ...Object.fromEntries(params), offset: off || '', limit: lim === 50 ? '' : lim };
    return link('events', p);
  };
  const prev = offset > 0 ? h('a', { href: at(Math.max(0, offset - limit)), rel: 'prev' }, '\u2190 Previous') : null;
  const next = offset + data.events.length < data.total ? h('a', { href: at(offset + limit), rel: 'next' }, 'Next \u2192') : null;
  const size = h('select', { id: 'page-size', onchange: (ev) => { location.hash = at(0, Number(ev.target.value)); } },
    pageSizes.map((n) => h('option', { value: String(n), selected: n === limit }, String(n))));
  return h('nav', { class: 'pager', 'aria-label': 'Pages' }, prev, next, h('span', { class: 'spacer' }),
    h('label', { for: 'page-size' }, 'Per page'), size);
}
