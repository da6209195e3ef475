import { StatusIds_StatusCode } from '@ydbjs/api/operation';
import type { CredentialsProvider } from '@ydbjs/auth';
import { AccessTokenCredentialsProvider } from '@ydbjs/auth/access-token';
import { MetadataCredentialsProvider } from '@ydbjs/auth/metadata';
import { Driver } from '@ydbjs/core';
import { CommitError, YDBError } from '@ydbjs/error';
import { type QueryClient, query, type TX } from '@ydbjs/query';
import type { Type, Value } from '@ydbjs/value';
import { Optional } from '@ydbjs/value/optional';
import {
  Bool,
  BoolType,
  Int64,
  Int64Type,
  Json,
  JsonType,
  Timestamp,
  TimestampType,
  Uint64,
  Utf8,
  Utf8Type,
} from '@ydbjs/value/primitive';
import { type ColumnType, tableDef as catalogDef, type TableDef, type TableName } from '../catalog';
import { TransactionConflict, UniqueConflict } from '../errors';
import type { Database, Query, Row, Tables, TransactionOptions } from '../port';

/** Attempts of one transaction before it gives up with `TransactionConflict`. */
const maxAttempts = 5;

/** NYql::TIssuesIds::KIKIMR_CONSTRAINT_VIOLATION: a duplicate primary key or unique index value. */
const constraintViolation = 2012;

export interface YdbOptions {
  /** e.g. grpcs://ydb.serverless.yandexcloud.net:2135 */
  endpoint: string;
  /** The database path, e.g. /ru-central1/b1g…/etn… */
  database: string;
  credentials: 'metadata' | 'anonymous' | { token: string };
  now?: () => number;
}

/** Connects to YDB and waits until the driver has discovered the database's endpoints. */
export async function openYdb(options: YdbOptions): Promise<YdbDatabase> {
  const connectionString = `${options.endpoint.replace(/\/+$/, '')}/${options.database.replace(/^\/+/, '')}`;
  const driver = new Driver(connectionString, {
    credentialsProvider: credentialsProvider(options.credentials),
  });
  try {
    await driver.ready();
  } catch (error) {
    driver.close();
    throw error;
  }
  return new YdbDatabase(driver, options.now);
}

function credentialsProvider(credentials: YdbOptions['credentials']): CredentialsProvider | undefined {
  if (credentials === 'metadata') return new MetadataCredentialsProvider();
  // Without a provider the driver sends no token, which is what a local anonymous YDB expects.
  if (credentials === 'anonymous') return undefined;
  return new AccessTokenCredentialsProvider(credentials);
}

/**
 * The serverless database: YDB through the Query service. Each `transaction` is one
 * interactive transaction (serializable, or a read-only snapshot) that the SDK's `begin`
 * runs again on conflicts. Writes look for a duplicate primary key or unique index value
 * first, in the same transaction, so a duplicate fails as `UniqueConflict` while the
 * transaction stays usable, as it does in SQLite.
 */
export class YdbDatabase implements Database {
  readonly driver = 'ydb';
  private readonly sql: QueryClient;

  constructor(
    readonly ydbDriver: Driver,
    private readonly now: () => number = Date.now,
  ) {
    this.sql = query(ydbDriver);
  }

  async transaction<T>(work: (tables: Tables) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const isolation = options.readOnly ? 'snapshotReadOnly' : 'serializableReadWrite';
    let attempts = 0;
    let lastFailure: unknown;
    let thrown: unknown;
    let tables: YdbTables | undefined;
    try {
      return await this.sql.begin({ isolation }, async (tx) => {
        attempts++;
        // `begin` retries without limit; the port promises callers a TransactionConflict instead.
        if (attempts > maxAttempts) {
          thrown = new TransactionConflict(lastFailure);
          throw thrown;
        }
        const current = new YdbTables(tx, this.now);
        tables = current;
        thrown = undefined;
        tx.onRollback((error) => {
          lastFailure = error;
        });
        // A callback that caught a failed statement's error cannot commit what YDB already ended.
        tx.onCommit(() => current.ensureUsable());
        try {
          return await work(current);
        } catch (error) {
          thrown = error;
          throw error;
        }
      });
    } catch (error) {
      throw settled(error, thrown, tables?.lastWritten);
    }
  }

  /** TTL deletes expired rows in the background (reads already skip them). */
  async sweepExpired(): Promise<number> {
    return 0;
  }

  async close(): Promise<void> {
    this.ydbDriver.close();
  }
}

