import { describe, expect, it } from 'vitest';
import { describeTouch, type Touch } from '../../modules/data-requests/domain/access-history';

const touch = (over: Partial<Touch>): Touch => ({
  at: '2026-12-03T10:00:00.000Z',
  actor: 'doctor-7',
  actorRole: 'doctor',
  action: 'read',
  resourceType: 'patient',
  tenantId: 'clinic-1',
  ...over,
});

describe('the access history says who touched what, by role and clinic only', () => {
  it('tells the patient their own acts as theirs, in either language', () => {
    // Prepare
    const own = touch({ actor: 'p-1', actorRole: 'patient', action: 'create', resourceType: 'readings' });
    // Act
    const ru = describeTouch('p-1', own, 'ru');
    const en = describeTouch('p-1', own, 'en');
    // Assess
    expect(ru.text).toBe('Вы создали ваши показания');
    expect(en.text).toBe('You created your readings');
  });

  it('names no clinic where the data belongs to none, and no staff member ever', () => {
    // Prepare
    const service = touch({
      actor: 'chatbot-1',
      actorRole: 'service',
      tenantId: 'unaffiliated',
      action: 'update',
    });
    // Act
    const item = describeTouch('p-1', service, 'ru');
    // Assess
    expect(item).toEqual({
      at: '2026-12-03T10:00:00.000Z',
      action: 'update',
      actorRole: 'service',
      clinicId: null,
      resourceType: 'patient',
      text: 'Автоматический сервис изменил вашу карту',
    });
    expect(JSON.stringify(item)).not.toContain('chatbot-1');
  });

  it('says "your data" for a kind of record it has no words for', () => {
    // Act
    const item = describeTouch(
      'p-1',
      touch({ resourceType: 'something_new', actorRole: 'clinic_admin' }),
      'en',
    );
    // Assess
    expect(item.text).toBe('An administrator of clinic clinic-1 read your data');
  });
});
