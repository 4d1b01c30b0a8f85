import type SqliteDatabase from 'better-sqlite3';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  SqliteDialect,
} from 'kysely';
import { BusyWait } from './busy-wait.ts';

/** Prepares SQL once per text (see sqlite-store.ts). */
export interface StatementSource {
  prepare(sql: string): SqliteDatabase.Statement;
  close(): void | Promise<void>;
}

interface Batch {
  /** Settles when the batch's COMMIT has run: resolved, or rejected with why it failed. */
  committed: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
  /** Something in it wrote: a read must then wait for the commit before it is answered. */
  dirty: boolean;
}

/** One caller's connection, as Kysely acquires it; they all share the one SQLite handle. */
class UnitConnection implements DatabaseConnection {
  constructor(private readonly driver: GroupCommitDriver) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return this.driver.execute(this, query) as Promise<QueryResult<R>>;
  }

  // biome-ignore lint/correctness/useYield: nothing in otpd streams from SQLite
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported by the SQLite store');
  }
}

/**
 * Group commit for SQLite. Every write SQLite commits costs a write system call per changed
 * page, and a create, a check and a delivery each change pages the others change too (the
 * tail of each time-ordered index). So the transactions that run in one turn of the event
 * loop share one outer transaction, committed when the turn ends: each caller's transaction
 * is a savepoint in it, and its commit resolves only once the shared COMMIT has run, so
 * nothing is answered before it is durable as configured. If that COMMIT fails, every
 * caller in the batch gets the error and none of their writes stays. A read is answered at
 * once unless the batch already holds writes it could see; then it waits for their commit.
 *
 * Like Kysely's own SQLite driver, one caller's transaction runs at a time; statements from
 * other callers wait for it to end.
 */
export class GroupCommitDriver implements Driver {
  private batch: Batch | undefined;
  private starting: Promise<void> | undefined;
  /** The turn ended while a transaction was open: commit as soon as it ends. */
  private flushDue = false;
  /** The connection whose transaction is open, and the batch it is in. */
  private owner: { connection: UnitConnection; batch: Batch } | undefined;
  private ownerEnded: Promise<void> = Promise.resolve();
  private endOwnerWaits: () => void = () => {};
  private readonly control: Record<
    'begin' | 'commit' | 'rollback' | 'savepoint' | 'release' | 'undo',
    SqliteDatabase.Statement
  >;

  constructor(
    private readonly database: SqliteDatabase.Database,
    private readonly statements: StatementSource,
    private readonly busyTimeoutMs: number,
  ) {
    const prepare = (sql: string) => database.prepare(sql);
    this.control = {
      // Immediate: the batch takes the write lock at once, so a batch that read before it
      // wrote cannot find that another process (the CLI) wrote in between.
      begin: prepare('begin immediate'),
      commit: prepare('commit'),
      rollback: prepare('rollback'),
      savepoint: prepare('savepoint unit'),
      release: prepare('release unit'),
      undo: prepare('rollback to unit'),
    };
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new UnitConnection(this);
  }

