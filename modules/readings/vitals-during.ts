import type { Repositories } from '../../platform/store';

/** One device reading of a vital sign, as another capability may judge it: values only. */
export interface VitalReading {
  measuredAt: number;
  systolic?: number;
  diastolic?: number;
  heartRate?: number;
  spo2?: number;
}

/** Enough for any exercise session; a device sending more in one is cut at this many per type. */
const perType = 500;

/**
 * A patient's blood pressure, heart rate and SpO2 readings measured in [from, to), oldest first,
 * whatever way they arrived (app, FHIR, file, IoT): for judging a rehabilitation session while it
 * runs. A monitor's pulse with a pressure counts as a heart rate.
 */
export async function vitalsDuring(
  repos: Repositories,
  patientId: string,
  from: number,
  to: number,
): Promise<VitalReading[]> {
  const [pressure, pulse, oxygen] = await Promise.all(
    (['blood_pressure', 'heart_rate', 'spo2'] as const).map((type) =>
      repos.readings.series.series(patientId, type, from, to, perType),
    ),
  );
  const whole = (value: number | null | undefined) =>
    value === null || value === undefined ? undefined : Math.round(value);
  const vitals: VitalReading[] = [
    ...(pressure ?? []).map((r) => ({
      measuredAt: r.measuredAt,
      systolic: whole(r.value),
      diastolic: whole(r.diastolic),
      heartRate: whole(r.pulse),
    })),
    ...(pulse ?? []).map((r) => ({ measuredAt: r.measuredAt, heartRate: whole(r.value) })),
    ...(oxygen ?? []).map((r) => ({ measuredAt: r.measuredAt, spo2: whole(r.value) })),
  ];
  return vitals
    .map((v) => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)) as VitalReading)
    .sort((a, b) => a.measuredAt - b.measuredAt);
}
