import type { Visitor } from './messenger-visitor.ts';

export interface StreamEvent {
  id: string;
  event: string;
  data: any;
}

/**
 * An EventSource as a browser opens it: the browser's cookies (a messenger visitor's, or the
 * console's session), and Last-Event-ID on resume.
 */
export async function openStream(
  url: string,
  visitor: Pick<Visitor, 'cookies'>,
  lastEventId?: string,
) {
  const controller = new AbortController();
  const cookie = [...visitor.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const response = await fetch(url, {
    headers: {
      cookie,
      accept: 'text/event-stream',
      ...(lastEventId && { 'last-event-id': lastEventId }),
    },
    signal: controller.signal,
  });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const events: StreamEvent[] = [];
  /** The newest `id` the stream gave, events or not: what a browser resumes from. */
  let lastId: string | undefined;
  const pump = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = Object.fromEntries(
            block
              .split('\n')
              .filter((line) => line && !line.startsWith(':'))
              .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
          );
          if (fields.id !== undefined) lastId = fields.id;
          if (fields.event) {
            events.push({
              id: fields.id ?? '',
              event: fields.event,
              data: JSON.parse(fields.data ?? 'null'),
            });
          }
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {}
  })();
  return {
    response,
    events,
    /** The events so far, once there are `count` of them or `timeoutMs` has passed. */
    async waitFor(count: number, timeoutMs = 4_000) {
      const deadline = Date.now() + timeoutMs;
      while (events.length < count && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return events;
    },
    get lastEventId() {
      return lastId;
    },
    async close() {
      controller.abort();
      await pump;
    },
  };
}