/**
 * The error a caller of `transaction` sees. `begin` wraps whatever it does not retry in
 * Error('Transaction failed.', { cause }): unwrap what the callback threw, and turn a
 * duplicate that YDB found only at commit into UniqueConflict.
 */
function settled(error: unknown, thrown: unknown, lastWritten: TableName | undefined): unknown {
  if (!(error instanceof Error)) return error;
  if (thrown !== undefined && error.cause === thrown) return thrown;
  if (error.cause instanceof CommitError) return uniqueConflictIn(error.cause.cause, lastWritten) ?? error;
  return error;
}

class YdbTables implements Tables {
  /** The table of the latest write, to name a duplicate that YDB reports only at commit. */
  lastWritten: TableName | undefined;
  /** A statement that failed: YDB has ended the transaction on the server. */
  private failure: unknown;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly tx: TX,
    private readonly now: () => number,
  ) {}

  async insert(table: TableName, row: Row): Promise<void> {
    const def = tableDef(table);
    const holder = await this.keyHolder(table, def, row);
    if (holder && !isExpired(def, holder, this.now())) throw new UniqueConflict(table, 'primary_key');
    await this.assertUniqueIndexes(table, def, row, Object.keys(row));
    // An expired row is gone as far as anyone can tell: replace it whole instead of failing on it.
    await this.write(holder ? 'REPLACE' : 'INSERT', table, def, row);
  }

  async upsert(table: TableName, row: Row): Promise<void> {
    const def = tableDef(table);
    await this.assertUniqueIndexes(table, def, row, Object.keys(row));
    // REPLACE writes the whole row, like SQLite's INSERT OR REPLACE.
    await this.write('REPLACE', table, def, row);
  }

  async get(table: TableName, key: Row): Promise<Row | undefined> {
    const [found] = await this.find(table, { where: key, limit: 1 });
    return found;
  }

  async update(table: TableName, key: Row, patch: Row): Promise<boolean> {
    const def = tableDef(table);
    const existing = await this.get(table, key);
    if (!existing) return false;
    await this.assertUniqueIndexes(table, def, { ...existing, ...patch }, Object.keys(patch));
    const yql = new Yql(def);
    const set = yql.equalities(patch).join(', ');
    await this.run(
      `UPDATE ${quote(table)} SET ${set} WHERE ${yql.equalities(key).join(' AND ')}`,
      yql,
      table,
    );
    return true;
  }

  async remove(table: TableName, key: Row): Promise<boolean> {
    const def = tableDef(table);
    if (!(await this.get(table, key))) return false;
    const yql = new Yql(def);
    await this.run(`DELETE FROM ${quote(table)} WHERE ${yql.equalities(key).join(' AND ')}`, yql, table);
    return true;
  }

  async find(table: TableName, query: Query): Promise<Row[]> {
    const def = tableDef(table);
    const yql = new Yql(def);
    const conditions = filters(yql, def, query, this.now());
    const index = indexFor(def, query);
    const view = index ? ` VIEW ${quote(index)}` : '';
    const where = conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';
    const order = query.orderBy?.length
      ? ` ORDER BY ${query.orderBy.map((o) => `${yql.column(o.column)} ${o.direction === 'desc' ? 'DESC' : 'ASC'}`).join(', ')}`
      : '';
    const limit =
      query.limit !== undefined ? ` LIMIT ${yql.bind(new Uint64(BigInt(Math.trunc(query.limit))))}` : '';
    const [rows = []] = await this.run(`SELECT * FROM ${quote(table)}${view}${where}${order}${limit}`, yql);
    return rows.map((raw) => decodeRow(def, raw));
  }

  /** After a failed statement the server has ended the transaction: start the attempt over. */
  ensureUsable(): void {
    if (this.failure !== undefined) throw restart(this.failure);
  }

  /** The row holding `row`'s primary key, expired or not. */
  private async keyHolder(table: TableName, def: TableDef, row: Row): Promise<Row | undefined> {
    const yql = new Yql(def);
    const columns = def.expiresAt ? [...def.primaryKey, def.expiresAt] : def.primaryKey;
    const select = columns.map((column) => yql.column(column)).join(', ');
    const where = yql.equalities(pick(row, def.primaryKey)).join(' AND ');
    const [rows = []] = await this.run(`SELECT ${select} FROM ${quote(table)} WHERE ${where}`, yql);
    return rows[0] && decodeRow(def, rows[0]);
  }

  /**
   * Throws UniqueConflict when a row with another primary key holds `row`'s values of a
   * unique index that `changed` touches. The read is part of the serializable transaction,
   * so a concurrent writer of the same values makes one of the two transactions retry.
   */
  private async assertUniqueIndexes(
    table: TableName,
    def: TableDef,
    row: Row,
    changed: string[],
  ): Promise<void> {
    const checks = Object.entries(def.indexes ?? {}).filter(
      ([, index]) =>
        index.unique &&
        index.columns.some((column) => changed.includes(column)) &&
        index.columns.every((column) => row[column] !== null && row[column] !== undefined),
    );
    if (!checks.length) return;
    const yql = new Yql(def);
    const keys = def.primaryKey.map((column) => yql.column(column)).join(', ');
    const statements = checks.map(
      ([name, index]) =>
        `SELECT ${keys} FROM ${quote(table)} VIEW ${quote(name)} WHERE ${yql.equalities(pick(row, index.columns)).join(' AND ')}`,
    );
    const results = await this.run(statements.join(';\n'), yql);
    for (const [i, [name]] of checks.entries()) {
      const holders = (results[i] ?? []).map((raw) => decodeRow(def, raw));
      if (holders.some((holder) => !sameKey(def, holder, row))) throw new UniqueConflict(table, name);
    }
  }

  private async write(verb: 'INSERT' | 'REPLACE', table: TableName, def: TableDef, row: Row): Promise<void> {
    const yql = new Yql(def);
    const columns = Object.keys(row);
    const names = columns.map((column) => yql.column(column)).join(', ');
    const values = columns.map((column) => yql.value(column, row[column])).join(', ');
    await this.run(`${verb} INTO ${quote(table)} (${names}) VALUES (${values})`, yql, table);
  }

  /** Runs statements one after another: a session executes one query at a time. */
  private run(text: string, yql: Yql, table?: TableName): Promise<Row[][]> {
    const result = this.queue.then(() => this.execute(text, yql, table));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async execute(text: string, yql: Yql, table?: TableName): Promise<Row[][]> {
    this.ensureUsable();
    if (table) this.lastWritten = table;
    const statement = this.tx<Row[]>(text);
    for (const [name, value] of Object.entries(yql.params)) statement.parameter(name, value);
    try {
      return await statement;
    } catch (error) {
      this.failure = error;
      throw statementError(error, table);
    }
  }
}

