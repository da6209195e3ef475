import { loincSystem } from './fhir-codes';
import { bpComponentLoinc, type Reading, typeInfo } from './types';

const ucumSystem = 'http://unitsofmeasure.org';
const vitalSigns = {
  coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }],
};

const quantity = (value: number, unit: string, code: string) => ({ value, unit, system: ucumSystem, code });
const concept = (code: string, display: string) => ({
  coding: [{ system: loincSystem, code, display }],
  text: display,
});

/** A stored reading as a FHIR R4 Observation (vital-signs profile shapes), canonical units and LOINC. */
export function toObservation(reading: Reading & { patientId: string }) {
  const info = typeInfo[reading.type];
  const base = {
    resourceType: 'Observation',
    id: `${reading.deviceId}.${reading.type}.${reading.measuredAt}`
      .replace(/[^A-Za-z0-9.-]/g, '-')
      .slice(0, 64),
    status: 'final',
    category: [vitalSigns],
    code: concept(info.loinc, info.display),
    subject: { reference: `Patient/${reading.patientId}` },
    effectiveDateTime: new Date(reading.measuredAt).toISOString(),
    device: { display: reading.deviceId },
  };
  if (reading.type === 'blood_pressure') {
    const pressure = (loinc: string, display: string, value: number | null | undefined) =>
      typeof value === 'number'
        ? [{ code: concept(loinc, display), valueQuantity: quantity(value, 'mmHg', 'mm[Hg]') }]
        : [];
    return {
      ...base,
      component: [
        ...pressure(bpComponentLoinc.systolic, 'Systolic blood pressure', reading.value),
        ...pressure(bpComponentLoinc.diastolic, 'Diastolic blood pressure', reading.diastolic),
        ...pressure(bpComponentLoinc.mean, 'Mean blood pressure', reading.mean),
        ...(typeof reading.pulse === 'number'
          ? [
              {
                code: concept(bpComponentLoinc.pulse, 'Heart rate'),
                valueQuantity: quantity(reading.pulse, '/min', '/min'),
              },
            ]
          : []),
      ],
    };
  }
  // R4 has no attachment value: the ECG file is named as what the observation derives from.
  if (reading.type === 'ecg')
    return {
      ...base,
      derivedFrom: [{ identifier: { system: 'urn:telemed:readings-file', value: reading.fileRef } }],
    };
  return { ...base, valueQuantity: quantity(reading.value ?? 0, info.unit, info.ucum) };
}

/** A search-set Bundle of Observations, the FHIR answer to a series query. */
export function toBundle(readings: (Reading & { patientId: string })[]) {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: readings.length,
    entry: readings.map((reading) => ({ resource: toObservation(reading) })),
  };
}
