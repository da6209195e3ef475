/** The centre's answer, structured as the issue asks: what was found, the answer, what to do, whether to transfer. */
export interface Conclusion {
  requestId: string;
  patientId: string;
  centreId: string;
  requesterClinicId: string;
  consultantIds: string[];
  findings: string;
  answer: string;
  recommendations: string;
  transferAdvised: boolean;
  concludedBy: string;
  concludedAt: number;
}

const xhtml = (text: string) =>
  `<div xmlns="http://www.w3.org/1999/xhtml">${text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('\n', '<br/>')}</div>`;

const section = (title: string, text: string) => ({ title, text: { status: 'generated', div: xhtml(text) } });

/**
 * The conclusion as a document of the patient's record: a FHIR R4 `Composition` of type
 * "Consult note" (LOINC 11488-4), in Russian, authored by the consilium, kept by the centre.
 */
export function toComposition(conclusion: Conclusion): Record<string, unknown> {
  return {
    resourceType: 'Composition',
    id: conclusion.requestId,
    language: 'ru',
    status: 'final',
    type: { coding: [{ system: 'http://loinc.org', code: '11488-4', display: 'Consult note' }] },
    subject: { reference: `Patient/${conclusion.patientId}` },
    date: new Date(conclusion.concludedAt).toISOString(),
    author: conclusion.consultantIds.map((id) => ({ reference: `Practitioner/${id}` })),
    custodian: { reference: `Organization/${conclusion.centreId}` },
    title: 'Заключение по результатам телемедицинской консультации',
    section: [
      section('Результаты изучения медицинских документов', conclusion.findings),
      section('Ответ на вопрос лечащего врача', conclusion.answer),
      section('Рекомендации', conclusion.recommendations),
      section(
        'Очная консультация или перевод',
        conclusion.transferAdvised ? 'Рекомендован перевод пациента в центр.' : 'Перевод не требуется.',
      ),
    ],
  };
}
