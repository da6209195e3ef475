/** A row with the same primary key or unique index value already exists. */
export class UniqueConflict extends Error {
  constructor(
    readonly table: string,
    readonly constraint: string,
  ) {
    super(`Unique conflict on ${table} (${constraint})`);
    this.name = 'UniqueConflict';
  }
}

/** The transaction kept losing to concurrent ones and gave up after its retries. */
export class TransactionConflict extends Error {
  constructor(cause?: unknown) {
    super('The transaction conflicted with concurrent transactions; retry later', { cause });
    this.name = 'TransactionConflict';
  }
}
