// The story list: stories (articles about one happening) with their title,
// date span and article, copy and merged event counts, filtered by period,
// actor key and words, sortable by date or size.

import { getJSON } from '../api.js';
import { h, num } from '../dom.js';
import { link, storyLink } from '../route.js';

const sorts = [['', 'Number'], ['-date', 'Newest'], ['date', 'Oldest'], ['articles', 'Most articles']];

// span shows a date span: one day, or first to last.
export function span(first, last) {
  if (!first) return '\u2014';
  return first === last || !last ? first : `${first} \u2013 ${last}`;
}

export async function render(root, ctx) {
  const params = ctx.params;
  const q = { text: params.get('text') || '', actor: params.get('actor') || '', from: params.get('from') || '',
    to: params.get('to') || '', sort: params.get('sort') || '' };
  const offset = Number(params.get('offset')) || 0;
  const limit = 50;
  const field = (id, label, key, attrs) => h('span', {}, h('label', { for: id }, label),
    h('input', { id, name: key, value: q[key], ...attrs }));
  const sel = h('select', { id: 'story-sort', name: 'sort' }, sorts.map(([v, l]) => h('option', { value: v, selected: v === q.sort }, l)));
  const form = h('form', { class: 'controls', role: 'search', onsubmit: (ev) => {
    ev.preventDefault();
    const p = {};
    for (const el of form.elements) if (el.name && el.value.trim()) p[el.name] = el.value.trim();
    location.hash = link('stories', p);
  } },
  field('story-text', 'Words', 'text', { type: 'search', placeholder: 'ceasefire, "peace talks"' }),
  field('story-actor', 'Actor key', 'actor', { type: 'text', placeholder: 'USA, SYR/REB', autocomplete: 'off' }),
  field('story-from', 'From', 'from', { type: 'date' }),
  field('story-to', 'To', 'to', { type: 'date' }),
  h('span', {}, h('label', { for: 'story-sort' }, 'Sort by'), sel),
  h('button', { type: 'submit', class: 'primary' }, 'Find'));
  root.append(h('div', { class: 'view-head' }, h('h1', { tabindex: '-1' }, 'Stories')),
    h('p', { class: 'muted small' }, 'A story is the articles about one happening: copies of a text, other outlets\u2019 accounts and follow-ups.'),
    form);
  const data = await getJSON('/api/stories', { text: q.text, actor: q.actor, from: q.from, to: q.to, sort: q.sort, limit, offset });
  if (data.stories.length === 0) {
    root.append(h('p', { class: 'muted' }, data.total === 0 ? 'No story matches.' : 'No story on this page.'));
    return;
  }
  root.append(h('div', { class: 'table-wrap' }, h('table', { class: 'stories' },
    h('caption', {}, `Stories ${num(offset + 1)}\u2013${num(offset + data.stories.length)} of ${num(data.total)}`),
    h('thead', {}, h('tr', {}, ['Story', 'Dates', 'Articles', 'Copies', 'Merged events']
      .map((c, i) => h('th', { scope: 'col', class: i >= 2 ? 'num' : null }, c)))),
    h('tbody', {}, data.stories.map((st) => h('tr', { 'data-story': String(st.id) },
      h('th', { scope: 'row' }, h('a', { href: storyLink(st.id) }, st.title || `Story ${st.id}`)),
      h('td', { class: 'nowrap' }, span(st.first, st.last)),
      [st.articles, st.copies, st.events].map((n) => h('td', { class: 'num' }, num(n)))))))));
  const at = (off) => link('stories', { ...q, offset: off || '' });
  root.append(h('nav', { class: 'pager', 'aria-label': 'Pages' },
    offset > 0 ? h('a', { href: at(Math.max(0, offset - limit)), rel: 'prev' }, '\u2190 Previous') : null,
    offset + data.stories.length < data.total ? h('a', { href: at(offset + limit), rel: 'next' }, 'Next \u2192') : null));
}
