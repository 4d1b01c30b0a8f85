import type { Visitor } from './messenger-visitor.ts';

export interface StreamEvent {
  id: string;
  event: string;
  data: any;
}

/** An EventSource as a browser opens it: the visitor's cookies, and Last-Event-ID on resume. */
export async function openStream(url: string, visitor: Visitor, lastEventId?: string) {
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
    async waitFor(count: number) {
      for (let i = 0; i < 200 && events.length < count; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return events;
    },
    async close() {
      controller.abort();
      await pump;
    },
  };
}
