import type { ColumnDef } from './schema';

/** Column types for the table catalog (storage/schema.ts and each capability's *-schema.ts). */
export const text = { type: 'text' } as const;
export const int = { type: 'int' } as const;
export const bool = { type: 'bool' } as const;
export const json = { type: 'json' } as const;
export const timestamp = { type: 'timestamp' } as const;
export const optional = <T extends ColumnDef>(column: T) => ({ ...column, nullable: true }) as const;
