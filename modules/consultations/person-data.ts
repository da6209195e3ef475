import { exportFileName, medicalRecordBasis, type PersonDataSection } from '../../platform/person-data';
import { consultationsSettings } from './settings';

/**
 * A patient's written consultations: each contract as an Encounter, each message as a
 * Communication, each attached file as a DocumentReference with the file itself. Kept on erasure:
 * a telemedicine consultation is documented as part of the medical record (323-FZ art. 36.2).
 */
export const consultationsPersonData: PersonDataSection = {
  name: 'consultations',
  async *gather(patientId, read) {
    const contracts = await read((r) => r.consultations.contractsOf({ patientId }, 10_000));
    const bucket = consultationsSettings().ATTACHMENTS_BUCKET;
    for (const contract of contracts) {
      const encounter = `Encounter/${contract.id}`;
      yield {
        resource: {
          resourceType: 'Encounter',
          id: contract.id,
          status: contract.endsAt < Date.now() ? 'finished' : 'in-progress',
          class: {
            system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
            code: 'VR',
            display: 'virtual',
          },
          subject: { reference: `Patient/${patientId}` },
          participant: [{ individual: { reference: `Practitioner/${contract.doctorId}` } }],
          period: {
            start: new Date(contract.startsAt).toISOString(),
            end: new Date(contract.endsAt).toISOString(),
          },
        },
      };
      const thread = await read((r) => r.consultations.thread(contract.id));
      for (const message of thread) {
        const author =
          message.authorRole === 'patient' ? `Patient/${patientId}` : `Practitioner/${message.authorId}`;
        yield {
          resource: {
            resourceType: 'Communication',
            id: message.id,
            status: 'completed',
            encounter: { reference: encounter },
            subject: { reference: `Patient/${patientId}` },
            sent: new Date(message.sentAt).toISOString(),
            sender: { reference: author },
            payload: [{ contentString: message.body }],
          },
        };
        for (const [index, attachment] of message.attachments.entries()) {
          const name = exportFileName(`${message.id}-${index}-${attachment.name}`);
          yield {
            resource: {
              resourceType: 'DocumentReference',
              id: `${message.id}-${index}`,
              status: 'current',
              subject: { reference: `Patient/${patientId}` },
              date: new Date(message.sentAt).toISOString(),
              content: [
                {
                  attachment: {
                    contentType: attachment.contentType,
                    title: attachment.name,
                    url: `files/consultations/${name}`,
                  },
                },
              ],
              context: { encounter: [{ reference: encounter }] },
            },
          };
          yield { file: { bucket, key: attachment.key, name } };
        }
      }
    }
  },
  keeps: {
    what: {
      ru: 'переписка с врачом и приложенные файлы',
      en: 'written consultations with the doctor and attached files',
    },
    basis: medicalRecordBasis,
  },
};
