// topojson.js decodes the TopoJSON country outlines (world-atlas) into
// rings of [longitude, latitude] points, and draws them in the map's
// equirectangular projection.

// countries returns [{id, name, rings}] for the "countries" object.
export function countries(topology) {
  const t = topology.transform;
  const arcs = topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([a, b]) => {
      if (!t) return [a, b];
      x += a;
      y += b;
      return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]];
    });
  });
  // A negative index ~i is arc i backwards.
  const arcPoints = (i) => (i >= 0 ? arcs[i] : arcs[~i].slice().reverse());
  const ring = (indices) => {
    const pts = [];
    for (const i of indices) {
      const a = arcPoints(i);
      pts.push(...(pts.length ? a.slice(1) : a));
    }
    return pts;
  };
  const out = [];
  for (const g of topology.objects.countries.geometries) {
    let rings = [];
    if (g.type === 'Polygon') rings = g.arcs.map(ring);
    else if (g.type === 'MultiPolygon') rings = g.arcs.flatMap((poly) => poly.map(ring));
    if (rings.length) out.push({ id: g.id, name: (g.properties && g.properties.name) || '', rings });
  }
  return out;
}

// pathData returns the SVG path of rings under a projection. A step across
// the antimeridian starts a new subpath instead of a line across the map.
export function pathData(rings, project) {
  let d = '';
  for (const r of rings) {
    let prev = null;
    for (const [lon, lat] of r) {
      const [px, py] = project(lon, lat);
      d += (prev === null || Math.abs(lon - prev) > 180 ? 'M' : 'L') + px.toFixed(1) + ' ' + py.toFixed(1);
      prev = lon;
    }
    d += 'Z';
  }
  return d;
}
