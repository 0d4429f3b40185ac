// A story's page: its articles on a small timeline and in a list (copies
// marked "copy of ..."), the merged events they report with their mention,
// source and article counts, and the actors and places they name most.

import { getJSON } from '../api.js';
import { activate, h, num, plural, s } from '../dom.js';
import { articleLink, link } from '../route.js';
import { mergedTable } from './merged.js';
import { span } from './stories.js';

const W = 960;
const M = { top: 14, right: 48, bottom: 30, left: 48 };
const R = 6;
const DAY = 86400000;

// dayMs returns a YYYY-MM-DD date's time, or NaN.
const dayMs = (d) => Date.parse(d + 'T00:00:00Z');

// timeline draws the articles as dots on a line of days, one column a day,
// copies hollow; a dot links to its article.
function timeline(docs, byID) {
  const dated = docs.filter((a) => !Number.isNaN(dayMs(a.date)));
  if (dated.length === 0) return h('p', { class: 'muted' }, 'No article of this story is dated.');
  const t0 = Math.min(...dated.map((a) => dayMs(a.date)));
  const t1 = Math.max(...dated.map((a) => dayMs(a.date)));
  const days = Math.round((t1 - t0) / DAY) + 1;
  const perDay = new Map();
  for (const a of dated) perDay.set(a.date, (perDay.get(a.date) || 0) + 1);
  const tallest = Math.max(...perDay.values());
  const H = M.top + M.bottom + tallest * (2 * R + 4);
  const x = (d) => M.left + (days === 1 ? (W - M.left - M.right) / 2 : ((dayMs(d) - t0) / DAY) * (W - M.left - M.right) / (days - 1));
  const svg = s('svg', { class: 'chart story-timeline', viewBox: `0 0 ${W} ${H}`, role: 'group',
    'aria-label': `${plural(dated.length, 'article')} from ${dated.length ? span(new Date(t0).toISOString().slice(0, 10), new Date(t1).toISOString().slice(0, 10)) : ''}` });
  const base = H - M.bottom;
  svg.append(s('line', { class: 'axis-line', x1: M.left - R, x2: W - M.right + R, y1: base + R + 2, y2: base + R + 2 }));
  // Ticks: every day for short stories, else about eight.
  const step = Math.max(1, Math.ceil(days / 8));
  for (let i = 0; i < days; i += step) {
    const d = new Date(t0 + i * DAY).toISOString().slice(0, 10);
    svg.append(s('text', { x: x(d), y: H - 8, 'text-anchor': 'middle' }, d));
  }
  const stacked = new Map();
  for (const a of dated) {
    const k = stacked.get(a.date) || 0;
    stacked.set(a.date, k + 1);
    const copyOf = a.dup_of ? byID.get(a.dup_of) : null;
    const label = `${a.date} ${a.outlet || 'unknown outlet'}: ${a.title || a.doc}${a.dup_of ? ` (copy of ${copyOf ? copyOf.title || copyOf.doc : 'article ' + a.dup_of})` : ''}`;
    const dot = s('circle', { class: 'doc' + (a.dup_of ? ' copy' : ''), cx: x(a.date), cy: base - k * (2 * R + 4), r: R,
      'data-article': String(a.id) }, s('title', {}, label));
    svg.append(activate(dot, label, () => { location.hash = articleLink(a.id); }));
  }
  return h('figure', { class: 'story-figure' }, svg,
    h('figcaption', { class: 'legend' },
      h('span', {}, s('svg', { class: 'key', viewBox: '0 0 14 14', width: 14, height: 14, 'aria-hidden': 'true' }, s('circle', { class: 'doc', cx: 7, cy: 7, r: 5 })), 'Article'),
      h('span', {}, s('svg', { class: 'key', viewBox: '0 0 14 14', width: 14, height: 14, 'aria-hidden': 'true' }, s('circle', { class: 'doc copy', cx: 7, cy: 7, r: 5 })), 'Copy of another article')));
}

export async function render(root, ctx) {
  const data = await getJSON(`/api/stories/${encodeURIComponent(ctx.arg)}`);
  const st = data.story;
  const byID = new Map(st.docs.map((a) => [a.id, a]));
  const outlets = new Set(st.docs.map((a) => a.outlet).filter(Boolean));
  root.append(h('h1', { tabindex: '-1' }, st.title || `Story ${st.id}`),
    h('ul', { class: 'meta' },
      h('li', {}, `Story ${st.id}`),
      h('li', {}, span(st.first, st.last)),
      h('li', {}, h('a', { href: link('merged', { story: st.id }) }, 'Its merged events in the table'))),
    h('ul', { class: 'stats' },
      [[st.articles, 'articles'], [st.copies, 'copies'], [outlets.size, 'outlets'], [st.events, 'merged events']]
        .map(([n, k]) => h('li', {}, h('span', { class: 'n' }, num(n)), h('span', { class: 'k' }, k)))),
    h('h2', {}, 'Articles over time'), timeline(st.docs, byID));

  root.append(h('h2', { id: 'story-articles' }, `Articles (${num(st.docs.length)})`),
    h('div', { class: 'table-wrap' }, h('table', { class: 'story-docs', 'aria-labelledby': 'story-articles' },
      h('thead', {}, h('tr', {}, ['Date', 'Outlet', 'Article', 'Merged events']
        .map((c, i) => h('th', { scope: 'col', class: i === 3 ? 'num' : null }, c)))),
      h('tbody', {}, st.docs.map((a) => {
        const orig = a.dup_of ? byID.get(a.dup_of) : null;
        return h('tr', { 'data-article': String(a.id), class: a.dup_of ? 'copy' : null },
          h('td', { class: 'nowrap', title: a.published ? 'published' : 'undated: filed by the articles before it' },
            a.published || (a.date ? `(${a.date})` : '\u2014')),
          h('td', {}, a.outlet || '\u2014'),
          h('td', {}, h('a', { href: articleLink(a.id) }, a.title || a.doc),
            a.dup_of ? h('span', { class: 'copy-of' }, 'copy of ',
              h('a', { href: articleLink(a.dup_of) }, orig ? orig.title || orig.doc : `article ${a.dup_of}`),
              a.similarity ? ` (${Math.round(a.similarity * 100)}% similar)` : '') : null),
          h('td', { class: 'num' }, num(a.events)));
      })))));

  root.append(h('h2', {}, `Merged events (${num(st.merged_events.length)})`));
  if (st.merged_events.length === 0) root.append(h('p', { class: 'muted' }, 'No event was coded in these articles.'));
  else root.append(mergedTable(st.merged_events, ctx.codes, 'Each happening its articles report, with the counts of its reports in the whole store'));

  const names = (title, list) => h('section', {}, h('h2', {}, title),
    list.length === 0 ? h('p', { class: 'muted' }, 'None.')
      : h('ol', { class: 'counts' }, list.map((c) => h('li', {}, c.name, c.country ? h('span', { class: 'code' }, ` ${c.country}`) : null,
        h('span', { class: 'muted' }, ` \u00b7 ${plural(c.count, 'article')}`)))));
  root.append(h('div', { class: 'two-col' }, names('Actors named most', st.top_actors), names('Places named most', st.top_places)));
}
