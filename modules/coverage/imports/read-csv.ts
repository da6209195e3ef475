import { parse } from 'csv-parse/sync';

/** One data row: its line in the file (the header being line 1) and its cells, trimmed. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export interface CsvTable {
  /** The header's names, lower-cased. */
  columns: string[];
  records: CsvRecord[];
  /** Rows that cannot be read as rows of this table: an unclosed quote, more cells than the header. */
  rejected: (CsvRecord & { reason: string })[];
}

/** The file as a whole cannot be read; nothing in it is applied. */
export class UnreadableFile extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'UnreadableFile';
  }
}

/**
 * UTF-8 when the bytes are valid UTF-8 (with or without a BOM); otherwise Windows-1251, Excel's
 * Cyrillic default. iconv-lite is loaded only then: most files are UTF-8.
 */
async function decode(bytes: Uint8Array): Promise<string> {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const { default: iconv } = await import('iconv-lite');
    return iconv.decode(Buffer.from(bytes), 'win1251');
  }
}

/** `;` (Excel in a Russian locale) or `,`, whichever the header line uses more. */
function delimiterOf(text: string): ';' | ',' {
  const end = text.indexOf('\n');
  const header = end < 0 ? text : text.slice(0, end);
  const count = (c: string) => header.split(c).length;
  return count(';') >= count(',') ? ';' : ',';
}

/**
 * Reads an uploaded CSV: a header line, then data rows. A row that cannot be read is
 * rejected with its line and a reason rather than failing the file, so the sender can fix
 * exactly those rows.
 */
export async function readCsv(bytes: Uint8Array): Promise<CsvTable> {
  const text = await decode(bytes);
  const rejected: CsvTable['rejected'] = [];
  const parsed = parse(text, {
    delimiter: delimiterOf(text),
    bom: true,
    info: true,
    trim: true,
    skip_empty_lines: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      rejected.push({
        line: Number(error?.lines ?? 0),
        cells: [],
        reason: 'unreadable CSV (a quote is not closed)',
      });
    },
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const [header, ...data] = parsed;
  const columns = header?.record.map((name) => name.toLowerCase()) ?? [];
  const records: CsvRecord[] = [];
  for (const { record: cells, info } of data) {
    if (cells.length > columns.length)
      rejected.push({
        line: info.lines,
        cells,
        reason: `${cells.length} fields, the header has ${columns.length}`,
      });
    else records.push({ line: info.lines, cells });
  }
  return { columns, records, rejected };
}

/** Where the first of `names` is in the header, or -1. */
export const columnOf = (table: CsvTable, names: readonly string[]) =>
  table.columns.findIndex((name) => names.includes(name));
