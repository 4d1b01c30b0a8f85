// The WAL checkpointer's thread (wal-checkpointer.ts): plain JavaScript, so the thread loads
// SQLite's driver and nothing else. It opens its own connection to each watched file and
// checkpoints them all every `intervalMs`, so the fsyncs of a checkpoint happen here instead
// of in the commit of a request.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/** SQLite's page cache of each connection here, KiB: a checkpoint copies frames without it. */
const PAGE_CACHE_KIB = 256;

/** Per watch: its own connection (two watches may share a file). */
const databases = new Map();

function checkpointAll() {
  for (const [id, database] of databases) {
    try {
      // Passive: copies what it can and never waits for a reader or a writer.
      database.pragma('wal_checkpoint(PASSIVE)');
    } catch (error) {
      // The server's connection checkpoints this file itself from now on.
      database.close();
      databases.delete(id);
      parentPort.postMessage({ type: 'failed', id, error: String(error) });
    }
  }
}

const timer = setInterval(checkpointAll, workerData.intervalMs);

parentPort.on('message', (message) => {
  if (message.type === 'watch') {
    try {
      const database = new Database(message.file, { fileMustExist: true });
      database.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
      databases.set(message.id, database);
    } catch (error) {
      parentPort.postMessage({ type: 'failed', id: message.id, error: String(error) });
    }
  } else if (message.type === 'release') {
    // The last connection to close checkpoints the whole WAL and removes it, here if the
    // server's connection closed first.
    databases.get(message.id)?.close();
    databases.delete(message.id);
    parentPort.postMessage({ type: 'released', id: message.id });
  } else if (message.type === 'stop') {
    clearInterval(timer);
    for (const database of databases.values()) database.close();
    parentPort.close();
  }
});
