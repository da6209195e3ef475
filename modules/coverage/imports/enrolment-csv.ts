import { refProblem } from '../domain/enrolment';
import { columnOf, readCsv, UnreadableFile } from './read-csv';

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

const refColumns = ['employee_ref', 'табельный номер', 'табельный_номер'];

/**
 * Reads an enrolment file: a header naming an `employee_ref` column, one employee a row.
 * Every row is either valid or rejected with its line and a reason, so the employer can
 * fix exactly those rows; a reference repeated in the file is rejected after its first line.
 */
export async function readEnrolmentCsv(
  bytes: Uint8Array,
): Promise<{ rows: EnrolmentRow[]; rejected: RejectedRow[] }> {
  const table = await readCsv(bytes);
  const column = columnOf(table, refColumns);
  if (column < 0) throw new UnreadableFile('the header has no employee_ref column');
  const rejected: RejectedRow[] = table.rejected.map(({ line, cells, reason }) => ({
    line,
    employeeRef: cells[column] ?? '',
    reason,
  }));
  const rows: EnrolmentRow[] = [];
  const firstLine = new Map<string, number>();
  for (const { line, cells } of table.records) {
    const employeeRef = cells[column] ?? '';
    const key = employeeRef.toLowerCase();
    const reason =
      refProblem(employeeRef) ??
      (firstLine.has(key) ? `the same employee_ref as line ${firstLine.get(key)}` : undefined);
    if (reason) rejected.push({ line, employeeRef, reason });
    else {
      firstLine.set(key, line);
      rows.push({ line, employeeRef });
    }
  }
  rejected.sort((a, b) => a.line - b.line);
  return { rows, rejected };
}
