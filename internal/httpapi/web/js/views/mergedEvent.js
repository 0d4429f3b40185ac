// A merged event's page: the happening with its counts, and each report of
// it (outlet, date, the sentence with the trigger, source and target
// highlighted) linking to the article with the event's evidence, a page
// of reports at a time with a control that appends the next page.

import { getJSON } from '../api.js';
import { h, num, plural } from '../dom.js';
import { highlight } from '../highlight.js';
import { articleLink, link, storyLink } from '../route.js';
import { placeName } from './merged.js';
import { span } from './stories.js';

const encoder = new TextEncoder();

// sentenceSpans returns a report's spans relative to its sentence; a span
// outside the sentence (an actor named in the headline) is left out.
function sentenceSpans(r) {
  const len = encoder.encode(r.sentence_text).length;
  const at = (kind, x, actor) => x ? { kind, start: x.start - r.sentence_start, end: x.end - r.sentence_start, actor, events: [r.id] } : null;
  return [at('source', r.source, r.source && r.source.name), at('target', r.target, r.target && r.target.name),
    at('trigger', r.trigger)].filter((sp) => sp && sp.start >= 0 && sp.end <= len && sp.start < sp.end);
}

export async function render(root, ctx) {
  // The route's limit, when given, is the size of a page of reports.
  const data = await getJSON(`/api/merged-events/${encodeURIComponent(ctx.arg)}`, { limit: ctx.params.get('limit') });
  const e = data.merged_event;
  e.reports = e.reports || [];
  const code = ctx.codes.byCode.get(e.cameo);
  root.append(h('h1', { tabindex: '-1' }, `${e.source} \u2192 ${e.target || '\u2014'}: ${code ? code.label : e.cameo}`),
    h('ul', { class: 'meta' },
      h('li', {}, `Merged event ${e.id}`),
      h('li', {}, 'CAMEO ', h('span', { class: 'code' }, e.cameo), e.mode !== 'asserted' ? ` (${e.mode})` : ''),
      h('li', {}, e.date ? `Dated ${e.date}` : 'Undated'),
      h('li', {}, `Reported ${span(e.first_seen, e.last_seen)}`),
      e.place ? h('li', {}, placeName(e.place)) : null,
      h('li', {}, h('a', { href: storyLink(e.story) }, `First reported in story ${e.story}`)),
      h('li', {}, h('a', { href: link('merged', { source: e.source, target: e.target, cameo: e.root }) }, 'Same dyad and root'))),
    h('ul', { class: 'stats' },
      [[e.mentions, 'mentions'], [e.sources, 'sources'], [e.articles, 'articles'], [e.copies, 'copies']]
        .map(([n, k]) => h('li', {}, h('span', { class: 'n' }, num(n)), h('span', { class: 'k' }, k)))),
    h('p', { class: 'muted small' }, 'Sources: ', e.outlets.join(', ') || 'unknown outlet',
      e.copy_outlets && e.copy_outlets.length ? `; through copies only: ${e.copy_outlets.join(', ')}` : ''));

  // The reports come a page at a time: the first with the event, the
  // next ones appended on demand from the response's next link.
  const total = data.total;
  const list = h('ol', { id: 'report-list', class: 'reports', 'aria-labelledby': 'reports' }, e.reports.map((r) => reportItem(r, ctx)));
  const status = h('p', { class: 'muted small', role: 'status', 'aria-live': 'polite' });
  const more = h('button', { type: 'button', class: 'more-reports', 'aria-controls': 'report-list' }, 'More reports');
  let next = data.next;
  const update = () => {
    const shown = list.children.length;
    status.textContent = shown < total ? `Showing ${num(shown)} of ${num(total)} reports.` : '';
    more.hidden = !next;
  };
  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      const page = await getJSON(next);
      const items = page.merged_event.reports.map((r) => reportItem(r, ctx));
      list.append(...items);
      next = page.next;
      update();
      const first = items[0] && items[0].querySelector('a.evidence');
      if (first && more.hidden) first.focus();
    } catch (err) {
      status.textContent = `Could not load more reports: ${err.message}`;
    } finally {
      more.disabled = false;
    }
  });
  root.append(h('h2', { id: 'reports' }, `Reports (${num(total)})`), list, status, more);
  update();
  if (e.mentions > total) {
    root.append(h('p', { class: 'muted' }, `${plural(e.mentions - total, 'mention')} of articles no longer stored.`));
  }
}

// reportItem is one report: the outlet, date and headline linking to the
// article at the event, the sentence highlighted, and the coded event.
function reportItem(r, ctx) {
  const ecode = ctx.codes.byCode.get(r.cameo);
  return h('li', { 'data-report': `${r.article_id}/${r.id}`, class: r.copy ? 'copy' : null },
    h('div', { class: 'report-head' },
      h('strong', { class: 'outlet' }, r.outlet || 'unknown outlet'), ' ',
      h('span', { class: 'muted nowrap' }, r.published || 'undated'), ' ',
      h('a', { href: articleLink(r.article_id, r.id), class: 'evidence' }, r.title || r.doc),
      r.lead ? h('span', { class: 'badge', title: 'in the headline or lead' }, 'lead') : null,
      r.copy || r.dup_of ? h('span', { class: 'badge copy' }, r.dup_of ? 'copy of ' : 'copy',
        r.dup_of ? h('a', { href: articleLink(r.dup_of) }, `article ${r.dup_of}`) : null) : null),
    h('blockquote', { class: 'report-sentence', lang: 'en' }, highlight(r.sentence_text, sentenceSpans(r))),
    h('div', { class: 'small muted' }, `${r.source.name} \u2192 ${r.target ? r.target.name : '\u2014'} \u00b7 `,
      h('span', { class: 'code' }, r.cameo), ` ${ecode ? ecode.label : ''}`,
      r.mode !== 'asserted' ? ` (${r.mode})` : '', r.date ? ` \u00b7 dated ${r.date}` : ''));
}
