import { Writable } from 'node:stream';
import { setImmediate as turnEnds } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { coalesceWrites } from '../coalesced-writes.ts';

/** A stream that records each write it is asked to make, as the chunks it carries. */
function recordingStream() {
  const writes: string[][] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      writes.push([String(chunk)]);
      done();
    },
    writev(chunks, done) {
      writes.push(chunks.map(({ chunk }) => String(chunk)));
      done();
    },
  });
  return { stream, writes };
}

describe('coalesceWrites', () => {
  it('sends what one turn of the event loop wrote in one write, at the end of the turn', async () => {
    const { stream, writes } = recordingStream();
    coalesceWrites(stream);
    stream.write('a');
    stream.write('b');
    stream.write('c');
    expect(writes).toEqual([]);
    await turnEnds();
    expect(writes).toEqual([['a', 'b', 'c']]);
  });

  it('starts again in the next turn', async () => {
    const { stream, writes } = recordingStream();
    coalesceWrites(stream);
    stream.write('a');
    await turnEnds();
    stream.write('b');
    stream.write('c');
    await turnEnds();
    expect(writes).toEqual([['a'], ['b', 'c']]);
  });

  it('keeps a cork of its own: the writer corking and uncorking inside a turn flushes nothing early', async () => {
    const { stream, writes } = recordingStream();
    coalesceWrites(stream);
    stream.write('a');
    stream.cork();
    stream.write('b');
    stream.uncork();
    expect(writes).toEqual([]);
    await turnEnds();
    expect(writes).toEqual([['a', 'b']]);
  });
});
