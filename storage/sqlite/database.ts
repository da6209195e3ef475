import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import { setImmediate } from 'node:timers';
import { catalogTables, type TableDef, type TableName, tableDef } from '../catalog';
import { TransactionConflict, UniqueConflict } from '../errors';
import type { Database, Query, Row, Tables } from '../port';
import { migrate } from './migrations';

const SQLITE_BUSY = 5;
const maxBusyRetries = 5;

/**
 * Makes SQLite do what YDB does when a commit aborts (a conflict, a moved tablet): undo the
 * transaction and run its callback again. SQLite never aborts that way on its own, so without
 * this no test shows what a callback with effects outside the database does on a re-run.
 */
export interface RerunSwitch {
  /** Commits aborted before the one that is let through. */
  aborts: number;
  /** Only every n-th transaction is chosen (1: every one). */
  every: number;
}

/** `N` (abort the first N commits of every transaction) or `N/M` (of every M-th); undefined when unset. */
export function parseRerunSwitch(value: string | undefined): RerunSwitch | undefined {
  const match = value?.match(/^(\d+)(?:\/(\d+))?$/);
  if (!match) return undefined;
  const aborts = Number(match[1]);
  return aborts > 0 ? { aborts, every: Math.max(1, Number(match[2] ?? 1)) } : undefined;
}

export interface SqliteOptions {
  rerun?: RerunSwitch | undefined;
}

/** Reads made through this adapter: queries run and rows they returned, for cost accounting. */
export interface ReadCounts {
  queries: number;
  rows: number;
}

/** Writes made through this adapter: statements run and rows they changed, for cost accounting. */
export interface WriteCounts {
  statements: number;
  rows: number;
}

/**
 * The embedded database: one SQLite file in WAL mode. Transactions start with
 * BEGIN IMMEDIATE (one writer at a time across processes); inside one process they
 * are queued, because a connection can run only one transaction at a time.
 *
 * Group commit: transactions that reach the database in the same turn of the event loop
 * run one after another inside one SQLite transaction, each in its own SAVEPOINT (so each
 * is still all or nothing), and commit together; each resolves only once that COMMIT has
 * succeeded. Pages they share (index tails, page 1) are written to the WAL once per group
 * instead of once per transaction, and BEGIN and COMMIT run once.
 */
export class SqliteDatabase implements Database {
  readonly driver = 'sqlite';
  private readonly db: DatabaseSync;
  private readonly statements = new Map<string, StatementSync>();
  private queue: Promise<unknown> = Promise.resolve();
  /** The group whose SQLite transaction is open, if any. */
  private group: Group | undefined;
  private transactionsBegun = 0;
  /** @internal counted by SqliteTables */
  readonly reads: ReadCounts = { queries: 0, rows: 0 };
  /** @internal counted by SqliteTables */
  readonly writes: WriteCounts = { statements: 0, rows: 0 };

