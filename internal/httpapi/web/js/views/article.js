// The article view: the text as read, with the evidence of its events
// (source, target, trigger), its quotes, places, dates and actor mentions
// highlighted from the stored byte offsets, and lists of the events,
// quotes, actors and places beside it. Selecting an event or a quote
// brings its spans forward.

import { getJSON } from '../api.js';
import { h, num, plural, safeURL } from '../dom.js';
import { quadShort } from '../colour.js';
import { highlight, kindLabels } from '../highlight.js';
import { actorLink, link } from '../route.js';

// focus emphasises the marks of one event or quote; null clears.
function focus(textEl, attr, id) {
  textEl.classList.toggle('focusing', id !== null);
  let first = null;
  for (const m of textEl.querySelectorAll('mark.hl')) {
    const on = id !== null && (m.dataset[attr] || '').split(' ').includes(String(id));
    m.classList.toggle('focus', on);
    if (on && !first) first = m;
  }
  if (first) first.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

export async function render(root, ctx) {
  const id = ctx.arg;
  const data = await getJSON(`/api/articles/${encodeURIComponent(id)}`);
  const a = data.article;
  const url = safeURL(a.url);
  root.append(h('h1', { tabindex: '-1' }, a.title || a.doc));
  root.append(h('ul', { class: 'meta' },
    h('li', {}, 'Document ', h('span', { class: 'code' }, a.doc)),
    h('li', {}, a.published ? `Published ${a.published}${a.published_source ? ` (from ${a.published_source})` : ''}` : 'Publication date unknown'),
    url ? h('li', {}, h('a', { href: url, rel: 'noreferrer noopener', target: '_blank' }, new URL(url).host)) : null,
    h('li', {}, plural(a.events.length, 'event'), ' \u00b7 ', plural(a.quotes.length, 'quote'), ' \u00b7 ',
      plural(a.actors.length, 'actor'), ' \u00b7 ', plural(a.places.length, 'place')),
    h('li', {}, h('a', { href: link('events', { article_id: a.id }) }, 'Events in the table'))));

  const text = h('article', { class: 'article-text', lang: 'en', 'aria-label': 'Article text with highlighted evidence' },
    highlight(a.text, data.spans));
  const side = h('aside', { class: 'side', 'aria-label': 'Analysis' });
  root.append(h('div', { class: 'article-layout' }, text, side));

  const kinds = ['source', 'target', 'trigger', 'quote', 'speaker', 'place', 'date', 'mention'];
  side.append(h('h2', {}, 'Legend'), h('ul', { class: 'legend' },
    kinds.map((k) => h('li', {}, h('mark', { class: `hl hl-${k}` }, kindLabels[k]))),
    data.spans.some((sp) => sp.kind === 'caption' || sp.kind === 'boilerplate')
      ? h('li', {}, h('span', { class: 'sent hl-boilerplate' }, 'Caption, boilerplate (not coded)')) : null));

  let selected = null;
  const buttons = [];
  const select = (attr, key, btn) => {
    const same = selected === `${attr}:${key}`;
    selected = same ? null : `${attr}:${key}`;
    for (const b of buttons) b.setAttribute('aria-pressed', String(!same && b === btn));
    focus(text, attr, same ? null : key);
  };

  side.append(h('h2', {}, `Events (${num(a.events.length)})`));
  if (a.events.length === 0) side.append(h('p', { class: 'muted' }, 'No event was coded in this article.'));
  const evList = h('ol', {});
  for (const e of a.events) {
    const code = ctx.codes.byCode.get(e.cameo);
    const btn = h('button', { type: 'button', 'aria-pressed': 'false', 'data-event': e.id },
      h('span', { class: `quad q${e.quad}`, title: quadShort[e.quad] }, e.cameo), ' ',
      `${e.source.name} \u2192 ${e.target ? e.target.name : '\u2014'}: ${code ? code.label : e.cameo}`,
      e.mode !== 'asserted' ? ` (${e.mode})` : '', e.date ? ` \u00b7 ${e.date}` : '');
    btn.addEventListener('click', () => select('events', e.id, btn));
    buttons.push(btn);
    evList.append(h('li', {}, btn));
  }
  side.append(evList);

  if (a.quotes.length) {
    side.append(h('h2', {}, `Quotes (${num(a.quotes.length)})`));
    const ql = h('ol', {});
    a.quotes.forEach((q, i) => {
      const btn = h('button', { type: 'button', 'aria-pressed': 'false', 'data-quote': String(i) },
        q.speaker ? `${q.speaker.name} ${q.verb || 'said'}: ` : `${q.verb || 'said'}: `, `\u201c${q.text}\u201d`);
      btn.addEventListener('click', () => select('quotes', i, btn));
      buttons.push(btn);
      ql.append(h('li', {}, btn));
    });
    side.append(ql);
  }

  if (a.actors.length) {
    side.append(h('h2', {}, `Actors (${num(a.actors.length)})`));
    side.append(h('ul', {}, a.actors.map((ac) => h('li', {},
      h('a', { href: actorLink(ac.name) }, ac.name), ' ', h('span', { class: 'code' }, ac.code || ac.type),
      h('span', { class: 'muted' }, ` \u00b7 ${plural(ac.mentions.length, 'mention')}`)))));
  }
  if (a.places.length) {
    side.append(h('h2', {}, `Places (${num(a.places.length)})`));
    side.append(h('ul', {}, a.places.map((p) => h('li', {}, p.text === p.name ? p.name : `${p.text} (${p.name})`,
      h('span', { class: 'muted' }, ` ${p.country}${p.admin1 ? ', ' + p.admin1 : ''}`)))));
  }
  if (a.warnings && a.warnings.length) {
    side.append(h('h2', {}, 'Warnings'), h('ul', {}, a.warnings.map((w) => h('li', { class: 'muted' }, w))));
  }

  const want = ctx.params.get('event');
  if (want) {
    const btn = buttons.find((b) => b.dataset.event === want);
    if (btn) select('events', want, btn);
  }
}
