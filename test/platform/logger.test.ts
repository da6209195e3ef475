import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../platform/logger';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger({ level: 'info' }, stream), lines };
}

describe('structured logs', () => {
  it('redact a patient’s name, phone and complaint wherever they appear', () => {
    // Prepare
    const { logger, lines } = capture();
    // Act
    logger.info(
      {
        fullName: 'Иван Петров',
        patient: { phone: '+79161234567', name: 'Иван' },
        triage: { request: { complaint: 'боль в груди' } },
        patientId: 'p-1',
      },
      'triage requested',
    );
    // Assess
    const output = lines.join('');
    for (const secret of ['Иван', '+79161234567', 'боль в груди']) expect(output).not.toContain(secret);
    const line = JSON.parse(output);
    expect(line).toMatchObject({
      level: 'INFO',
      msg: 'triage requested',
      fullName: '[REDACTED]',
      patient: { phone: '[REDACTED]', name: '[REDACTED]' },
      triage: { request: { complaint: '[REDACTED]' } },
      patientId: 'p-1',
    });
  });

  it('keep error messages readable', () => {
    const { logger, lines } = capture();
    logger.error({ err: new Error('queue unavailable') }, 'publish failed');
    expect(JSON.parse(lines.join('')).err.message).toBe('queue unavailable');
  });
});
