// Full-text search over articles and quotes, with the matched words of each
// snippet highlighted (the API gives their byte ranges in the snippet).

import { getJSON } from '../api.js';
import { h, num, plural } from '../dom.js';
import { byteIndexer } from '../utf8.js';
import { articleLink, actorLink, link } from '../route.js';

// snippet returns the snippet with its highlights as <mark> elements.
function snippet(text, highlights) {
  const at = byteIndexer(text);
  const out = [];
  let pos = 0;
  for (const hl of highlights || []) {
    const a = at(hl.start);
    const b = at(hl.end);
    if (a < pos || b <= a) continue;
    out.push(text.slice(pos, a), h('mark', {}, text.slice(a, b)));
    pos = b;
  }
  out.push(text.slice(pos));
  return out;
}

export async function render(root, ctx) {
  const params = ctx.params;
  const q = params.get('q') || '';
  const kind = params.get('kind') || '';
  const actor = params.get('actor') || '';
  const offset = Number(params.get('offset')) || 0;
  const limit = 25;
  const input = h('input', { id: 'search-q', name: 'q', type: 'search', value: q, placeholder: 'ceasefire "peace talks" negotiat* -rumour' });
  const kindSel = h('select', { id: 'search-kind' }, [['', 'Articles and quotes'], ['article', 'Articles'], ['quote', 'Quotes']]
    .map(([v, l]) => h('option', { value: v, selected: v === kind }, l)));
  const actorIn = h('input', { id: 'search-actor', type: 'text', value: actor, placeholder: 'name or code' });
  root.append(h('div', { class: 'view-head' }, h('h1', { tabindex: '-1' }, 'Search')),
    h('form', { class: 'controls', role: 'search', onsubmit: (ev) => {
      ev.preventDefault();
      location.hash = link('search', { q: input.value.trim(), kind: kindSel.value, actor: actorIn.value.trim() });
    } },
    h('span', {}, h('label', { for: 'search-q' }, 'Words'), input),
    h('span', {}, h('label', { for: 'search-kind' }, 'In'), kindSel),
    h('span', {}, h('label', { for: 'search-actor' }, 'Actor'), actorIn),
    h('button', { type: 'submit', class: 'primary' }, 'Search')),
    h('p', { class: 'muted small' }, 'All words must occur; "a phrase", prefix*, -exclude, a OR b. Case, accents and English endings are ignored.'));
  const data = await getJSON('/api/search', { q, kind, actor, limit, offset });
  root.append(h('p', {}, q ? plural(data.total, 'result') : `${num(data.total)} articles and quotes, newest first`));
  root.append(h('ol', { class: 'hits', start: offset + 1 }, data.hits.map((hit) => h('li', {},
    h('div', {}, h('span', { class: 'badge' }, hit.kind), ' ', h('a', { href: articleLink(hit.article_id) }, hit.title || hit.doc),
      h('span', { class: 'muted small' }, ` \u00b7 ${hit.published || 'undated'} \u00b7 ${hit.doc}`)),
    hit.kind === 'quote'
      ? h('blockquote', {}, snippet(hit.snippet, hit.highlights),
        hit.quote && hit.quote.speaker ? h('div', { class: 'small' }, '\u2014 ', h('a', { href: actorLink(hit.quote.speaker.name) }, hit.quote.speaker.name)) : null)
      : h('p', { class: 'small' }, snippet(hit.snippet, hit.highlights))))));
  const at = (off) => link('search', { q, kind, actor, offset: off || '' });
  root.append(h('nav', { class: 'pager', 'aria-label': 'Pages' },
    offset > 0 ? h('a', { href: at(Math.max(0, offset - limit)), rel: 'prev' }, '\u2190 Previous') : null,
    offset + data.hits.length < data.total ? h('a', { href: at(offset + limit), rel: 'next' }, 'Next \u2192') : null));
}
