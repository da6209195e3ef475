import type * as z from 'zod';
import type { PolicyChange } from '../policy-changes';
import { policyChange } from '../schemas';
import { columnOf, readCsv, UnreadableFile } from './read-csv';

export interface PolicyRow {
  /** The line in the file, the header being line 1. */
  line: number;
  change: PolicyChange;
}

export interface RejectedPolicyRow {
  line: number;
  number: string;
  reason: string;
}

/** The file's column for each field: the single-policy calls' names in snake_case. */
const columns = {
  action: 'action',
  number: 'number',
  holderBirthDate: 'holder_birth_date',
  startsOn: 'starts_on',
  endsOn: 'ends_on',
} as const;
type Field = keyof typeof columns;

/** Excel in a Russian locale writes dates as DD.MM.YYYY; they are read as YYYY-MM-DD. */
const isoDate = (cell: string | undefined) => cell?.replace(/^(\d{2})\.(\d{2})\.(\d{4})$/, '$3-$2-$1');

/** Reasons for someone fixing a spreadsheet, where zod's own would name its internals. */
const reasons: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_union') return 'create, renew or cancel';
  if (issue.input === undefined) return 'required';
  if (issue.code === 'invalid_format' && issue.format === 'date') return 'a date, YYYY-MM-DD or DD.MM.YYYY';
  return undefined;
};

const reasonOf = (error: z.ZodError) =>
  error.issues
    .map((issue) => `${columns[issue.path[0] as Field] ?? issue.path.join('.')}: ${issue.message}`)
    .join('; ');

/**
 * Reads an insurer's policy file: a header with at least a `number` column, one policy a row.
 * Every row is either a valid change or rejected with its line and a reason; a policy is
 * changed once per file, so a number repeated in it is rejected after its first line.
 */
export async function readPolicyCsv(
  bytes: Uint8Array,
): Promise<{ rows: PolicyRow[]; rejected: RejectedPolicyRow[] }> {
  const table = await readCsv(bytes);
  const at = Object.fromEntries(
    Object.entries(columns).map(([field, name]) => [field, columnOf(table, [name])]),
  ) as Record<Field, number>;
  if (at.number < 0) throw new UnreadableFile('the header has no number column');
  const rejected: RejectedPolicyRow[] = table.rejected.map(({ line, cells, reason }) => ({
    line,
    number: cells[at.number] ?? '',
    reason,
  }));
  const rows: PolicyRow[] = [];
  const firstLine = new Map<string, number>();
  for (const { line, cells } of table.records) {
    const cell = (field: Field) => cells[at[field]] || undefined;
    const number = cell('number') ?? '';
    const parsed = policyChange.safeParse(
      {
        action: cell('action')?.toLowerCase() ?? 'create',
        number: cell('number'),
        holderBirthDate: isoDate(cell('holderBirthDate')),
        startsOn: isoDate(cell('startsOn')),
        endsOn: isoDate(cell('endsOn')),
      },
      { error: reasons },
    );
    if (!parsed.success) rejected.push({ line, number, reason: reasonOf(parsed.error) });
    else if (firstLine.has(number))
      rejected.push({ line, number, reason: `the same number as line ${firstLine.get(number)}` });
    else {
      firstLine.set(number, line);
      rows.push({ line, change: parsed.data });
    }
  }
  rejected.sort((a, b) => a.line - b.line);
  return { rows, rejected };
}
