import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Field names that carry personal or health data. They are redacted wherever they
 * appear (up to three levels deep), so a log call can never leak them by accident.
 */
export const sensitiveFields = [
  'fullName',
  'firstName',
  'lastName',
  'middleName',
  'name',
  'phone',
  'email',
  'birthDate',
  'address',
  'passport',
  'snils',
  // OpenID Connect identity assurance: names, SNILS, birth date as a state provider verified them
  'verifiedClaims',
  'verified_claims',
  'policyNumber',
  'complaint',
  'symptoms',
  'answers',
  'diagnosis',
  'notes',
  'medicalNotes',
  'vitals',
  'value',
  'values',
  'text',
  'authorization',
  'Authorization',
  'token',
  'body',
];

const redactPaths = sensitiveFields.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]);

export function createLogger(
  options: {
    level?: string;
    base?: Record<string, unknown>;
    /** Fields added to each line as it is written (e.g. the current call's ids). */
    mixin?: () => Record<string, unknown>;
  } = {},
  destination?: DestinationStream,
): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: options.base ?? {},
      ...(options.mixin ? { mixin: options.mixin } : {}),
      messageKey: 'msg',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label.toUpperCase() }) },
      redact: { paths: redactPaths, censor: '[REDACTED]' },
    },
    destination,
  );
}

export type { Logger };