  constructor(
    path: string,
    private readonly now: () => number = Date.now,
    private readonly options: SqliteOptions = {},
  ) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new DatabaseSync(path);
    this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;');
    // Savepoint journals (a page's before-image, for ROLLBACK TO) stay in memory, not in a temp file.
    this.db.exec('PRAGMA temp_store = MEMORY;');
    migrate(this.db);
  }

  transaction<T>(work: (tables: Tables) => Promise<T>): Promise<T> {
    const ran = this.queue.then(() => this.runInGroup(work));
    this.queue = ran.catch(() => undefined);
    return ran.then(({ result, group }) => group.committed.then(() => result));
  }

  private async runInGroup<T>(work: (tables: Tables) => Promise<T>): Promise<{ result: T; group: Group }> {
    const group = this.group ?? (await this.beginGroup());
    const aborts = this.abortsFor(++this.transactionsBegun);
    for (let attempt = 0; ; attempt++) {
      this.db.exec('SAVEPOINT member');
      let result: T;
      try {
        result = await work(new SqliteTables(this));
      } catch (error) {
        this.endMember(group, 'ROLLBACK TO member; RELEASE member');
        throw error;
      }
      // The re-run switch: this commit aborts, everything the callback wrote is undone, and it runs again.
      const end = attempt < aborts ? 'ROLLBACK TO member; RELEASE member' : 'RELEASE member';
      const lost = this.endMember(group, end);
      if (lost !== undefined) throw lost;
      if (attempt >= aborts) return { result, group };
    }
  }

  private abortsFor(transaction: number): number {
    const rerun = this.options.rerun;
    return rerun && transaction % rerun.every === 0 ? rerun.aborts : 0;
  }

  /** Ends a member's SAVEPOINT; returns why, if SQLite had rolled the whole transaction back. */
  private endMember(group: Group, sql: string): unknown {
    try {
      this.db.exec(sql);
      return undefined;
    } catch (error) {
      // The savepoint is gone: an I/O error or a full disk undid the whole transaction,
      // the work of the group's earlier members with it.
      group.lost ??= error;
      if (this.group === group) this.group = undefined;
      rollbackQuietly(this.db);
      return error;
    }
  }

  private async beginGroup(): Promise<Group> {
    for (let attempt = 1; ; attempt++) {
      try {
        this.db.exec('BEGIN IMMEDIATE');
        break;
      } catch (error) {
        if (errcode(error) !== SQLITE_BUSY || attempt >= maxBusyRetries) throw new TransactionConflict(error);
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
      }
    }
    let settle: (error?: unknown) => void = () => undefined;
    const committed = new Promise<void>((resolve, reject) => {
      settle = (error) => (error === undefined ? resolve() : reject(error));
    });
    // A group whose members all failed has no one waiting for its commit.
    committed.catch(() => undefined);
    const group: Group = { committed, settle, commitQueued: false };
    this.group = group;
    // Whatever else reaches the database in this turn of the event loop joins the group.
    setImmediate(() => this.queueCommit(group));
    return group;
  }

  private queueCommit(group: Group): void {
    if (group.commitQueued) return;
    group.commitQueued = true;
    this.queue = this.queue.then(() => this.commit(group));
  }

  private commit(group: Group): void {
    if (this.group === group) this.group = undefined;
    if (group.lost !== undefined) {
      group.settle(group.lost);
      return;
    }
    try {
      this.db.exec('COMMIT');
      group.settle();
    } catch (error) {
      rollbackQuietly(this.db);
      group.settle(error);
    }
  }

  async sweepExpired(now: number): Promise<number> {
    let deleted = 0;
    await this.transaction(async () => {
      for (const [name, def] of catalogTables()) {
        if (!def.expiresAt) continue;
        const sql = `DELETE FROM ${name} WHERE ${def.expiresAt} IS NOT NULL AND ${def.expiresAt} <= ?`;
        deleted += Number(this.statement(sql).run(now).changes);
      }
    });
    return deleted;
  }

  async close(): Promise<void> {
    // Settle everything queued, the commit of a group still open included.
    let settled: Promise<unknown> | undefined;
    while (settled !== this.queue || this.group) {
      if (this.group) this.queueCommit(this.group);
      settled = this.queue;
      await settled;
    }
    this.db.close();
  }

  /** @internal used by SqliteTables */
  statement(sql: string): StatementSync {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** @internal */
  clock(): number {
    return this.now();
  }

  /** @internal one write statement of SqliteTables and the rows it changed */
  wrote(rows: number): void {
    this.writes.statements++;
    this.writes.rows += rows;
  }
}

/** Transactions sharing one SQLite transaction and its COMMIT. */
interface Group {
  /** Settles once the group's COMMIT has succeeded or failed. */
  committed: Promise<void>;
  settle(error?: unknown): void;
  /** Why SQLite rolled the whole transaction back under a member, if it did. */
  lost?: unknown;
  commitQueued: boolean;
}

function rollbackQuietly(db: DatabaseSync): void {
  try {
    db.exec('ROLLBACK');
  } catch {
    // No transaction was open any more.
  }
}

class SqliteTables implements Tables {
  constructor(private readonly owner: SqliteDatabase) {}

