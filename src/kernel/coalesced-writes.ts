import type { Writable } from 'node:stream';

/**
 * Makes everything written to `socket` in one turn of the event loop leave in one write.
 * The turn's first write corks the socket and the turn's check phase (setImmediate, right
 * after the I/O callbacks) uncorks it, so the commands that many requests give one shared
 * connection (Redis, PostgreSQL) in a turn cost one system call instead of one each: socket
 * writes were the clustered bench's largest cost (docs/performance.md). A write waits at most
 * until the end of the turn it was made in. Once per socket.
 */
export function coalesceWrites(socket: Writable): void {
  const write = socket.write;
  let corked = false;
  const uncork = () => {
    corked = false;
    socket.uncork();
  };
  socket.write = function (this: Writable, ...args: Parameters<Writable['write']>) {
    if (!corked) {
      corked = true;
      socket.cork();
      setImmediate(uncork);
    }
    return write.apply(this, args);
  } as Writable['write'];
}
