import type { TableName } from './catalog';

/** A row as repositories see it; see storage/catalog.ts for the value of each column type. */
export type Row = Record<string, unknown>;

export interface Query {
  /** Equality on each column. */
  where?: Row;
  /** A half-open range on one column: `from` inclusive, `to` exclusive. */
  range?: { column: string; from?: unknown; to?: unknown };
  /** Columns that must be NULL. */
  isNull?: string[];
  orderBy?: { column: string; direction?: 'asc' | 'desc' }[];
  limit?: number;
}

/**
 * Table operations inside one transaction. Both adapters give the same guarantees:
 * serializable isolation, `insert` failing with `UniqueConflict` on a duplicate primary
 * key or unique index, and nothing visible to others before commit.
 */
export interface Tables {
  insert(table: TableName, row: Row): Promise<void>;
  upsert(table: TableName, row: Row): Promise<void>;
  get(table: TableName, key: Row): Promise<Row | undefined>;
  /** Returns false when no row has that key. */
  update(table: TableName, key: Row, patch: Row): Promise<boolean>;
  remove(table: TableName, key: Row): Promise<boolean>;
  find(table: TableName, query: Query): Promise<Row[]>;
}

export interface TransactionOptions {
  /** Read-only work may run on a snapshot without locks. */
  readOnly?: boolean;
}

/** The database port: a unit of work over `Tables`. */
export interface Database {
  readonly driver: 'sqlite' | 'ydb';
  /**
   * Runs `work` in one serializable transaction and commits it. On a conflict with a
   * concurrent transaction the whole callback is retried, so it must have no effects
   * outside the database.
   */
  transaction<T>(work: (tables: Tables) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Deletes rows past their expiry; YDB does this itself with TTL and returns 0. */
  sweepExpired(now: number): Promise<number>;
  close(): Promise<void>;
}
