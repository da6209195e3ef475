import { describe, expect, it } from 'vitest';
import { triage } from '../../modules/triage/triage';
import { ruleIds } from './cases';

/** NICE NG51/NG143 thresholds depend on age: the same reading is normal at one age and a red flag at another. */
describe("children's vital-sign thresholds", () => {
  const withFever = (age: number, vitals: { heartRate?: number; respiratoryRate?: number }) =>
    ruleIds(triage({ age, complaint: 'температура 38.5', vitals }, 'ru').redFlags);

  it.each([
    { age: 0.5, heartRate: 160, fires: true },
    { age: 0.5, heartRate: 155, fires: false },
    { age: 1.5, heartRate: 150, fires: true },
    { age: 1.5, heartRate: 145, fires: false },
    { age: 4, heartRate: 145, fires: true },
    { age: 4, heartRate: 135, fires: false },
  ])(
    'heart rate $heartRate at $age years with fever: sepsis high risk $fires',
    ({ age, heartRate, fires }) => {
      expect(withFever(age, { heartRate }).includes('sepsis_children_under5')).toBe(fires);
    },
  );

  it.each([
    { age: 0.5, respiratoryRate: 60, fires: true },
    { age: 0.5, respiratoryRate: 55, fires: false },
    { age: 2, respiratoryRate: 50, fires: true },
    { age: 2, respiratoryRate: 45, fires: false },
    { age: 3.5, respiratoryRate: 40, fires: true },
    { age: 3.5, respiratoryRate: 38, fires: false },
  ])(
    'breathing $respiratoryRate/min at $age years with fever: sepsis high risk $fires',
    ({ age, respiratoryRate, fires }) => {
      expect(withFever(age, { respiratoryRate }).includes('sepsis_children_under5')).toBe(fires);
    },
  );

  it('treats any fever under 3 months as a red feature, and not at 4 months', () => {
    expect(withFever(0.2, {})).toContain('fever_under5_traffic_light.red');
    expect(withFever(0.34, {})).not.toContain('fever_under5_traffic_light.red');
  });

  it('does not apply the under-5 tools to an adult with the same readings', () => {
    const adult = ruleIds(triage({ age: 30, complaint: 'температура 38.5, пульс 150' }, 'ru').redFlags);
    expect(adult).not.toContain('sepsis_children_under5');
    expect(adult).toContain('sepsis_nice_high_risk');
  });

  it('never gives self-care to a baby under 3 months', () => {
    expect(triage({ age: 0.15, complaint: 'насморк' }, 'ru').disposition).not.toBe('self_care');
  });

  it('sends a child to a paediatrician rather than a therapist', () => {
    expect(triage({ age: 6, complaint: 'болит ухо второй день' }, 'ru').specialty).toBe('ent');
    expect(triage({ age: 6, complaint: 'кашель с температурой 38.5 и одышка' }, 'ru').specialty).toBe(
      'pediatrician',
    );
  });
});
