import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giveConsents } from '../support/consents';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

/** Files in consultations: links built from ids only, files checked against their link, served as downloads. */
describe('consultation attachments stay inside their consultation and arrive as what they claim', () => {
  let cloud: TestCloud;
  let patient: string;
  let mine: string;
  let other: string;

  const openFor = async (admin: string, doctorId: string, patientId: string) => {
    await giveConsents(cloud, patientId);
    return (
      await cloud.request('POST', '/v1/consultations', {
        token: admin,
        body: {
          doctorId,
          patientId,
          startsAt: new Date(Date.now() - 3_600_000).toISOString(),
          endsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        },
      })
    ).body.id as string;
  };
  const post = (contractId: string, attachment: { key: string; name: string; contentType: string }) =>
    cloud.request('POST', `/v1/consultations/${contractId}/messages`, {
      token: patient,
      body: { body: 'Прикладываю файл', attachments: [attachment] },
    });
  const uploadLink = async (contractId: string, contentType: string) =>
    (
      await cloud.request('POST', `/v1/consultations/${contractId}/attachments`, {
        token: patient,
        body: { name: 'file', contentType },
      })
    ).body as { key: string; uploadUrl: string };

  beforeAll(async () => {
    cloud = await startTestCloud({ env: { RELAY_MAX_RUN_SECONDS: '0' } });
    const admin = await cloud.token('clinic_admin', { tenant: 'clinic-files', subject: 'admin-files' });
    const doctor = await cloud.request('POST', '/v1/doctors', {
      token: admin,
      body: {
        fullName: 'Терапевт',
        specialty: 'therapist',
        timeZone: 'Europe/Moscow',
        services: [{ name: 'Переписка', format: 'async', durationMinutes: 30, priceRub: 1000 }],
      },
    });
    const registered = await cloud.request('POST', '/v1/patients', {
      token: admin,
      body: { fullName: 'Анна Файлова', phone: '+79160007001' },
    });
    patient = await cloud.token('patient', { subject: registered.body.id });
    mine = await openFor(admin, doctor.body.id, registered.body.id);
    other = await openFor(admin, doctor.body.id, registered.body.id);
  });
  afterAll(() => cloud.stop());

  it.each([
    ['a climb out of the prefix', (a: string, b: string) => `consultations/${a}/../${b}/x`],
    ['an encoded climb', (a: string, b: string) => `consultations/${a}/%2e%2e/${b}/x`],
    ['the bare prefix', (a: string) => `consultations/${a}/`],
    ['another consultation’s key', (_: string, b: string) => `consultations/${b}/${crypto.randomUUID()}`],
    ['a file id that was never uploaded', (a: string) => `consultations/${a}/${crypto.randomUUID()}`],
  ])('refuses %s as ATTACHMENT_NOT_FOUND', async (_, keyOf) => {
    // Prepare
    const key = keyOf(mine, other);
    // Act
    const response = await post(mine, { key, name: 'x.pdf', contentType: 'application/pdf' });
    // Assess
    expect([response.status, response.body.code]).toEqual([422, 'ATTACHMENT_NOT_FOUND']);
  });

  it('refuses an HTML page put through a link made for a PDF, under either type', async () => {
    // Prepare: the local store, unlike Object Storage, does not check the signed Content-Type
    const link = await uploadLink(mine, 'application/pdf');
    const put = await fetch(link.uploadUrl, {
      method: 'PUT',
      headers: { 'Content-Type': 'text/html' },
      body: '<script>alert(1)</script>',
    });
    // Act
    const asPdf = await post(mine, { key: link.key, name: 'x.pdf', contentType: 'application/pdf' });
    const asHtml = await post(mine, { key: link.key, name: 'x.html', contentType: 'text/html' });
    // Assess
    expect(put.status).toBe(200);
    expect([asPdf.status, asPdf.body.code]).toEqual([422, 'ATTACHMENT_REFUSED']);
    expect([asHtml.status, asHtml.body.code]).toEqual([422, 'ATTACHMENT_REFUSED']);
  });

  it('signs the upload link for its content type and hands out downloads as attachments of that type', async () => {
    // Prepare
    const link = await uploadLink(mine, 'application/pdf');
    await fetch(link.uploadUrl, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/pdf' },
      body: '%PDF-1.4 test',
    });
    // Act
    const posted = await post(mine, { key: link.key, name: 'анализ.pdf', contentType: 'application/pdf' });
    const download = new URL(posted.body.attachments[0].url);
    // Assess
    expect(posted.status).toBe(201);
    expect(new URL(link.uploadUrl).searchParams.get('X-Amz-SignedHeaders')?.split(';')).toContain(
      'content-type',
    );
    expect(download.searchParams.get('response-content-disposition')).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('анализ.pdf')}`,
    );
    expect(download.searchParams.get('response-content-type')).toBe('application/pdf');
  });
});
