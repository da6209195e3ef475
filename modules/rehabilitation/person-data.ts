import { medicalRecordBasis, type PersonDataSection } from '../../platform/person-data';

/**
 * A patient's rehabilitation: each plan as a CarePlan, each session at home as a Procedure, each
 * outcome measure as an Observation. Kept: the plan and its course are part of the medical record.
 */
export const rehabilitationPersonData: PersonDataSection = {
  name: 'rehabilitation',
  async *gather(patientId, read) {
    const subject = { reference: `Patient/${patientId}` };
    const plans = await read((r) => r.rehabilitation.plansOf(patientId));
    for (const plan of plans) {
      yield {
        resource: {
          resourceType: 'CarePlan',
          id: plan.id,
          status: 'active',
          intent: 'plan',
          subject,
          title: plan.templateId,
          created: new Date(plan.createdAt).toISOString(),
          author: { reference: `Practitioner/${plan.doctorId}` },
          description: JSON.stringify(plan.content),
        },
      };
      const { sessions, measures } = await read(async (r) => ({
        sessions: await r.rehabilitation.sessionsOf(plan.id),
        measures: await r.rehabilitation.measuresOf(plan.id),
      }));
      for (const session of sessions)
        yield {
          resource: {
            resourceType: 'Procedure',
            id: session.id,
            status: session.status === 'completed' ? 'completed' : session.stop ? 'stopped' : 'in-progress',
            basedOn: [{ reference: `CarePlan/${plan.id}` }],
            subject,
            performedPeriod: {
              start: new Date(session.startedAt).toISOString(),
              ...(session.endedAt ? { end: new Date(session.endedAt).toISOString() } : {}),
            },
            note: [
              {
                text: JSON.stringify({
                  preCheck: session.preCheck,
                  readings: session.readings,
                  log: session.log,
                  stop: session.stop,
                }),
              },
            ],
          },
        };
      for (const measure of measures)
        yield {
          resource: {
            resourceType: 'Observation',
            id: measure.id,
            status: 'final',
            code: { text: measure.measure },
            subject,
            effectiveDateTime: new Date(measure.measuredAt).toISOString(),
            valueString: JSON.stringify(measure.result),
            basedOn: [{ reference: `CarePlan/${plan.id}` }],
          },
        };
    }
  },
  keeps: {
    what: { ru: 'план реабилитации, занятия и оценки', en: 'the rehabilitation plan, sessions and measures' },
    basis: medicalRecordBasis,
  },
};
