/**
 * One seeding of bench/seed.ts as a process of its own, forked by the bench:
 *
 *   node --import tsx bench/seed-process.ts store|message-log FILE APP_ID ROWS
 *
 * Prints `{"kind", "rows", "seconds"}` as one JSON line when done.
 */
import { seedFile } from './seed.ts';

const [kind, file, appId, rows] = process.argv.slice(2);
if ((kind !== 'store' && kind !== 'message-log') || !file || !appId || !rows) {
  process.stderr.write(
    'usage: node --import tsx bench/seed-process.ts store|message-log FILE APP_ID ROWS\n',
  );
  process.exit(2);
}
const seconds = seedFile(kind, file, appId, Number(rows));
process.stdout.write(`${JSON.stringify({ kind, rows: Number(rows), seconds })}\n`);
