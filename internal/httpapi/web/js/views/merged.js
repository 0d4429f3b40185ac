// The merged events: one row per happening, however many articles report
// it, with its mention, source (distinct outlets) and article counts; each
// row links to the page listing its reports.

import { getJSON } from '../api.js';
import { h, num } from '../dom.js';
import { link, mergedLink, storyLink } from '../route.js';
import { span } from './stories.js';

const sorts = [['', 'Number'], ['sources', 'Most sources'], ['mentions', 'Most mentions'], ['-date', 'Newest'], ['date', 'Oldest']];
const keys = ['actor', 'source', 'target', 'cameo', 'from', 'to', 'min_sources', 'story', 'article_id', 'sort'];

// placeName shows a merged event's place.
export function placeName(p) {
  if (!p) return '\u2014';
  return p.name ? `${p.name}${p.country ? ', ' + p.country : ''}` : p.country;
}

// mergedRows returns the table rows of merged events.
export function mergedRows(events, codes) {
  return events.map((e) => {
    const code = codes.byCode.get(e.cameo);
    return h('tr', { 'data-merged': String(e.id) },
      h('td', { class: 'nowrap' }, span(e.first_seen, e.last_seen)),
      h('td', { class: 'code' }, e.source),
      h('td', {}, h('a', { href: mergedLink(e.id), class: 'reports', 'aria-label': `Reports of merged event ${e.id}` },
        h('span', { class: 'code' }, e.cameo), ' ', code ? code.label : ''),
        e.mode !== 'asserted' ? h('span', { class: 'muted' }, ` (${e.mode})`) : null,
        e.is_root ? h('span', { class: 'badge', title: 'reported in a headline or lead' }, 'lead') : null),
      h('td', { class: 'code' }, e.target || '\u2014'),
      h('td', {}, placeName(e.place)),
      [e.mentions, e.sources, e.articles].map((n) => h('td', { class: 'num' }, num(n))),
      h('td', { class: 'num' }, e.copies ? num(e.copies) : ''));
  });
}

// mergedTable is a table of merged events.
export function mergedTable(events, codes, caption) {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'merged' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ['Seen', 'Source', 'Event', 'Target', 'Place', 'Mentions', 'Sources', 'Articles', 'Copies']
      .map((c, i) => h('th', { scope: 'col', class: i >= 5 ? 'num' : null }, c)))),
    h('tbody', {}, mergedRows(events, codes))));
}

export async function render(root, ctx) {
  const params = ctx.params;
  const q = {};
  for (const k of keys) q[k] = params.get(k) || '';
  const offset = Number(params.get('offset')) || 0;
  const limit = 50;
  const field = (id, label, key, attrs) => h('span', {}, h('label', { for: id }, label),
    h('input', { id, name: key, value: q[key], ...attrs }));
  const sel = h('select', { id: 'merged-sort', name: 'sort' }, sorts.map(([v, l]) => h('option', { value: v, selected: v === q.sort }, l)));
  const form = h('form', { class: 'controls', role: 'search', onsubmit: (ev) => {
    ev.preventDefault();
    const p = { story: q.story, article_id: q.article_id };
    for (const el of form.elements) if (el.name && el.value.trim()) p[el.name] = el.value.trim();
    location.hash = link('merged', p);
  } },
  field('m-actor', 'Actor key', 'actor', { type: 'text', placeholder: 'USA, SYR/REB', autocomplete: 'off', size: 10 }),
  field('m-source', 'Source', 'source', { type: 'text', autocomplete: 'off', size: 8 }),
  field('m-target', 'Target', 'target', { type: 'text', autocomplete: 'off', size: 8 }),
  field('m-cameo', 'CAMEO', 'cameo', { type: 'text', inputmode: 'numeric', placeholder: '04', size: 4 }),
  field('m-from', 'From', 'from', { type: 'date' }),
  field('m-to', 'To', 'to', { type: 'date' }),
  field('m-min', 'Sources \u2265', 'min_sources', { type: 'number', min: 1, size: 3 }),
  h('span', {}, h('label', { for: 'merged-sort' }, 'Sort by'), sel),
  h('button', { type: 'submit', class: 'primary' }, 'Find'));
  const toReports = {};
  for (const k of ['actor', 'source', 'target', 'cameo', 'from', 'to', 'article_id']) if (q[k] && !q[k].includes('/')) toReports[k] = q[k];
  const back = h('ul', { class: 'toggle', 'aria-label': 'Show events' },
    h('li', {}, h('a', { href: link('events', toReports) }, 'Each report')),
    h('li', {}, h('span', { 'aria-current': 'true' }, 'Merged')));
  root.append(h('div', { class: 'view-head' }, h('h1', { tabindex: '-1' }, 'Merged events'), back),
  h('p', { class: 'muted small' }, 'One row per happening: the events that articles report of it, merged. Actor values are merge keys: a country for a state and its organs (USA), country/sector for other groups (SYR/REB).'),
  q.story ? h('p', { class: 'chips' }, h('span', { class: 'chip' }, 'Story ', h('a', { href: storyLink(q.story) }, q.story))) : null,
  form);
  const data = await getJSON('/api/merged-events', { ...q, limit, offset });
  if (data.merged_events.length === 0) {
    root.append(h('p', { class: 'muted' }, data.total === 0 ? 'No merged event matches.' : 'No merged event on this page.'));
    return;
  }
  root.append(mergedTable(data.merged_events, ctx.codes,
    `Merged events ${num(offset + 1)}\u2013${num(offset + data.merged_events.length)} of ${num(data.total)}`));
  const at = (off) => link('merged', { ...q, offset: off || '' });
  root.append(h('nav', { class: 'pager', 'aria-label': 'Pages' },
    offset > 0 ? h('a', { href: at(Math.max(0, offset - limit)), rel: 'prev' }, '\u2190 Previous') : null,
    offset + data.merged_events.length < data.total ? h('a', { href: at(offset + limit), rel: 'next' }, 'Next \u2192') : null));
}
