import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv, UnknownCsvFormat } from '../../modules/readings/domain/csv';
import { parseJsonItem } from '../../modules/readings/domain/json-items';
import { toCanonical } from '../../modules/readings/domain/units';
import { checked, filePolicy, livePolicy } from '../../modules/readings/domain/validate';
import { projectRoot } from '../support/test-cloud';

const now = Date.parse('2026-11-23T12:00:00Z');
const live = livePolicy(now);
const item = (fields: Record<string, unknown>) =>
  checked(parseJsonItem({ measuredAt: '2026-11-23T11:00:00Z', ...fields }, 'cuff-1'), live);
const reasonOf = (fields: Record<string, unknown>) => {
  const result = item(fields);
  return result.ok ? 'accepted' : result.rejection.reason;
};
const csv = (name: string) =>
  readFileSync(resolve(projectRoot, 'test/fixtures/device-readings', name), 'utf8');

describe('units', () => {
  it('converts mg/dL, pounds and °F to canonical units and keeps what the device sent', () => {
    expect(toCanonical('glucose', 180.16, 'mg/dL')).toEqual({
      value: 10,
      original: { value: 180.16, unit: 'mg/dL' },
    });
    expect(toCanonical('weight', 100, 'lbs')).toEqual({
      value: 45.359,
      original: { value: 100, unit: '[lb_av]' },
    });
    expect(toCanonical('temperature', 98.6, '[degF]')).toEqual({
      value: 37,
      original: { value: 98.6, unit: '[degF]' },
    });
    expect(toCanonical('temperature', 36.6, 'Cel')).toEqual({ value: 36.6, original: null });
    expect(toCanonical('glucose', 5, 'g/L')).toBeUndefined();
  });
});

describe('per-item validation', () => {
  it('stores an abnormal but possible value, and refuses an impossible one', () => {
    expect(reasonOf({ type: 'spo2', value: 55, unit: '%' })).toBe('accepted');
    expect(reasonOf({ type: 'spo2', value: 101, unit: '%' })).toBe('implausible_value');
    expect(reasonOf({ type: 'blood_pressure', systolic: 240, diastolic: 130 })).toBe('accepted');
    expect(reasonOf({ type: 'blood_pressure', systolic: 80, diastolic: 90 })).toBe('implausible_value');
    expect(reasonOf({ type: 'glucose', value: 1100, unit: 'mg/dL' })).toBe('implausible_value');
    expect(reasonOf({ type: 'temperature', value: 107.6, unit: '[degF]' })).toBe('accepted');
    expect(reasonOf({ type: 'heart_rate', value: 400 })).toBe('implausible_value');
  });

  it('refuses a time in the future beyond a small skew, and one too old', () => {
    expect(reasonOf({ type: 'heart_rate', value: 70, measuredAt: '2026-11-23T12:04:00Z' })).toBe('accepted');
    expect(reasonOf({ type: 'heart_rate', value: 70, measuredAt: '2026-11-23T12:10:00Z' })).toBe(
      'future_timestamp',
    );
    expect(reasonOf({ type: 'heart_rate', value: 70, measuredAt: '1970-01-01T00:00:00Z' })).toBe('too_old');
    // A file export may reach further back than a live reading.
    const old = parseJsonItem({ type: 'heart_rate', value: 70, measuredAt: '2019-01-01T00:00:00Z' }, 'd');
    expect(checked(old, live).ok).toBe(false);
    expect(checked(old, filePolicy(now)).ok).toBe(true);
  });

  it('names what is wrong: units, types, missing parts and devices', () => {
    expect(reasonOf({ type: 'glucose', value: 5, unit: 'g/L' })).toBe('unsupported_unit');
    expect(reasonOf({ type: 'cholesterol', value: 5 })).toBe('unsupported_type');
    expect(reasonOf({ type: 'ecg' })).toBe('waveform_requires_upload');
    expect(reasonOf({ type: 'blood_pressure', systolic: 120 })).toBe('data_absent');
    expect(reasonOf({ type: 'heart_rate', value: '70' })).toBe('invalid_item');
    expect(
      checked(
        parseJsonItem({ type: 'heart_rate', value: 70, measuredAt: '2026-11-23T11:00:00Z' }, undefined),
        live,
      ),
    ).toMatchObject({ ok: false, rejection: { reason: 'device_missing' } });
  });

  it('keeps the meal context of a glucose reading and the patient note', () => {
    expect(
      item({ type: 'glucose', value: 99, unit: 'mg/dL', mealContext: 'fasting', note: 'после зарядки' }),
    ).toEqual({
      ok: true,
      reading: {
        deviceId: 'cuff-1',
        type: 'glucose',
        measuredAt: Date.parse('2026-11-23T11:00:00Z'),
        value: 5.495,
        original: { value: 99, unit: 'mg/dL' },
        mealContext: 'fasting',
        note: 'после зарядки',
      },
    });
  });
});

describe('CSV exports (test/fixtures/device-readings)', () => {
  const accepted = (items: { parsed: { ok: boolean } }[]) => items.filter((i) => i.parsed.ok).length;

  it('reads all 222 home BP readings, with pulse, at the patient wall-clock time', () => {
    const { format, items } = parseCsv(csv('bp_jhs_home_bp_single_subject.csv'), 'omron-1', 'Europe/Moscow');
    expect(format).toBe('home_bp');
    expect(items).toHaveLength(222);
    expect(accepted(items)).toBe(222);
    expect(items[0]?.parsed).toMatchObject({
      ok: true,
      reading: {
        deviceId: 'omron-1',
        value: 133,
        diastolic: 74,
        pulse: 67,
        measuredAt: Date.parse('2019-04-15T20:38:28Z'),
      },
    });
  });

  it('reads all 250 ABPM readings of 5 subjects, each subject its own recorder', () => {
    const { format, items } = parseCsv(csv('bp_hypnos_abpm_5_subjects.csv'), 'abpm', 'UTC');
    expect(format).toBe('abpm');
    expect(items).toHaveLength(250);
    expect(accepted(items)).toBe(250);
    const devices = new Set(items.map((i) => (i.parsed.ok ? i.parsed.reading.deviceId : '')));
    expect([...devices].sort()).toEqual([
      'abpm:70417',
      'abpm:70422',
      'abpm:70424',
      'abpm:70435',
      'abpm:70439',
    ]);
    expect(items[0]?.parsed).toMatchObject({
      ok: true,
      reading: { value: 123, diastolic: 58, mean: 81, pulse: 72 },
    });
  });

  it('reads the 2,148 glucose values of the Dexcom Clarity export in mmol/L and skips its header rows', () => {
    const { format, items } = parseCsv(
      csv('cgmquantify_dexcom_g6_clarity_export.csv'),
      'g6',
      'Europe/Moscow',
    );
    expect(format).toBe('dexcom_clarity');
    expect(items).toHaveLength(2148);
    expect(accepted(items)).toBe(2148);
    expect(items[0]).toMatchObject({
      row: 13,
      parsed: {
        ok: true,
        reading: { type: 'glucose', value: 5.717, original: { value: 103, unit: 'mg/dL' } },
      },
    });
  });

  it('refuses a file it does not recognise', () => {
    expect(() => parseCsv('a,b\n1,2\n', 'd', 'UTC')).toThrow(UnknownCsvFormat);
  });
});
