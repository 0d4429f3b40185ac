// The actor list: actors across articles, searchable by name or code,
// sortable by mentions, articles, events or name.

import { getJSON } from '../api.js';
import { h, num } from '../dom.js';
import { actorLink, link } from '../route.js';

const sorts = [['mentions', 'Mentions'], ['articles', 'Articles'], ['events', 'Events'], ['name', 'Name']];

export async function render(root, ctx) {
  const params = ctx.params;
  const q = params.get('q') || '';
  const sort = params.get('sort') || 'mentions';
  const offset = Number(params.get('offset')) || 0;
  const limit = 50;
  const input = h('input', { id: 'actor-q', name: 'q', type: 'search', value: q, placeholder: 'name, or code in capitals (DEU)' });
  const sel = h('select', { id: 'actor-sort', name: 'sort' }, sorts.map(([v, l]) => h('option', { value: v, selected: v === sort }, l)));
  const form = h('form', { class: 'controls', role: 'search', onsubmit: (ev) => {
    ev.preventDefault();
    location.hash = link('actors', { q: input.value.trim(), sort: sel.value === 'mentions' ? '' : sel.value });
  } }, h('span', {}, h('label', { for: 'actor-q' }, 'Actor'), input),
  h('span', {}, h('label', { for: 'actor-sort' }, 'Sort by'), sel), h('button', { type: 'submit', class: 'primary' }, 'Find'));
  root.append(h('div', { class: 'view-head' }, h('h1', { tabindex: '-1' }, 'Actors')), form);
  const data = await getJSON('/api/actors', { q, sort, limit, offset });
  if (data.actors.length === 0) {
    root.append(h('p', { class: 'muted' }, 'No actor matches.'));
    return;
  }
  root.append(h('div', { class: 'table-wrap' }, h('table', {},
    h('caption', {}, `Actors ${num(offset + 1)}\u2013${num(offset + data.actors.length)} of ${num(data.total)}`),
    h('thead', {}, h('tr', {}, ['Actor', 'Type', 'Codes over time', 'Mentions', 'Articles', 'As source', 'As target', 'Quotes']
      .map((c, i) => h('th', { scope: 'col', class: i >= 3 ? 'num' : null }, c)))),
    h('tbody', {}, data.actors.map((a) => h('tr', {},
      h('th', { scope: 'row' }, h('a', { href: actorLink(a.name) }, a.name)),
      h('td', {}, a.type),
      h('td', { class: 'code' }, a.roles.map((r) => r.code).filter(Boolean).join(' \u2192 ') || '\u2014'),
      [a.mentions, a.articles, a.as_source, a.as_target, a.quotes].map((n) => h('td', { class: 'num' }, num(n)))))))));
  const at = (off) => link('actors', { q, sort: sort === 'mentions' ? '' : sort, offset: off || '' });
  root.append(h('nav', { class: 'pager', 'aria-label': 'Pages' },
    offset > 0 ? h('a', { href: at(Math.max(0, offset - limit)), rel: 'prev' }, '\u2190 Previous') : null,
    offset + data.actors.length < data.total ? h('a', { href: at(offset + limit), rel: 'next' }, 'Next \u2192') : null));
}
