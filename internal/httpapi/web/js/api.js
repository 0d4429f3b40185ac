// api.js talks to dyad's JSON API (docs/API.md).

// ApiError is an error response: {"error": {"code", "message"}}.
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

// query returns "?a=1&b=2" for the parameters that are set, or "".
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

// getJSON fetches an API path with parameters and returns the decoded
// body, or throws an ApiError.
export async function getJSON(path, params) {
  const res = await fetch(path + query(params), { headers: { Accept: 'application/json' } });
  let body = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON: reported below by status.
  }
  if (!res.ok) {
    const e = (body && body.error) || {};
    throw new ApiError(res.status, e.code || `http_${res.status}`, e.message || res.statusText);
  }
  return body;
}

let codesPromise = null;
let infoPromise = null;

// codes returns the CAMEO code table once: {byCode: Map, roots: [...],
// quads: Map}.
export function codes() {
  if (!codesPromise) {
    codesPromise = getJSON('/api/codes').then((data) => ({
      byCode: new Map(data.codes.map((c) => [c.code, c])),
      roots: data.codes.filter((c) => c.code.length === 2),
      quads: new Map(data.quads.map((q) => [q.quad, q.label])),
    }));
  }
  return codesPromise;
}

// info returns what the store holds and what the server offers, once.
export function info() {
  if (!infoPromise) infoPromise = getJSON('/api/info');
  return infoPromise;
}
