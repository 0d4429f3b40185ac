// colour.js holds the colour scales of the charts.

import { h, s } from './dom.js';

// goldsteinColour maps a Goldstein value (-10 most conflictual, +10 most
// cooperative) to a diverging red - grey - blue colour.
export function goldsteinColour(g) {
  const t = Math.max(-1, Math.min(1, (Number(g) || 0) / 10));
  const grey = [158, 158, 158];
  const end = t < 0 ? [178, 24, 43] : [33, 102, 172];
  const a = Math.abs(t);
  const c = grey.map((v, i) => Math.round(v + (end[i] - v) * a));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

// quadLabel is the short name of a quad class.
export const quadShort = { 1: 'Verbal coop.', 2: 'Material coop.', 3: 'Verbal conflict', 4: 'Material conflict' };

let gradients = 0;

// goldsteinLegend returns the key of the Goldstein colour scale between a
// title and a note.
export function goldsteinLegend(title, note) {
  const id = `goldstein-scale-${++gradients}`;
  const svg = s('svg', { viewBox: '0 0 260 34', width: 260, height: 34, 'aria-hidden': 'true' });
  const grad = s('linearGradient', { id, x1: 0, x2: 1, y1: 0, y2: 0 });
  for (let i = 0; i <= 10; i++) {
    grad.append(s('stop', { offset: `${i * 10}%`, 'stop-color': goldsteinColour(-10 + 2 * i) }));
  }
  svg.append(s('defs', {}, grad), s('rect', { x: 10, y: 4, width: 240, height: 10, fill: `url(#${id})` }),
    s('text', { x: 10, y: 28, 'font-size': 11 }, '\u221210 conflict'),
    s('text', { x: 130, y: 28, 'font-size': 11, 'text-anchor': 'middle' }, '0'),
    s('text', { x: 250, y: 28, 'font-size': 11, 'text-anchor': 'end' }, '+10 cooperation'));
  return h('div', { class: 'scale-bar' }, h('span', {}, title), svg, h('span', {}, note));
}
