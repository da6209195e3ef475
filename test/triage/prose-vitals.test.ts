import { describe, expect, it } from 'vitest';
import { normalize } from '../../modules/triage/text/normalize';
import { readProseVitals } from '../../modules/triage/text/prose-vitals';
import { triage } from '../../modules/triage/triage';

const read = (text: string) => readProseVitals(normalize(text)).vitals;

describe('vital signs written in prose', () => {
  it.each([
    ['АД 190/120', { systolic: 190, diastolic: 120 }],
    ['BP 85/50', { systolic: 85, diastolic: 50 }],
    ['давление 150 на 95', { systolic: 150, diastolic: 95 }],
    ['SpO2 88%', { spo2: 88 }],
    ['сатурация 93', { spo2: 93 }],
    ['t 39.8', { temperature: 39.8 }],
    ['температура 38,5', { temperature: 38.5 }],
    ['temperature 101.3 F', { temperature: 38.5 }],
    ['ЧСС 130', { heartRate: 130 }],
    ['pulse 52 bpm', { heartRate: 52 }],
    ['ЧДД 28', { respiratoryRate: 28 }],
    ['glucose 2.1 mmol/L', { glucose: 2.1 }],
    ['сахар упал до 2,8', { glucose: 2.8 }],
    ['blood sugar 45 mg/dL', { glucose: 2.5 }],
  ])('reads «%s»', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it('ignores physically impossible values instead of believing them', () => {
    expect(read('SpO2 20%, t 52, АД 400/300')).toEqual({});
  });

  it('maps prose and structured vitals to the same rules', () => {
    const prose = triage({ age: 60, complaint: 'АД 200/125, сильная головная боль' }, 'ru');
    const structured = triage(
      {
        age: 60,
        complaint: 'головная боль',
        vitals: { systolic: 200, diastolic: 125 },
        symptoms: [{ code: 'headache', severity: 'severe' }],
      },
      'ru',
    );
    expect(prose.redFlags.map((f) => f.id)).toEqual(structured.redFlags.map((f) => f.id));
    expect(prose.disposition).toBe('emergency_ambulance');
  });

  it('does not read a normal temperature as a fever', () => {
    expect(triage({ age: 30, complaint: 'температура 36.6, насморк' }, 'ru').disposition).toBe('self_care');
  });
});
