/**
 * RFC 9457 problem details. Every error a client sees carries a stable `code`
 * that integrators can switch on; `title` and `detail` are for humans.
 */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  errors?: ProblemItem[];
  [extension: string]: unknown;
}

export interface ProblemItem {
  path: string;
  message: string;
}

export class Problem extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly errors: ProblemItem[] | undefined;
  readonly extensions: Readonly<Record<string, unknown>> | undefined;

  constructor(
    status: number,
    code: string,
    title: string,
    detail?: string,
    errors?: ProblemItem[],
    extensions?: Readonly<Record<string, unknown>>,
  ) {
    super(detail ?? title);
    this.name = 'Problem';
    this.status = status;
    this.code = code;
    this.title = title;
    this.errors = errors;
    this.extensions = extensions;
  }

  toBody(instance?: string): ProblemBody {
    return {
      ...this.extensions,
      type: `https://telemed.example.ru/problems/${this.code.toLowerCase().replaceAll('_', '-')}`,
      title: this.title,
      status: this.status,
      code: this.code,
      ...(this.message !== this.title ? { detail: this.message } : {}),
      ...(instance ? { instance } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

export const problems = {
  validation: (errors: ProblemItem[], detail = 'The request does not match the contract.') =>
    new Problem(400, 'VALIDATION_FAILED', 'Request validation failed', detail, errors),
  malformedJson: () => new Problem(400, 'MALFORMED_JSON', 'Request body is not valid JSON'),
  unauthenticated: (detail = 'A valid bearer token is required.') =>
    new Problem(401, 'UNAUTHENTICATED', 'Authentication required', detail),
  forbidden: (detail = 'Your role does not allow this operation.') =>
    new Problem(403, 'FORBIDDEN', 'Access denied', detail),
  notFound: (what: string) => new Problem(404, 'NOT_FOUND', 'Not found', `${what} was not found.`),
  routeNotFound: () => new Problem(404, 'ROUTE_NOT_FOUND', 'No such route'),
  methodNotAllowed: () => new Problem(405, 'METHOD_NOT_ALLOWED', 'Method not allowed'),
  conflict: (code: string, detail: string) => new Problem(409, code, 'Conflict', detail),
  idempotencyKeyReused: () =>
    new Problem(
      422,
      'IDEMPOTENCY_KEY_REUSED',
      'Idempotency-Key reused with a different request',
      'This Idempotency-Key was already used with a different request body.',
    ),
  idempotencyInProgress: () =>
    new Problem(
      409,
      'IDEMPOTENCY_IN_PROGRESS',
      'A request with this Idempotency-Key is still being processed',
      'Retry after the first request completes.',
    ),
  payloadTooLarge: (limit: number) =>
    new Problem(413, 'PAYLOAD_TOO_LARGE', 'Payload too large', `The body exceeds ${limit} bytes.`),
  unsupportedMediaType: () =>
    new Problem(415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported media type', 'Send application/json.'),
  internal: () => new Problem(500, 'INTERNAL', 'Internal error', 'An unexpected error occurred.'),
  unavailable: (detail: string) => new Problem(503, 'UNAVAILABLE', 'Service unavailable', detail),
};
