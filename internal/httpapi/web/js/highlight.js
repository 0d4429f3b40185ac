// highlight.js renders an article's text with its spans (sources, targets,
// triggers, quotes, ...) as nested <mark> elements. Spans arrive as byte
// offsets from the API and are converted here; spans sharing a range become
// one element carrying every kind, so a mention that is the source of one
// event and the target of another is one element with both classes.

import { byteIndexer } from './utf8.js';

// kindLabels names the span kinds for tooltips and the legend.
export const kindLabels = {
  source: 'Source',
  target: 'Target',
  trigger: 'Verb (trigger)',
  quote: 'Quote',
  speaker: 'Speaker',
  place: 'Place',
  date: 'Date',
  mention: 'Other actor mention',
  caption: 'Caption (not coded)',
  boilerplate: 'Boilerplate (not coded)',
};

// Sentence kinds are shown as plain spans, not as highlights.
const sentenceKinds = new Set(['caption', 'boilerplate']);

// toRanges converts API spans to merged ranges in string indexes.
export function toRanges(text, spans) {
  const at = byteIndexer(text);
  const byKey = new Map();
  for (const sp of spans) {
    const start = at(sp.start);
    const end = at(sp.end);
    if (!(start < end)) continue;
    const key = `${start}:${end}`;
    let r = byKey.get(key);
    if (!r) {
      r = { start, end, kinds: new Set(), events: new Set(), quotes: new Set(), actors: new Set() };
      byKey.set(key, r);
    }
    r.kinds.add(sp.kind);
    for (const e of sp.events || []) r.events.add(e);
    for (const q of sp.quotes || []) r.quotes.add(q);
    if (sp.actor) r.actors.add(sp.actor);
  }
  return [...byKey.values()].sort((a, b) => a.start - b.start || b.end - a.end);
}

// nest arranges sorted ranges into a tree. A range that crosses the end of
// the range it starts in is split there, and its rest goes on after it.
export function nest(text, ranges) {
  const root = { start: 0, end: text.length, children: [] };
  const queue = ranges.slice();
  const stack = [root];
  while (queue.length) {
    let r = queue.shift();
    while (stack.length > 1 && stack[stack.length - 1].end <= r.start) stack.pop();
    const parent = stack[stack.length - 1];
    if (r.end > parent.end) {
      const rest = { ...r, start: parent.end };
      let i = 0;
      while (i < queue.length && (queue[i].start < rest.start || (queue[i].start === rest.start && queue[i].end >= rest.end))) i++;
      queue.splice(i, 0, rest);
      r = { ...r, end: parent.end };
    }
    const node = { ...r, children: [] };
    parent.children.push(node);
    stack.push(node);
  }
  return root;
}

// describe returns the tooltip of a range.
function describe(r) {
  const parts = [];
  for (const k of Object.keys(kindLabels)) {
    if (!r.kinds.has(k)) continue;
    let p = kindLabels[k];
    if ((k === 'source' || k === 'target' || k === 'mention' || k === 'speaker') && r.actors.size) {
      p += ': ' + [...r.actors].join(', ');
    }
    parts.push(p);
  }
  let t = parts.join('; ');
  if (r.events.size) t += ` (${[...r.events].join(', ')})`;
  return t;
}

// render returns the text as a fragment with the tree's ranges as marks.
function render(text, node) {
  const frag = document.createDocumentFragment();
  let pos = node.start;
  for (const c of node.children) {
    if (c.start > pos) frag.append(text.slice(pos, c.start));
    const plain = [...c.kinds].every((k) => sentenceKinds.has(k));
    const m = document.createElement(plain ? 'span' : 'mark');
    m.className = (plain ? 'sent ' : 'hl ') + [...c.kinds].map((k) => 'hl-' + k).join(' ');
    if (c.events.size) m.dataset.events = [...c.events].join(' ');
    if (c.quotes.size) m.dataset.quotes = [...c.quotes].join(' ');
    m.title = describe(c);
    m.append(render(text, c));
    frag.append(m);
    pos = c.end;
  }
  if (pos < node.end) frag.append(text.slice(pos, node.end));
  return frag;
}

// highlight returns text as a fragment with the API's spans marked.
export function highlight(text, spans) {
  return render(text, nest(text, toRanges(text, spans)));
}
