// force.js lays out a graph with a simple force simulation: nodes repel
// each other, edges pull their ends to a rest length, and a weak pull keeps
// everything near the centre. It uses no randomness, so a graph always gets
// the same picture.

// layout returns a position {x, y} for each node (in order) inside a box of
// width x height with a margin. Edges are {source, target} node IDs.
export function layout(nodes, edges, { width, height, margin = 40, iterations = 300, distance = 90, charge = -400 } = {}) {
  const n = nodes.length;
  const index = new Map(nodes.map((d, i) => [d.id, i]));
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const vx = new Float64Array(n);
  const vy = new Float64Array(n);
  // Start on a sunflower spiral, as d3-force does: evenly spread, no
  // two nodes at one point.
  const golden = Math.PI * (3 - Math.sqrt(5));
  for (let i = 0; i < n; i++) {
    const r = 10 * Math.sqrt(0.5 + i);
    x[i] = r * Math.cos(i * golden);
    y[i] = r * Math.sin(i * golden);
  }
  const links = [];
  const degree = new Float64Array(n);
  const seen = new Set();
  for (const e of edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined || s === t) continue;
    const key = s < t ? `${s},${t}` : `${t},${s}`;
    if (seen.has(key)) continue; // A <-> B pulls once.
    seen.add(key);
    links.push([s, t]);
    degree[s]++;
    degree[t]++;
  }
  let alpha = 1;
  const alphaMin = 0.001;
  const decay = 1 - Math.pow(alphaMin, 1 / iterations);
  for (let it = 0; it < iterations; it++) {
    for (const [s, t] of links) {
      let dx = x[t] + vx[t] - x[s] - vx[s];
      let dy = y[t] + vy[t] - y[s] - vy[s];
      const l = Math.hypot(dx, dy) || 1e-6;
      const strength = 1 / Math.min(degree[s], degree[t]);
      const f = ((l - distance) / l) * alpha * strength;
      dx *= f;
      dy *= f;
      const bias = degree[s] / (degree[s] + degree[t]);
      vx[t] -= dx * bias;
      vy[t] -= dy * bias;
      vx[s] += dx * (1 - bias);
      vy[s] += dy * (1 - bias);
    }
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let dx = x[j] - x[i];
        let dy = y[j] - y[i];
        let d2 = dx * dx + dy * dy;
        if (d2 === 0) {
          // Two nodes at one point: part them along a fixed direction.
          dx = 1e-3 * (j - i);
          dy = 1e-3;
          d2 = dx * dx + dy * dy;
        }
        d2 = Math.max(d2, 25);
        const f = (charge * alpha) / d2;
        vx[i] += dx * f;
        vy[i] += dy * f;
        vx[j] -= dx * f;
        vy[j] -= dy * f;
      }
    }
    for (let i = 0; i < n; i++) {
      vx[i] -= x[i] * 0.04 * alpha;
      vy[i] -= y[i] * 0.04 * alpha;
      vx[i] *= 0.6;
      vy[i] *= 0.6;
      x[i] += vx[i];
      y[i] += vy[i];
    }
    alpha += (0 - alpha) * decay;
  }
  return fit(x, y, width, height, margin);
}

// fit scales positions uniformly into the box, centred.
function fit(x, y, width, height, margin) {
  const n = x.length;
  if (n === 0) return [];
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (let i = 0; i < n; i++) {
    x0 = Math.min(x0, x[i]); x1 = Math.max(x1, x[i]);
    y0 = Math.min(y0, y[i]); y1 = Math.max(y1, y[i]);
  }
  const w = Math.max(x1 - x0, 1e-6);
  const h = Math.max(y1 - y0, 1e-6);
  const k = Math.min((width - 2 * margin) / w, (height - 2 * margin) / h, 3);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const out = [];
  for (let i = 0; i < n; i++) {
    out.push({ x: width / 2 + (x[i] - cx) * k, y: height / 2 + (y[i] - cy) * k });
  }
  return out;
}
