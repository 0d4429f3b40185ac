// dom.js builds HTML and SVG elements without a library. Text always goes
// in as text nodes, never as markup, so data from the store cannot inject
// anything; no element gets a style attribute, which the Content Security
// Policy would refuse.

const SVG_NS = 'http://www.w3.org/2000/svg';

// h returns an HTML element with attributes and children. Attributes named
// on* taking a function become event listeners; `text` sets the text;
// false, null and undefined are skipped.
export function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

// s returns an SVG element, like h.
export function s(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

function build(el, attrs, children) {
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k.startsWith('on') && typeof v === 'function') {
        el.addEventListener(k.slice(2), v);
      } else if (k === 'text') {
        el.textContent = v;
      } else if (v === true) {
        el.setAttribute(k, '');
      } else {
        el.setAttribute(k, String(v));
      }
    }
  }
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

const numberFormat = new Intl.NumberFormat('en');

// num formats a count with thousands separators.
export function num(n) {
  return numberFormat.format(n);
}

// fixed formats a mean with one decimal and an explicit sign.
export function signed(x) {
  const v = Math.round(x * 10) / 10;
  return (v > 0 ? '+' : v < 0 ? '\u2212' : '') + Math.abs(v).toFixed(1);
}

// plural returns "1 event" or "3 events".
export function plural(n, one, many = one + 's') {
  return `${num(n)} ${n === 1 ? one : many}`;
}

// safeURL returns url when it is an http(s) address, so that a stored URL
// can never become a javascript: link.
export function safeURL(url) {
  return /^https?:\/\//i.test(url || '') ? url : null;
}

// activate makes an SVG element behave as a link or button: focusable,
// named, and triggered by Enter and Space as well as by a click.
export function activate(el, label, fn) {
  el.setAttribute('tabindex', '0');
  el.setAttribute('role', 'link');
  el.setAttribute('aria-label', label);
  el.addEventListener('click', fn);
  el.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      fn(ev);
    }
  });
  return el;
}

// truncate shortens text to about n characters at a word boundary.
export function truncate(text, n) {
  if (!text || text.length <= n) return text || '';
  const cut = text.lastIndexOf(' ', n);
  return text.slice(0, cut > n / 2 ? cut : n) + '\u2026';
}
