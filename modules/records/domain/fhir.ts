import type { DocumentKind, PatientDocument } from './document';
import type { LabObservation } from './observation';

const loinc = 'http://loinc.org';
const ucum = 'http://unitsofmeasure.org';

/** Each kind as the LOINC document type FHIR's DocumentReference.type suggests. */
const documentTypes: Record<DocumentKind, { code: string; display: string } | null> = {
  lab_result: { code: '11502-2', display: 'Laboratory report' },
  discharge_summary: { code: '18842-5', display: 'Discharge summary' },
  conclusion: { code: '11488-4', display: 'Consult note' },
  image: { code: '18748-4', display: 'Diagnostic imaging study' },
  other: null,
};

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A document as FHIR R4 DocumentReference. A file is an attachment (its link given only once the
 * scan passed it); a conclusion kept elsewhere is a reference to it, read through its own route.
 */
export function toDocumentReference(document: PatientDocument, url: string | null) {
  const type = documentTypes[document.kind];
  return {
    resourceType: 'DocumentReference' as const,
    id: document.id,
    status: 'current' as const,
    type: { ...(type ? { coding: [{ system: loinc, ...type }] } : {}), text: document.kind },
    subject: { reference: `Patient/${document.patientId}` },
    date: iso(document.createdAt),
    description: document.title,
    content: [
      {
        attachment: {
          title: document.title,
          creation: iso(document.date),
          ...(document.contentType ? { contentType: document.contentType } : {}),
          ...(document.bytes !== null ? { size: document.bytes } : {}),
          ...(url ? { url } : {}),
        },
      },
    ],
    ...(document.source === 'teleconsultation' && document.sourceId
      ? { context: { related: [{ reference: `/v1/teleconsultations/${document.sourceId}/conclusion` }] } }
      : {}),
  };
}

const quantity = (value: number, unit: string) => ({ value, unit, system: ucum, code: unit });
const interpretationDisplay = { H: 'High', L: 'Low', N: 'Normal' } as const;

/** A lab result as FHIR R4 Observation (category laboratory), derived from its document if any. */
export function toObservation(observation: LabObservation) {
  const range = observation.referenceRange;
  return {
    resourceType: 'Observation' as const,
    id: observation.id,
    status: 'final' as const,
    category: [
      {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' },
        ],
      },
    ],
    code: { coding: [{ system: loinc, code: observation.code, display: observation.display }] },
    subject: { reference: `Patient/${observation.patientId}` },
    effectiveDateTime: observation.effectiveAt,
    valueQuantity: quantity(observation.value, observation.unit),
    ...(range
      ? {
          referenceRange: [
            {
              ...(range.low !== undefined ? { low: quantity(range.low, observation.unit) } : {}),
              ...(range.high !== undefined ? { high: quantity(range.high, observation.unit) } : {}),
            },
          ],
        }
      : {}),
    ...(observation.interpretation
      ? {
          interpretation: [
            {
              coding: [
                {
                  system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
                  code: observation.interpretation,
                  display: interpretationDisplay[observation.interpretation],
                },
              ],
            },
          ],
        }
      : {}),
    ...(observation.documentId
      ? { derivedFrom: [{ reference: `DocumentReference/${observation.documentId}` }] }
      : {}),
  };
}

/** A search result as FHIR R4 Bundle `searchset`, for a client that asks for application/fhir+json. */
export function toSearchset(resources: readonly { resourceType: string; id: string }[]) {
  return {
    resourceType: 'Bundle' as const,
    type: 'searchset' as const,
    total: resources.length,
    entry: resources.map((resource) => ({ fullUrl: `${resource.resourceType}/${resource.id}`, resource })),
  };
}
