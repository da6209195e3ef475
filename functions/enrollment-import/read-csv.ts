import { parse } from 'csv-parse/sync';
import { refProblem } from '../coverage/domain/enrolment';

export interface EnrolmentRow {
  /** The line in the file, the header being line 1. */
  line: number;
  employeeRef: string;
}

export interface RejectedRow {
  line: number;
  employeeRef: string;
  reason: string;
}

/** The file as a whole cannot be read; nothing in it is applied. */
export class UnreadableFile extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'UnreadableFile';
  }
}

const refColumns = ['employee_ref', 'табельный номер', 'табельный_номер'];

/**
 * UTF-8 when the bytes are valid UTF-8 (with or without a BOM); otherwise Windows-1251, Excel's
 * Cyrillic default. iconv-lite is loaded only then: most files are UTF-8.
 */
export async function decode(bytes: Uint8Array): Promise<string> {
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
 * Reads an enrolment file: a header naming an `employee_ref` column, one employee a row.
 * Every row is either valid or rejected with its line and a reason, so the employer can
 * fix exactly those rows; a reference repeated in the file is rejected after its first line.
 */
export async function readEnrolmentCsv(
  bytes: Uint8Array,
): Promise<{ rows: EnrolmentRow[]; rejected: RejectedRow[] }> {
  const text = await decode(bytes);
  const rejected: RejectedRow[] = [];
  const records = parse(text, {
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
        employeeRef: '',
        reason: 'unreadable CSV (a quote is not closed)',
      });
    },
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const [header, ...data] = records;
  const names = header?.record.map((name) => name.toLowerCase()) ?? [];
  const column = names.findIndex((name) => refColumns.includes(name));
  if (column < 0) throw new UnreadableFile('the header has no employee_ref column');
  const rows: EnrolmentRow[] = [];
  const firstLine = new Map<string, number>();
  for (const { record, info } of data) {
    const employeeRef = record[column] ?? '';
    const key = employeeRef.toLowerCase();
    const reason =
      record.length > names.length
        ? `${record.length} fields, the header has ${names.length}`
        : (refProblem(employeeRef) ??
          (firstLine.has(key) ? `the same employee_ref as line ${firstLine.get(key)}` : undefined));
    if (reason) rejected.push({ line: info.lines, employeeRef, reason });
    else {
      firstLine.set(key, info.lines);
      rows.push({ line: info.lines, employeeRef });
    }
  }
  rejected.sort((a, b) => a.line - b.line);
  return { rows, rejected };
}