/** Builds one YQL text: catalog identifiers in the text, every value a typed parameter. */
class Yql {
  readonly params: Record<string, Value> = {};

  constructor(private readonly def: TableDef) {}

  /** A column name checked against the catalog, so only catalog names reach the text. */
  column(name: string): string {
    if (!this.def.columns[name]) throw new Error(`Unknown column ${name}`);
    return quote(name);
  }

  /** Binds a value as a parameter of the column's type and returns the parameter's name. */
  value(column: string, value: unknown): string {
    return this.bind(encode(this.def, column, value));
  }

  bind(value: Value): string {
    const name = `$p${Object.keys(this.params).length}`;
    this.params[name] = value;
    return name;
  }

  /** `column = $pN` for each entry. */
  equalities(values: Row): string[] {
    return Object.entries(values).map(
      ([column, value]) => `${this.column(column)} = ${this.value(column, value)}`,
    );
  }
}

function filters(yql: Yql, def: TableDef, query: Query, now: number): string[] {
  const conditions = yql.equalities(query.where ?? {});
  if (query.range) {
    const { column, from, to } = query.range;
    if (from !== undefined) conditions.push(`${yql.column(column)} >= ${yql.value(column, from)}`);
    if (to !== undefined) conditions.push(`${yql.column(column)} < ${yql.value(column, to)}`);
  }
  for (const column of query.isNull ?? []) conditions.push(`${yql.column(column)} IS NULL`);
  if (def.expiresAt) {
    // TTL deletes in the background, maybe much later: readers must not see expired rows meanwhile.
    const expiry = yql.column(def.expiresAt);
    const live = `${expiry} > ${yql.bind(new Timestamp(new Date(now)))}`;
    conditions.push(def.columns[def.expiresAt]?.nullable ? `(${expiry} IS NULL OR ${live})` : live);
  }
  return conditions;
}

/**
 * The secondary index to read through, when the lookup constrains the leading columns of
 * one and not those of the primary key (a primary key prefix is already a range read).
 */
function indexFor(def: TableDef, query: Query): string | undefined {
  const equal = new Set(Object.keys(query.where ?? {}));
  const range = query.range?.column;
  if (prefixLength(def.primaryKey, equal, range) > 0) return undefined;
  let best: { name: string; length: number } | undefined;
  for (const [name, index] of Object.entries(def.indexes ?? {})) {
    const length = prefixLength(index.columns, equal, range);
    if (length > (best?.length ?? 0)) best = { name, length };
  }
  return best?.name;
}

