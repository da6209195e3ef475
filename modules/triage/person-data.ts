import { medicalRecordBasis, type PersonDataSection } from '../../platform/person-data';

const page = 500;

/**
 * A patient's triage decisions and screenings (PHQ-9, GAD-7) as QuestionnaireResponses: the answers
 * given and what the rules made of them, with the rule-set version. Kept: they informed care.
 */
export const triagePersonData: PersonDataSection = {
  name: 'triage',
  async *gather(patientId, read) {
    let after = -1;
    for (;;) {
      const decisions = await read((r) => r.triageDecisions.forPatient(patientId, after, page));
      for (const decision of decisions)
        yield {
          resource: {
            resourceType: 'QuestionnaireResponse',
            id: decision.id,
            status: 'completed',
            questionnaire: `urn:telemed:triage:${decision.kind}:${decision.ruleSetVersion}`,
            subject: { reference: `Patient/${patientId}` },
            authored: decision.createdAt,
            item: [
              {
                linkId: 'inputs',
                text: 'answers',
                answer: [{ valueString: JSON.stringify(decision.inputs) }],
              },
              {
                linkId: 'outcome',
                text: 'outcome',
                answer: [{ valueString: JSON.stringify(decision.outcome) }],
              },
              { linkId: 'disposition', text: 'disposition', answer: [{ valueString: decision.disposition }] },
            ],
          },
        };
      if (decisions.length < page) break;
      after = Date.parse(decisions.at(-1)?.createdAt ?? '') || Number.MAX_SAFE_INTEGER;
    }
  },
  keeps: {
    what: {
      ru: 'ответы на опросники и результаты сортировки симптомов',
      en: 'questionnaire answers and symptom triage results',
    },
    basis: medicalRecordBasis,
  },
};
