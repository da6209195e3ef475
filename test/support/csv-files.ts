/** A row that breaks a rule, and the reason the import's result file gives for it. */
export type BrokenRow = [(i: number) => string, RegExp];

/**
 * An upload of `rows` data rows under `header` in which every `every`-th row is broken, the
 * kinds in turn; with the 1-based file lines of the broken rows, as the result file numbers them.
 */
export function fileWithBrokenRows(options: {
  header: string;
  rows: number;
  every: number;
  good: (i: number) => string;
  broken: BrokenRow[];
}): { csv: string; brokenLines: number[] } {
  const lines = [options.header];
  const brokenLines: number[] = [];
  for (let i = 0; i < options.rows; i++) {
    if (i % options.every === options.every - 1) {
      const [kind] = options.broken[brokenLines.length % options.broken.length] as BrokenRow;
      lines.push(kind(i));
      brokenLines.push(lines.length);
    } else lines.push(options.good(i));
  }
  return { csv: `${lines.join('\r\n')}\r\n`, brokenLines };
}

/** The reason expected for the n-th broken row of such a file. */
export const reasonOf = (broken: BrokenRow[], n: number) => (broken[n % broken.length] as BrokenRow)[1];
