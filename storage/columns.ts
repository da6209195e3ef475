import type { ColumnDef } from './catalog';

/** Column types for the table catalog (modules/<name>/tables.ts). */
export const text = { type: 'text' } as const;
export const int = { type: 'int' } as const;
export const bool = { type: 'bool' } as const;
export const json = { type: 'json' } as const;
export const timestamp = { type: 'timestamp' } as const;
export const optional = <T extends ColumnDef>(column: T) => ({ ...column, nullable: true }) as const;
