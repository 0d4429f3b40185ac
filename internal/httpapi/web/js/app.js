// app.js is dyad's explorer: a hash router over the views, the shared
// event filters, and the header. Routes look like #/events?source=USA,
// #/article/12?event=e2, #/actor/Angela%20Merkel, #/story/3 or
// #/merged-event/7; the query of the
// filtered views (events, timeline, network, map) is their filter, so every
// state of the explorer is a link.

import { codes, info } from './api.js';
import { h, plural } from './dom.js';
import { filterKeys, link, pick } from './route.js';
import * as eventsView from './views/events.js';
import * as timelineView from './views/timeline.js';
import * as networkView from './views/network.js';
import * as mapView from './views/map.js';
import * as articleView from './views/article.js';
import * as actorView from './views/actor.js';
import * as actorsView from './views/actors.js';
import * as searchView from './views/search.js';
import * as storiesView from './views/stories.js';
import * as storyView from './views/story.js';
import * as mergedView from './views/merged.js';
import * as mergedEventView from './views/mergedEvent.js';

const views = {
  events: eventsView,
  timeline: timelineView,
  network: networkView,
  map: mapView,
  article: articleView,
  actor: actorView,
  actors: actorsView,
  search: searchView,
  stories: storiesView,
  story: storyView,
  merged: mergedView,
  'merged-event': mergedEventView,
};

// Pages that belong to a view of the navigation.
const navParent = { actor: 'actors', story: 'stories', merged: 'events', 'merged-event': 'events' };

// Filters the form has no field for are shown as removable chips.
const chipLabels = { source_country: 'Source country', target_country: 'Target country', doc: 'Document',
  article_id: 'Article' };

const filteredViews = new Set(['events', 'timeline', 'network', 'map']);

// parseHash splits the location's hash into view, argument and query.
function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  const slash = path.indexOf('/');
  const view = slash < 0 ? path : path.slice(0, slash);
  let arg = slash < 0 ? '' : path.slice(slash + 1);
  try {
    arg = decodeURIComponent(arg);
  } catch {
    // Keep a malformed escape as it is.
  }
  return { view: view || 'events', arg, params };
}

const form = document.getElementById('filters');
const main = document.getElementById('main');
const status = document.getElementById('status');
let current = null;
let firstRender = true;

// setStatus shows a short message in the live region.
function setStatus(msg) {
  status.textContent = msg || '';
}

// syncForm puts the route's filter in the form.
function syncForm(params) {
  for (const el of form.elements) {
    if (el.name && filterKeys.includes(el.name)) el.value = params.get(el.name) || '';
  }
  const more = form.querySelector('details.more');
  if (['sector', 'cameo', 'plover', 'place', 'place_country'].some((k) => params.get(k))) more.open = true;
  const chips = document.getElementById('filter-chips');
  chips.replaceChildren();
  for (const [k, label] of Object.entries(chipLabels)) {
    const v = params.get(k);
    if (!v) continue;
    chips.append(h('span', { class: 'chip' }, `${label}: ${v}`,
      h('button', { type: 'button', 'aria-label': `Remove filter ${label}`, onclick: () => {
        const p = new URLSearchParams(params);
        p.delete(k);
        p.delete('offset');
        location.hash = '#/' + current.view + (p.toString() ? '?' + p : '');
      } }, '\u2715')));
  }
}

// submitFilters navigates to the current view with the form's filter and
// the view's own parameters (interval, node, sort), from the first page.
function submitFilters(ev) {
  ev.preventDefault();
  const p = new URLSearchParams();
  for (const [k, v] of current.params) {
    if (!filterKeys.includes(k) && k !== 'offset') p.set(k, v);
  }
  for (const k of Object.keys(chipLabels)) {
    if (current.params.get(k)) p.set(k, current.params.get(k));
  }
  for (const el of form.elements) {
    if (el.name && filterKeys.includes(el.name) && el.value.trim()) p.set(el.name, el.value.trim());
  }
  location.hash = '#/' + current.view + (p.toString() ? '?' + p : '');
}

function clearFilters() {
  const p = new URLSearchParams();
  for (const [k, v] of current.params) {
    if (!filterKeys.includes(k) && k !== 'offset') p.set(k, v);
  }
  location.hash = '#/' + current.view + (p.toString() ? '?' + p : '');
}

// updateNav marks the current view and carries the filter to the other
// filtered views.
function updateNav(route) {
  const f = filteredViews.has(route.view) ? pick(route.params) : {};
  for (const a of document.querySelectorAll('nav a[data-view]')) {
    const v = a.dataset.view;
    a.href = filteredViews.has(v) ? link(v, f) : '#/' + v;
    if (v === route.view || v === navParent[route.view]) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

async function render() {
  const route = parseHash();
  current = route;
  updateNav(route);
  form.hidden = !filteredViews.has(route.view);
  if (!form.hidden) syncForm(route.params);
  const container = h('div', { class: 'view view-' + route.view, 'data-route': location.hash });
  main.replaceChildren(container);
  const view = views[route.view];
  if (!view) {
    container.append(h('h1', { tabindex: '-1' }, 'Not found'),
      h('p', {}, 'There is no view called ', h('code', {}, route.view), '. ', h('a', { href: '#/events' }, 'Go to the events.')));
    return;
  }
  const ctx = {
    arg: route.arg,
    params: route.params,
    filter: () => pick(route.params),
    link,
    setStatus,
    codes: await codes().catch(() => ({ byCode: new Map(), roots: [], quads: new Map() })),
    info: await info().catch(() => ({})),
  };
  setStatus('Loading\u2026');
  try {
    await view.render(container, ctx);
    setStatus('');
  } catch (err) {
    setStatus('');
    container.append(h('p', { class: 'error', role: 'alert' }, err.message || String(err)));
  }
  // After a navigation (not the first load), move focus to the new
  // view's heading so that screen readers announce it.
  const heading = container.querySelector('h1');
  if (heading) {
    document.title = heading.textContent + ' \u00b7 dyad';
    if (!firstRender && container.isConnected) heading.focus({ preventScroll: false });
  }
  firstRender = false;
  container.dataset.ready = 'true';
}

async function setup() {
  const c = await codes().catch(() => null);
  if (c) {
    const root = document.getElementById('f-root');
    for (const r of c.roots) root.append(h('option', { value: r.code }, `${r.code} ${r.label}`));
    const quad = document.getElementById('f-quad');
    for (const [q, label] of c.quads) quad.append(h('option', { value: String(q) }, `${q} ${label}`));
  }
  const inf = await info().catch(() => null);
  if (inf) {
    document.getElementById('store-info').replaceChildren(
      `${plural(inf.articles, 'article')} \u00b7 ${plural(inf.events, 'event')} \u00b7 ${plural(inf.quotes, 'quote')} `,
      h('span', { class: 'badge' }, inf.writable ? 'writable' : 'read-only'));
  }
  form.addEventListener('submit', submitFilters);
  document.getElementById('f-clear').addEventListener('click', clearFilters);
  document.getElementById('skip').addEventListener('click', (ev) => {
    ev.preventDefault();
    main.focus();
  });
  window.addEventListener('hashchange', render);
  await render();
}

setup();
