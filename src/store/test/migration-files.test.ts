import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Migration } from 'kysely';
import { describe, expect, it } from 'vitest';
import { MESSAGE_LOG_MIGRATIONS } from '../../message-log/adapters/migrations/index.ts';
import { STORE_MIGRATIONS } from '../migrations/index.ts';

// A migration file the index forgets never runs; a listed name without its file (or a file
// renamed) would make an existing database see a migration it already has as new. Each
// folder's files and its index's names must be the same set, in the same order.
const histories: [string, string, Record<string, Migration>][] = [
  ['the store', 'src/store/migrations', STORE_MIGRATIONS],
  ['the message log', 'src/message-log/adapters/migrations', MESSAGE_LOG_MIGRATIONS],
];

function migrationFiles(folder: string): string[] {
  return readdirSync(folder)
    .filter((file) => file !== 'index.ts')
    .sort();
}

describe.each(histories)("%s's migrations", (_name, folder, history) => {
  it('are one file each, named NNNN_what.ts, and nothing else', () => {
    expect(migrationFiles(folder).filter((file) => !/^\d{4}_[a-z0-9_]+\.ts$/.test(file))).toEqual(
      [],
    );
  });

  it('are listed by the index exactly as the files are named, in order', () => {
    const files = migrationFiles(folder).map((file) => file.replace(/\.ts$/, ''));
    expect(Object.keys(history)).toEqual(files);
  });

  it("are listed with each file's own migration", async () => {
    for (const file of migrationFiles(folder)) {
      const module = (await import(pathToFileURL(resolve(join(folder, file))).href)) as {
        migration: Migration;
      };
      expect(history[file.replace(/\.ts$/, '')], file).toBe(module.migration);
    }
  });
});
