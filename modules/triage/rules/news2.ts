import type { Facts } from './conditions';

export interface News2 {
  total: number;
  anySingle3: boolean;
  /** Every parameter was known; otherwise a low total proves nothing. */
  complete: boolean;
}

type Band = [upTo: number, points: number];

/** Royal College of Physicians NEWS2 (2017), SpO2 scale 1 and scale 2 (hypercapnic COPD), on air. */
const bands = {
  respiratoryRate: [
    [8, 3],
    [11, 1],
    [20, 0],
    [24, 2],
    [Infinity, 3],
  ] as Band[],
  spo2Scale1: [
    [91, 3],
    [93, 2],
    [95, 1],
    [Infinity, 0],
  ] as Band[],
  spo2Scale2: [
    [83, 3],
    [85, 2],
    [87, 1],
    [Infinity, 0],
  ] as Band[],
  systolic: [
    [90, 3],
    [100, 2],
    [110, 1],
    [219, 0],
    [Infinity, 3],
  ] as Band[],
  heartRate: [
    [40, 3],
    [50, 1],
    [90, 0],
    [110, 1],
    [130, 2],
    [Infinity, 3],
  ] as Band[],
  temperature: [
    [35.0, 3],
    [36.0, 1],
    [38.0, 0],
    [39.0, 1],
    [Infinity, 2],
  ] as Band[],
};

function points(value: number | undefined, table: Band[]): number | undefined {
  if (value === undefined) return undefined;
  return table.find(([upTo]) => value <= upTo)?.[1];
}

/** NEWS2 from what is known; unknown parameters score nothing and leave it incomplete. */
export function news2(facts: Facts): News2 {
  const v = facts.vitals;
  const copd = facts.symptoms.get('history_copd')?.present === true;
  const altered = ['confusion', 'drowsiness', 'unconscious'].some(
    (code) => facts.symptoms.get(code as 'confusion')?.present,
  );
  const scores = [
    points(v.respiratoryRate, bands.respiratoryRate),
    points(v.spo2, copd ? bands.spo2Scale2 : bands.spo2Scale1),
    points(v.systolic, bands.systolic),
    points(v.heartRate, bands.heartRate),
    points(v.temperature, bands.temperature),
    altered ? 3 : 0,
  ];
  const known = scores.filter((s): s is number => s !== undefined);
  return {
    total: known.reduce((sum, s) => sum + s, 0),
    anySingle3: known.includes(3),
    complete: known.length === scores.length,
  };
}
