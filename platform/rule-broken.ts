/**
 * A domain rule said no: the one error every module throws for a refusal the caller can act on
 * (a slot taken, a policy not covering a specialty). Each module declares its refusals once, in
 * its rules table; the HTTP wrapper maps every one to problem+json with its stable `code`
 * (platform/http-middleware.ts), and the chatbot explains it to the patient by the same code.
 * Pure: domain code may throw it.
 */
export class RuleBroken extends Error {
  constructor(
    readonly code: string,
    readonly status: 404 | 409 | 422,
    message: string,
    /** Machine-readable members of the problem beside `code` (RFC 9457 extensions), e.g. who is missing. */
    readonly extensions?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'RuleBroken';
  }
}
