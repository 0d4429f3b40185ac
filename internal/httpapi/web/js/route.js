// route.js builds the explorer's links: #/view?parameters.

// filterKeys are the event filter's parameters (docs/API.md).
export const filterKeys = ['actor', 'source', 'target', 'country', 'source_country', 'target_country', 'sector',
  'cameo', 'root', 'plover', 'quad', 'mode', 'from', 'to', 'place', 'place_country', 'text', 'doc', 'article_id'];

// link returns the hash of a view with parameters; empty ones are left out.
export function link(view, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return '#/' + view + (s ? '?' + s : '');
}

// pick returns the filter parameters of a URLSearchParams as an object.
export function pick(params) {
  const f = {};
  for (const k of filterKeys) {
    const v = params.get(k);
    if (v) f[k] = v;
  }
  return f;
}

// actorLink returns the hash of an actor's page.
export function actorLink(name) {
  return '#/actor/' + encodeURIComponent(name);
}

// articleLink returns the hash of an article, optionally focused on one
// event.
export function articleLink(id, event) {
  return '#/article/' + id + (event ? '?event=' + encodeURIComponent(event) : '');
}

// storyLink returns the hash of a story's page.
export function storyLink(id) {
  return '#/story/' + id;
}

// mergedLink returns the hash of a merged event's page, with its reports.
export function mergedLink(id) {
  return '#/merged-event/' + id;
}
