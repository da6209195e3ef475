import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import { TransactionConflict, UniqueConflict } from '../errors';
import type { Database, Query, Row, Tables } from '../port';
import { tables as catalog, type TableDef, type TableName } from '../schema';
import { migrate } from './migrations';

const SQLITE_BUSY = 5;
const maxBusyRetries = 5;

/**
 * The embedded database: one SQLite file in WAL mode. Transactions start with
 * BEGIN IMMEDIATE (one writer at a time across processes); inside one process they
 * are queued, because a connection can run only one transaction at a time.
 */
export class SqliteDatabase implements Database {
  readonly driver = 'sqlite';
  private readonly db: DatabaseSync;
  private readonly statements = new Map<string, StatementSync>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    path: string,
    private readonly now: () => number = Date.now,
  ) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new DatabaseSync(path);
    this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;');
    migrate(this.db);
  }

  transaction<T>(work: (tables: Tables) => Promise<T>): Promise<T> {
    const run = this.queue.then(() => this.runExclusive(work));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async runExclusive<T>(work: (tables: Tables) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        this.db.exec('BEGIN IMMEDIATE');
        break;
      } catch (error) {
        if (errcode(error) !== SQLITE_BUSY || attempt >= maxBusyRetries) throw new TransactionConflict(error);
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
      }
    }
    try {
      const result = await work(new SqliteTables(this));
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  async sweepExpired(now: number): Promise<number> {
    let deleted = 0;
    await this.transaction(async () => {
      for (const [name, def] of Object.entries(catalog) as [TableName, TableDef][]) {
        if (!def.expiresAt) continue;
        const sql = `DELETE FROM ${name} WHERE ${def.expiresAt} IS NOT NULL AND ${def.expiresAt} <= ?`;
        deleted += Number(this.statement(sql).run(now).changes);
      }
    });
    return deleted;
  }

  async close(): Promise<void> {
    await this.queue;
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
}

class SqliteTables implements Tables {
  constructor(private readonly owner: SqliteDatabase) {}

  async insert(table: TableName, row: Row): Promise<void> {
    const def: TableDef = catalog[table];
    const columns = Object.keys(row);
    if (def.expiresAt) this.removeExpired(table, def, row);
    const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
    try {
      this.owner.statement(sql).run(...columns.map((c) => toSql(def, c, row[c])));
    } catch (error) {
      throw asUniqueConflict(table, def, error);
    }
  }

  async upsert(table: TableName, row: Row): Promise<void> {
    const def: TableDef = catalog[table];
    const columns = Object.keys(row);
    const sql = `INSERT OR REPLACE INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
    try {
      this.owner.statement(sql).run(...columns.map((c) => toSql(def, c, row[c])));
    } catch (error) {
      throw asUniqueConflict(table, def, error);
    }
  }

  async get(table: TableName, key: Row): Promise<Row | undefined> {
    const def: TableDef = catalog[table];
    const keys = Object.keys(key);
    const live = def.expiresAt ? ` AND (${def.expiresAt} IS NULL OR ${def.expiresAt} > ?)` : '';
    const sql = `SELECT * FROM ${table} WHERE ${keys.map((k) => `${k} = ?`).join(' AND ')}${live} LIMIT 1`;
    const values = keys.map((k) => toSql(def, k, key[k]));
    if (def.expiresAt) values.push(this.owner.clock());
    const raw = this.owner.statement(sql).get(...values);
    return raw ? fromSqlRow(def, raw) : undefined;
  }

  async update(table: TableName, key: Row, patch: Row): Promise<boolean> {
    const def: TableDef = catalog[table];
    const columns = Object.keys(patch);
    const keys = Object.keys(key);
    const sql = `UPDATE ${table} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE ${keys.map((k) => `${k} = ?`).join(' AND ')}`;
    try {
      const result = this.owner
        .statement(sql)
        .run(...columns.map((c) => toSql(def, c, patch[c])), ...keys.map((k) => toSql(def, k, key[k])));
      return Number(result.changes) > 0;
    } catch (error) {
      throw asUniqueConflict(table, def, error);
    }
  }

  async remove(table: TableName, key: Row): Promise<boolean> {
    const def: TableDef = catalog[table];
    const keys = Object.keys(key);
    const sql = `DELETE FROM ${table} WHERE ${keys.map((k) => `${k} = ?`).join(' AND ')}`;
    return Number(this.owner.statement(sql).run(...keys.map((k) => toSql(def, k, key[k]))).changes) > 0;
  }

  async find(table: TableName, query: Query): Promise<Row[]> {
    const def: TableDef = catalog[table];
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
    return rows.map((row) => fromSqlRow(def, row));
  }

  /** An expired row is gone as far as anyone can tell, so it must not block a new one. */
  private removeExpired(table: TableName, def: TableDef, row: Row): void {
    const keys = def.primaryKey;
    const sql = `DELETE FROM ${table} WHERE ${keys.map((k) => `${k} = ?`).join(' AND ')} AND ${def.expiresAt} <= ?`;
    this.owner.statement(sql).run(...keys.map((k) => toSql(def, k, row[k])), this.owner.clock());
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

function fromSqlRow(def: TableDef, raw: Record<string, unknown>): Row {
  const row: Row = {};
  for (const [column, { type }] of Object.entries(def.columns)) {
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

function asUniqueConflict(table: string, def: TableDef, error: unknown): unknown {
  const message = (error as Error).message ?? '';
  const code = errcode(error);
  // SQLITE_CONSTRAINT_PRIMARYKEY (1555) and SQLITE_CONSTRAINT_UNIQUE (2067)
  if (code !== 1555 && code !== 2067) return error;
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
