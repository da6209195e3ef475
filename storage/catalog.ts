/**
 * The table catalog both adapters implement. Each capability declares its own tables with
 * `defineTables` (modules/<name>/tables.ts) and so adds them here; repositories name tables
 * through the `Tables` port, and each adapter's migrations create them (storage/sqlite/migrations,
 * storage/ydb/migrations). A contract test checks the migrated schema against this catalog.
 *
 * Value types in rows: text → string, int → number, bool → boolean,
 * json → any JSON value, timestamp → epoch milliseconds (UTC).
 */

export type ColumnType = 'text' | 'int' | 'bool' | 'json' | 'timestamp';

export interface ColumnDef {
  type: ColumnType;
  nullable?: boolean;
}

export interface TableDef {
  columns: Record<string, ColumnDef>;
  primaryKey: string[];
  /** Secondary indexes; `unique` ones surface a duplicate as `UniqueConflict`. */
  indexes?: Record<string, { columns: string[]; unique?: boolean }>;
  /** A timestamp column after which the row is gone: YDB TTL, SQLite sweep, and never read. */
  expiresAt?: string;
}

/**
 * Every table's name, for the compiler: a capability adds its own by augmenting this interface
 * (`declare module '…/storage/catalog' { interface TableCatalog extends TablesOf<typeof mine> {} }`).
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging, one capability at a time.
export interface TableCatalog {}

export type TableName = keyof TableCatalog & string;

export type TablesOf<T> = Record<keyof T & string, TableDef>;

const catalog = new Map<string, TableDef>();

/** Adds a capability's tables to the catalog; a name declared twice is a programming error. */
export function defineTables<const T extends Record<string, TableDef>>(tables: T): T {
  for (const [name, def] of Object.entries(tables)) {
    const known = catalog.get(name);
    if (known && known !== def) throw new Error(`Table ${name} is declared twice`);
    catalog.set(name, def);
  }
  return tables;
}

/** A table's definition; only catalog names may reach a query's text. */
export function tableDef(name: string): TableDef {
  const def = catalog.get(name);
  if (!def) throw new Error(`Unknown table ${name}: is its capability's module loaded?`);
  return def;
}

/** Every table the loaded capabilities declared. */
export function catalogTables(): [string, TableDef][] {
  return [...catalog];
}