  async insert(table: TableName, row: Row): Promise<void> {
    const def: TableDef = tableDef(table);
    const columns = Object.keys(row);
    const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
    const values = columns.map((c) => toSql(def, c, row[c]));
    this.owner.wrote(1);
    try {
      this.owner.statement(sql).run(...values);
    } catch (error) {
      // Only a taken key can be held by an expired row; a failed INSERT changed nothing, so retry once.
      if (!def.expiresAt || !isUniqueViolation(error) || !this.removeExpired(table, def, row))
        throw asUniqueConflict(table, def, error);
      try {
        this.owner.statement(sql).run(...values);
      } catch (retried) {
        throw asUniqueConflict(table, def, retried);
      }
    }
  }

  async upsert(table: TableName, row: Row): Promise<void> {
    const def: TableDef = tableDef(table);
    const columns = Object.keys(row);
    const sql = `INSERT OR REPLACE INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
    this.owner.wrote(1);
    try {
      this.owner.statement(sql).run(...columns.map((c) => toSql(def, c, row[c])));
    } catch (error) {
      throw asUniqueConflict(table, def, error);
    }
  }

  async get(table: TableName, key: Row): Promise<Row | undefined> {
    const def: TableDef = tableDef(table);
    const keys = Object.keys(key);
    const live = def.expiresAt ? ` AND (${def.expiresAt} IS NULL OR ${def.expiresAt} > ?)` : '';
    const sql = `SELECT * FROM ${table} WHERE ${keys.map((k) => `${k} = ?`).join(' AND ')}${live} LIMIT 1`;
    const values = keys.map((k) => toSql(def, k, key[k]));
    if (def.expiresAt) values.push(this.owner.clock());
    const raw = this.owner.statement(sql).get(...values);
    this.owner.reads.queries++;
    if (raw) this.owner.reads.rows++;
    return raw ? fromSqlRow(def, raw) : undefined;
  }

  async update(table: TableName, key: Row, patch: Row): Promise<boolean> {
    const def: TableDef = tableDef(table);
    let columns = Object.keys(patch);
    const keys = Object.keys(key);
    const where = keys.map((k) => `${k} = ?`).join(' AND ');
    const keyValues = keys.map((k) => toSql(def, k, key[k]));
    const indexed = indexedColumns(def);
    if (columns.some((c) => indexed.has(c))) {
      // SQLite rewrites the index entries of every column a SET names, even with its value unchanged:
      // name only the changed ones (a whole-record save rewrote every index of the row, and its pages).
      const current = this.owner
        .statement(`SELECT ${columns.join(', ')} FROM ${table} WHERE ${where}`)
        .get(...keyValues);
      if (!current) return false;
      const changed = columns.filter((c) => current[c] !== toSql(def, c, patch[c]));
      // Nothing changed: the full statement still runs, so triggers (append-only tables) still fire.
      if (changed.length > 0) columns = changed;
    }
    const sql = `UPDATE ${table} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE ${where}`;
    try {
      const result = this.owner
        .statement(sql)
        .run(...columns.map((c) => toSql(def, c, patch[c])), ...keyValues);
      this.owner.wrote(Number(result.changes));
      return Number(result.changes) > 0;
    } catch (error) {
      throw asUniqueConflict(table, def, error);
    }
  }

  async remove(table: TableName, key: Row): Promise<boolean> {
    const def: TableDef = tableDef(table);
    const keys = Object.keys(key);
    const sql = `DELETE FROM ${table} WHERE ${keys.map((k) => `${k} = ?`).join(' AND ')}`;
    const changes = Number(this.owner.statement(sql).run(...keys.map((k) => toSql(def, k, key[k]))).changes);
    this.owner.wrote(changes);
    return changes > 0;
  }

  async find(table: TableName, query: Query): Promise<Row[]> {
    const def: TableDef = tableDef(table);
    const conditions: string[] = [];
    const values: SQLInputValue[] = [];
    for (const [column, value] of Object.entries(query.where ?? {})) {
      conditions.push(`${column} = ?`);
      values.push(toSql(def, column, value));
    }
    if (query.range) {
      const { column, from, to } = query.range;
      if (from !== undefined) {
        conditions.push(`${column} >= ?`);
        values.push(toSql(def, column, from));
      }
      if (to !== undefined) {
        conditions.push(`${column} < ?`);
        values.push(toSql(def, column, to));
      }
    }
    for (const column of query.isNull ?? []) conditions.push(`${column} IS NULL`);
    if (def.expiresAt) {
      conditions.push(`(${def.expiresAt} IS NULL OR ${def.expiresAt} > ?)`);
      values.push(this.owner.clock());
    }
    const where = conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';
    const order = query.orderBy?.length
      ? ` ORDER BY ${query.orderBy.map((o) => `${o.column} ${o.direction === 'desc' ? 'DESC' : 'ASC'}`).join(', ')}`
      : '';
    const limit = query.limit !== undefined ? ` LIMIT ${Math.trunc(query.limit)}` : '';
    const rows = this.owner.statement(`SELECT * FROM ${table}${where}${order}${limit}`).all(...values);
    this.owner.reads.queries++;
    this.owner.reads.rows += rows.length;
    return rows.map((row) => fromSqlRow(def, row));
  }

  /** An expired row is gone as far as anyone can tell, so it must not block a new one; true if one went. */
  private removeExpired(table: TableName, def: TableDef, row: Row): boolean {
    const keys = def.primaryKey;
    const sql = `DELETE FROM ${table} WHERE ${keys.map((k) => `${k} = ?`).join(' AND ')} AND ${def.expiresAt} <= ?`;
    const values = [...keys.map((k) => toSql(def, k, row[k])), this.owner.clock()];
    return Number(this.owner.statement(sql).run(...values).changes) > 0;
  }
}

function toSql(def: TableDef, column: string, value: unknown): SQLInputValue {
  const type = def.columns[column]?.type;
  if (!type) throw new Error(`Unknown column ${column}`);
  if (value === undefined || value === null) return null;
  switch (type) {
    case 'bool':
      return value ? 1 : 0;
    case 'json':
      return JSON.stringify(value);
    default:
      return value as SQLInputValue;
  }
}

/** Columns some secondary index of the table covers. */
const indexLists = new WeakMap<TableDef, Set<string>>();

function indexedColumns(def: TableDef): Set<string> {
  let columns = indexLists.get(def);
  if (!columns) {
    columns = new Set(Object.values(def.indexes ?? {}).flatMap((index) => index.columns));
    indexLists.set(def, columns);
  }
  return columns;
}

/** Each table's columns as [name, type] pairs, listed once rather than for every row read. */
const columnLists = new WeakMap<TableDef, [string, string][]>();

function fromSqlRow(def: TableDef, raw: Record<string, unknown>): Row {
  let columns = columnLists.get(def);
  if (!columns) {
    columns = Object.entries(def.columns).map(([column, { type }]) => [column, type]);
    columnLists.set(def, columns);
  }
  const row: Row = {};
  for (const [column, type] of columns) {
    const value = raw[column];
    if (value === null || value === undefined) row[column] = null;
    else if (type === 'bool') row[column] = value === 1;
    else if (type === 'json') row[column] = JSON.parse(String(value));
    else if (type === 'int' || type === 'timestamp') row[column] = Number(value);
    else row[column] = value;
  }
  return row;
}

function errcode(error: unknown): number | undefined {
  return (error as { errcode?: number }).errcode;
}

/** SQLITE_CONSTRAINT_PRIMARYKEY (1555) or SQLITE_CONSTRAINT_UNIQUE (2067). */
function isUniqueViolation(error: unknown): boolean {
  const code = errcode(error);
  return code === 1555 || code === 2067;
}

function asUniqueConflict(table: string, def: TableDef, error: unknown): unknown {
  if (!isUniqueViolation(error)) return error;
  const message = (error as Error).message ?? '';
  const failed =
    message
      .match(/failed: (.*)$/)?.[1]
      ?.split(', ')
      .map((c) => c.split('.')[1]) ?? [];
  const index = Object.entries(def.indexes ?? {}).find(
    ([, idx]) => idx.unique && idx.columns.join(',') === failed.join(','),
  );
  return new UniqueConflict(table, index ? index[0] : 'primary_key');
}
