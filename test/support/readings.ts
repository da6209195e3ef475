import type { TestCloud } from './test-cloud';

/** Shared steps of the device-readings tests: a patient of clinic-1 with a bound device, and waiting. */
export function readingsSteps(cloud: TestCloud) {
  let phoneSeq = Math.floor(Math.random() * 1e6);
  const admin = () => cloud.token('clinic_admin', { tenant: 'clinic-1', subject: 'admin-1' });
  return {
    admin,
    doctor: (tenant = 'clinic-1') => cloud.token('doctor', { tenant, subject: `doctor-${tenant}` }),
    service: () => cloud.token('service', { subject: 'phd-gateway' }),

    /** Registers a patient in clinic-1 and returns their id and token. */
    async patient(birthDate?: string) {
      const created = await cloud.request('POST', '/v1/patients', {
        token: await admin(),
        body: {
          fullName: 'Мария Кузнецова',
          phone: `+7926${String(phoneSeq++).padStart(7, '0')}`,
          ...(birthDate ? { birthDate } : {}),
        },
      });
      if (created.status !== 201) throw new Error(`patient not registered: ${JSON.stringify(created.body)}`);
      const id = created.body.id as string;
      return { id, token: await cloud.token('patient', { subject: id }) };
    },

    /** Binds a device to a patient (as a clinic admin) from `validFrom` on. */
    async bind(deviceId: string, patientId: string, validFrom = '2000-01-01T00:00:00Z', validTo?: string) {
      const bound = await cloud.request('POST', '/v1/devices', {
        token: await admin(),
        body: { deviceId, patientId, validFrom, ...(validTo ? { validTo } : {}) },
      });
      if (bound.status !== 201) throw new Error(`device not bound: ${JSON.stringify(bound.body)}`);
      return bound.body;
    },
  };
}

export const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
