import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFhir } from '../../modules/readings/domain/fhir';
import type { Reading, RejectionReason } from '../../modules/readings/domain/types';
import { checked, livePolicy } from '../../modules/readings/domain/validate';
import { projectRoot } from '../support/test-cloud';

const samples = resolve(projectRoot, 'test/fixtures/fhir');
const hour = 3_600_000;

type Expected = Partial<Reading> | RejectionReason;

/** What each sample must become: the canonical reading, or its specific reason. */
const expected: Record<string, Expected> = {
  'device-example.json': 'unsupported_resource',
  'devicemetric-example.json': 'unsupported_resource',
  'observation-example-bloodpressure-cancel.json': 'cancelled',
  'observation-example-bloodpressure-dar.json': 'data_absent',
  'observation-example-bloodpressure.json': { type: 'blood_pressure', value: 107, diastolic: 60, mean: null },
  'observation-example-bmi.json': 'unsupported_type',
  'observation-example-body-height.json': 'unsupported_type',
  'observation-example-body-temperature.json': { type: 'temperature', value: 36.5, original: null },
  'observation-example-f001-glucose.json': { type: 'glucose', value: 6.3, original: null },
  'observation-example-f202-temperature.json': 'entered_in_error',
  'observation-example-heart-rate.json': { type: 'heart_rate', value: 44 },
  'observation-example-map-sitting.json': 'unsupported_type',
  'observation-example-mbp.json': 'unsupported_type',
  'observation-example-respiratory-rate.json': 'unsupported_type',
  'observation-example-sample-data.json': 'waveform_requires_upload',
  'observation-example-satO2.json': { type: 'spo2', value: 95, deviceId: 'example' },
  'observation-example-unsat.json': 'cancelled',
  'observation-example-vitals-panel.json': 'unsupported_type',
  'observation-example.json': { type: 'weight', value: 83.915, original: { value: 185, unit: '[lb_av]' } },
  'phd-ig/bits-observation.json': 'not_a_measurement',
  'phd-ig/bp-devicemetric-example.json': 'unsupported_resource',
  'phd-ig/bpm-status.json': 'not_a_measurement',
  'phd-ig/coin-20181119174911.json': 'not_a_measurement',
  'phd-ig/coin-20181119202022.json': 'not_a_measurement',
  'phd-ig/coin-example-1.json': 'not_a_measurement',
  'phd-ig/coin-example-timefault.json': 'clock_fault',
  'phd-ig/compound-numeric-blood-pressure-no-mean.json': {
    type: 'blood_pressure',
    value: 116,
    diastolic: 71,
    mean: null,
    deviceId: 'phd-711000FEFF5F49B0.B0495F001071',
  },
  'phd-ig/compound-numeric-blood-pressure.json': {
    type: 'blood_pressure',
    value: 116,
    diastolic: 71,
    mean: 86,
  },
  'phd-ig/compound-observation-glucose.json': { type: 'glucose', value: 6.3, mealContext: 'after_meal' },
  'phd-ig/glucose-observation.json': {
    type: 'glucose',
    value: 5.495,
    original: { value: 99, unit: 'mg/dL' },
    mealContext: null,
  },
  'phd-ig/meal-context-observation.json': 'not_a_measurement',
  'phd-ig/numeric-observation-not-a-number.json': 'not_a_number',
  'phd-ig/numeric-spo2-alarm.json': {
    type: 'spo2',
    value: 79,
    deviceId: 'phd-74E8FFFEFF051C00.001C05FFE874',
  },
  'phd-ig/numeric-spotnumeric.json': { type: 'heart_rate', value: 48 },
  'phd-ig/patientExample-1.json': 'unsupported_resource',
  'phd-ig/patientExample-2.json': 'unsupported_resource',
  'phd-ig/phd-00601900010E9234.F45EABA80832.json': 'unsupported_resource',
  'phd-ig/phd-711000FEFF5F49B0.B0495F001071.json': 'unsupported_resource',
  'phd-ig/phd-74E8FFFEFF051C00.001C05FFE874.json': 'unsupported_resource',
  'phd-ig/phg-ecde3d4e58532d31.000000000000.json': 'unsupported_resource',
  'phd-ig/phg-example.json': 'unsupported_resource',
  'phd-ig/rtsa-example-2.json': 'waveform_requires_upload',
  'phd-ig/rtsa-example.json': 'unsupported_type',
  'phd-ig/string-observation-1.json': 'unsupported_type',
  'phd-ig/stringenum-1234.json': 'unsupported_type',
  'phd-ig/temperature-observation.json': { type: 'temperature', value: 36.5 },
};