/** How many leading `columns` the lookup pins: equalities, then optionally the range column. */
function prefixLength(columns: string[], equal: Set<string>, range: string | undefined): number {
  let length = 0;
  for (const column of columns) {
    if (!equal.has(column)) break;
    length++;
  }
  return range !== undefined && columns[length] === range ? length + 1 : length;
}

const codecs: Record<ColumnType, { type: Type; encode: (value: unknown) => Value }> = {
  text: { type: new Utf8Type(), encode: (value) => new Utf8(value as string) },
  int: { type: new Int64Type(), encode: (value) => new Int64(BigInt(value as number)) },
  bool: { type: new BoolType(), encode: (value) => new Bool(value as boolean) },
  json: { type: new JsonType(), encode: (value) => new Json(JSON.stringify(value)) },
  timestamp: { type: new TimestampType(), encode: (value) => new Timestamp(new Date(value as number)) },
};

/** A row value as its column's YDB type; nullable columns take Optional<type>. */
function encode(def: TableDef, column: string, value: unknown): Value {
  const spec = def.columns[column];
  if (!spec) throw new Error(`Unknown column ${column}`);
  const codec = codecs[spec.type];
  if (value === null || value === undefined) {
    if (!spec.nullable) throw new Error(`Column ${column} cannot be null`);
    return new Optional(null, codec.type);
  }
  return spec.nullable ? new Optional(codec.encode(value)) : codec.encode(value);
}

/** A result row in the catalog's JS types; the SDK already gives strings, booleans and parsed JSON. */
function decodeRow(def: TableDef, raw: Row): Row {
  const row: Row = {};
  for (const [column, value] of Object.entries(raw)) {
    const type = def.columns[column]?.type;
    if (value === null || value === undefined) row[column] = null;
    else if (type === 'int') row[column] = Number(value);
    else if (type === 'timestamp') row[column] = (value as Date).getTime();
    else row[column] = value;
  }
  return row;
}

function tableDef(table: TableName): TableDef {
  // Table names go into YQL text: only catalog names may.
  return catalogDef(table);
}

function quote(name: string): string {
  return `\`${name}\``;
}

function pick(row: Row, columns: string[]): Row {
  return Object.fromEntries(columns.map((column) => [column, row[column]]));
}

function sameKey(def: TableDef, a: Row, b: Row): boolean {
  return def.primaryKey.every((column) => a[column] === b[column]);
}

function isExpired(def: TableDef, row: Row, now: number): boolean {
  const expiresAt = def.expiresAt ? row[def.expiresAt] : null;
  return typeof expiresAt === 'number' && expiresAt <= now;
}

function statementError(error: unknown, table: TableName | undefined): unknown {
  // The SDK re-runs a statement that failed retryably (ABORTED) inside the transaction the
  // server has already ended, which then answers NOT_FOUND: start the whole attempt over.
  if (error instanceof YDBError && error.code === StatusIds_StatusCode.NOT_FOUND) return restart(error);
  return uniqueConflictIn(error, table) ?? error;
}

/** An error `begin` retries by running the callback again in a new transaction. */
function restart(cause: unknown): YDBError {
  return Object.assign(new YDBError(StatusIds_StatusCode.ABORTED, []), { cause });
}

interface Issue {
  issueCode?: number;
  message?: string;
  issues?: Issue[];
}

/** YDB's duplicate error (PRECONDITION_FAILED with a constraint-violation issue) as UniqueConflict. */
function uniqueConflictIn(error: unknown, table: TableName | undefined): UniqueConflict | undefined {
  if (!(error instanceof YDBError) || error.code !== StatusIds_StatusCode.PRECONDITION_FAILED)
    return undefined;
  const issues = flatten(error.issues as Issue[]);
  if (!issues.some((issue) => issue.issueCode === constraintViolation)) return undefined;
  // Newer servers name the table that refused the row: `…/<table>`, or `…/<table>/<index>/indexImplTable`.
  const messages = issues.map((issue) => issue.message ?? '').join('\n');
  const path = /Table: `([^`]+)`/.exec(messages)?.[1]?.split('/') ?? [];
  const [owner, index] =
    path.at(-1) === 'indexImplTable' ? [path.at(-3), path.at(-2)] : [path.at(-1), undefined];
  const name = owner ?? table;
  return name ? new UniqueConflict(name, index ?? 'primary_key') : undefined;
}

function flatten(issues: Issue[] = []): Issue[] {
  return issues.flatMap((issue) => [issue, ...flatten(issue.issues)]);
}
