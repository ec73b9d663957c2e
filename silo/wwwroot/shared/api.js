// The service's HTTP API, reached from wherever the page is: the base is where this module was loaded from.
export const serviceBase = new URL('../', import.meta.url);

export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(problem?.detail || problem?.title || `The service answered ${status}.`);
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }
}

export function serviceUrl(path) {
  return new URL(path.replace(/^\//, ''), serviceBase);
}

// A key for the Idempotency-Key header; crypto.randomUUID exists only on https pages, getRandomValues everywhere.
export function newIdempotencyKey() {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export async function api(path, { method = 'GET', token, body, idempotencyKey } = {}) {
  const headers = { accept: 'application/json' };
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(serviceUrl(path), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
    });
  } catch {
    throw new ApiError(0, { detail: 'The service could not be reached. Check your connection and try again.' });
  }

  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = { detail: text.slice(0, 200) };
    }
  }
  if (!response.ok) throw new ApiError(response.status, data, response.headers.get('retry-after'));
  return data;
}

// Live updates over server-sent events; the browser reconnects by itself after a dropped connection, and
// handlers.open runs on every (re)connection, so a widget can catch up on what it missed meanwhile.
export function listen(path, handlers) {
  const source = new EventSource(serviceUrl(path));
  for (const [name, handle] of Object.entries(handlers)) {
    if (name === 'open') {
      source.addEventListener('open', () => handle());
      continue;
    }
    source.addEventListener(name, (event) => {
      try {
        handle(JSON.parse(event.data));
      } catch (error) {
        console.warn('moderation: bad event', name, error);
      }
    });
  }
  return () => source.close();
}
