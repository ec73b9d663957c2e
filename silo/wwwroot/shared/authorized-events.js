// Server-sent events from a route that needs the bearer token, which EventSource cannot send: read through fetch.
// Reconnects by itself (sending Last-Event-ID, so the service replays what was missed) with a growing pause;
// handlers.ready runs on every (re)connection, handlers.dropped when a connection is lost, handlers.refused on 401/403.
import { serviceUrl } from './api.js';

export function listenAuthorized(path, token, handlers) {
  let stopped = false;
  let lastEventId = null;
  let controller = null;
  let pause = 500;

  async function run() {
    while (!stopped) {
      controller = new AbortController();
      try {
        const headers = { accept: 'text/event-stream', authorization: `Bearer ${token}` };
        if (lastEventId !== null) headers['last-event-id'] = lastEventId;
        const response = await fetch(serviceUrl(path), { headers, signal: controller.signal, credentials: 'omit', cache: 'no-store' });
        if (response.status === 401 || response.status === 403) {
          handlers.refused?.(response.status);
          return;
        }
        if (response.ok && response.body) {
          pause = 500;
          await read(response.body);
        }
      } catch {
        // A dropped or refused connection: try again below.
      }
      if (stopped) return;
      handlers.dropped?.();
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, 15000);
    }
  }

  async function read(body) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value.replace(/\r\n?/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        dispatch(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  }

  function dispatch(block) {
    let name = 'message';
    let data = null;
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') name = value;
      else if (field === 'data') data = data === null ? value : `${data}\n${value}`;
      else if (field === 'id') lastEventId = value;
    }
    const handle = handlers[name];
    if (!handle || data === null) return;
    try {
      handle(JSON.parse(data));
    } catch (error) {
      console.warn('moderation: bad event', name, error);
    }
  }

  run();
  return () => {
    stopped = true;
    controller?.abort();
  };
}