const load = (file: string) => JSON.parse(readFileSync(join(samples, file), 'utf8'));

/** Parses a sample as if it arrived an hour after it was measured (the samples are years old). */
function importSample(resource: unknown) {
  return parseFhir(resource, 'default-device').map(({ ref, parsed }) => {
    const at = parsed.ok ? parsed.reading.measuredAt : Date.now();
    return { ref, result: checked(parsed, livePolicy(at + hour)) };
  });
}

describe('FHIR samples (test/fixtures/fhir and phd-ig)', () => {
  it('has an expectation for every sample file', () => {
    const files = [
      ...readdirSync(samples).filter((f) => f.endsWith('.json')),
      ...readdirSync(join(samples, 'phd-ig')).map((f) => `phd-ig/${f}`),
    ].filter((f) => !f.startsWith('bundle') && !f.includes('/bundle'));
    expect(files.sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [file, expectation] of Object.entries(expected)) {
    it(`${file} → ${typeof expectation === 'string' ? `rejected: ${expectation}` : `${expectation.type} ${expectation.value}`}`, () => {
      // Act
      const [item, ...rest] = importSample(load(file));
      // Assess
      expect(rest).toEqual([]);
      if (typeof expectation === 'string') {
        expect(item?.result).toMatchObject({ ok: false, rejection: { reason: expectation } });
      } else {
        expect(item?.result).toMatchObject({ ok: true, reading: expectation });
      }
    });
  }

  it('phd-ig/bundle-example-1.json: the gateway upload gives SpO2 98 % and pulse 47 /min from its bundled device; the clock record is not a reading', () => {
    const items = importSample(load('phd-ig/bundle-example-1.json'));
    expect(items.map((i) => i.ref)).toEqual(['cts-001', 'pulse-ox-001', 'pulse-ox-002']);
    expect(items[0]?.result).toMatchObject({ ok: false, rejection: { reason: 'not_a_measurement' } });
    expect(items[1]?.result).toMatchObject({
      ok: true,
      reading: { type: 'spo2', value: 98, deviceId: 'phd-001' },
    });
    expect(items[2]?.result).toMatchObject({
      ok: true,
      reading: { type: 'heart_rate', value: 47, deviceId: 'phd-001' },
    });
  });

  it('phd-ig/bundle-continuousnonin.json: 47 entries → 12 SpO2 and 12 pulse readings; status, battery, perfusion and NaN each get their reason', () => {
    const items = importSample(load('phd-ig/bundle-continuousnonin.json'));
    const count = (predicate: (r: (typeof items)[number]['result']) => boolean) =>
      items.filter((i) => predicate(i.result)).length;
    const reason = (name: RejectionReason) => count((r) => !r.ok && r.rejection.reason === name);
    expect(items).toHaveLength(47);
    expect(count((r) => r.ok && r.reading.type === 'spo2')).toBe(12);
    expect(count((r) => r.ok && r.reading.type === 'heart_rate')).toBe(12);
    expect(reason('not_a_measurement')).toBe(1 + 10); // battery charge, device status bits
    expect(reason('unsupported_type')).toBe(11); // perfusion index
    expect(reason('not_a_number')).toBe(1);
  });
});