  async releaseConnection(): Promise<void> {}

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    // Checked again after every wait, and with no await between the last check and taking
    // the turn, so two callers cannot both find the connection free.
    for (;;) {
      while (this.owner) await this.ownerEnded;
      if (this.batch) break;
      await this.startBatch();
    }
    this.owner = { connection: connection as UnitConnection, batch: this.batch };
    this.ownerEnded = new Promise((resolve) => {
      this.endOwnerWaits = resolve;
    });
    this.control.savepoint.run();
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const owner = this.ownerOf(connection);
    if (owner.batch !== this.batch) throw new Error('the transaction was rolled back');
    this.control.release.run();
    owner.batch.dirty = true;
    this.endOwner();
    await owner.batch.committed;
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    // After a failed shared COMMIT the transaction is already gone, with its batch.
    if (this.owner?.connection !== connection) return;
    if (this.owner.batch === this.batch && this.database.inTransaction) {
      this.control.undo.run();
      this.control.release.run();
    }
    this.endOwner();
  }

  async destroy(): Promise<void> {
    if (!this.owner) this.flush();
    await this.statements.close();
  }

  /** Runs one statement for `connection`; see the class comment for when it is answered. */
  async execute(connection: UnitConnection, query: CompiledQuery): Promise<QueryResult<unknown>> {
    const statement = this.statements.prepare(query.sql);
    const parameters = query.parameters as unknown[];
    let busy: BusyWait | undefined;
    for (;;) {
      while (this.owner && this.owner.connection !== connection) await this.ownerEnded;
      if (this.owner?.connection === connection) {
        this.assertBatchLives(this.owner.batch);
        return this.run(statement, parameters);
      }
      if (statement.readonly && !this.batch?.dirty) {
        // SQLITE_BUSY here: another connection is rebuilding the WAL's index, as the first
        // to read a fresh file (the checkpoints' thread may be first) or one left by a crash
        // does. The read is tried again from the top: a batch may have written meanwhile.
        try {
          return this.run(statement, parameters);
        } catch (error) {
          busy ??= new BusyWait(this.busyTimeoutMs);
          await busy.pauseOrThrow(error);
          continue;
        }
      }
      if (this.batch) break;
      await this.startBatch();
    }
    const batch = this.batch;
    this.assertBatchLives(batch);
    const result = this.run(statement, parameters);
    if (!statement.readonly) batch.dirty = true;
    await batch.committed;
    return result;
  }

  private run(statement: SqliteDatabase.Statement, parameters: unknown[]): QueryResult<unknown> {
    try {
      if (statement.reader) return { rows: statement.all(parameters) };
      const { changes, lastInsertRowid } = statement.run(parameters);
      return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
    } catch (error) {
      // Some errors (a full disk, an I/O error) make SQLite roll back the whole transaction:
      // then the batch is over, and everyone in it hears why.
      if (this.batch && !this.database.inTransaction) this.fail(this.batch, error);
      throw error;
    }
  }

  /**
   * Refuses to go on in a batch SQLite already rolled back (after an error it rolls back on
   * its own, or a failed COMMIT): a statement run then would commit on its own, outside any
   * transaction, keeping half of a caller's writes.
   */
  private assertBatchLives(batch: Batch): void {
    if (batch === this.batch && this.database.inTransaction) return;
    const error = new Error('the transaction was rolled back; nothing in it was kept');
    if (this.batch === batch) this.fail(batch, error);
    throw error;
  }

  private ownerOf(connection: DatabaseConnection) {
    if (this.owner?.connection !== connection) throw new Error('no transaction is open here');
    return this.owner;
  }

  private endOwner(): void {
    this.owner = undefined;
    this.endOwnerWaits();
    // The turn ended while the transaction was open: commit now, before the next one begins.
    if (this.flushDue) this.flush();
  }

  /**
   * Opens the next batch, taking SQLite's write lock. While another process (the CLI) holds
   * it, this waits without blocking the event loop, retrying for up to `busyTimeoutMs`, so
   * the server's other work goes on and its own batches commit meanwhile.
   */
  private startBatch(): Promise<void> {
    this.starting ??= this.takeWriteLock().finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  private async takeWriteLock(): Promise<void> {
    const busy = new BusyWait(this.busyTimeoutMs);
    for (;;) {
      try {
        this.control.begin.run();
        break;
      } catch (error) {
        await busy.pauseOrThrow(error);
      }
    }
    let resolve!: () => void;
    let reject!: (error: unknown) => void;
    const committed = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // A batch nobody waits on (reads only) must not fail as an unhandled rejection.
    committed.catch(() => {});
    this.batch = { committed, resolve, reject, dirty: false };
    setImmediate(() => this.flush());
  }

  private flush(): void {
    const batch = this.batch;
    if (!batch) return;
    if (this.owner) {
      this.flushDue = true; // endOwner commits it
      return;
    }
    this.flushDue = false;
    this.batch = undefined;
    try {
      this.control.commit.run();
      batch.resolve();
    } catch (error) {
      this.fail(batch, error);
    }
  }

  private fail(batch: Batch, error: unknown): void {
    if (this.database.inTransaction) this.control.rollback.run();
    if (this.batch === batch) this.batch = undefined;
    batch.reject(error);
  }
}

/** Kysely's SQLite dialect (compiler, adapter, introspection) over the group-commit driver. */
export class GroupCommitDialect extends SqliteDialect {
  constructor(private readonly driver: GroupCommitDriver) {
    super({ database: {} as never });
  }

  override createDriver(): Driver {
    return this.driver;
  }
}
