import { medicalRecordBasis, type PersonDataSection } from '../../platform/person-data';
import { toObservation } from './domain/fhir-output';
import { type ReadingType, typeInfo } from './domain/types';

/** Readings per page: a patient with years of home measurements is read, and written, in slices. */
const page = 1_000;

/** A patient's device readings as FHIR Observations, read a page at a time per type. */
export const readingsPersonData: PersonDataSection = {
  name: 'readings',
  async *gather(patientId, read) {
    const until = Date.now() + 86_400_000;
    for (const type of Object.keys(typeInfo) as ReadingType[]) {
      let from = 0;
      for (;;) {
        const slice = await read((r) => r.readings.series.series(patientId, type, from, until, page));
        for (const reading of slice) yield { resource: toObservation(reading) };
        if (slice.length < page) break;
        from = (slice.at(-1)?.measuredAt ?? until) + 1;
      }
    }
  },
  keeps: {
    what: { ru: 'показания медицинских приборов', en: 'medical device readings' },
    basis: medicalRecordBasis,
  },
};
