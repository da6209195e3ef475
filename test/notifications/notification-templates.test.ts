import { describe, expect, it } from 'vitest';
import { specialties } from '../../modules/booking/domain/doctor';
import { channelAllows } from '../../modules/notifications/channel-policy';
import { messageTemplates, render } from '../../modules/notifications/message-templates';

const sample = {
  time: '25 ноября, 10:30 (MSK)',
  format: 'видео',
  ref: 'a1b2c3d4',
  amount: '1500',
  link: 'https://video.telemed.example.ru/room/abc',
};
/** Words that would reveal health data: specialties (a psychology session above all) and clinical terms. */
const revealing = [
  ...specialties,
  'психолог',
  'психиатр',
  'диагноз',
  'diagnosis',
  'давление',
  'pressure',
  'глюкоз',
  'glucose',
  'PHQ',
  'депресс',
];

describe('message templates and the channel policy', () => {
  it.each(Object.entries(messageTemplates))(
    '%s renders in both languages and obeys the channel policy',
    (_id, template) => {
      for (const language of ['ru', 'en'] as const) {
        const { subject, text } = render(template, language, sample);
        expect(`${subject} ${text}`).not.toMatch(/\{\w+\}/);
        if (!template.healthData) {
          for (const word of revealing)
            expect(`${subject} ${text}`).not.toMatch(new RegExp(`(^|[^\\p{L}])${word}`, 'iu'));
        }
      }
      // SMS and channels whose servers are abroad never carry health data; email (Postbox, ru-central1) may.
      for (const channel of ['sms', 'telegram', 'push'] as const)
        expect(channelAllows(channel, template)).toBe(!template.healthData);
      expect(channelAllows('email', template)).toBe(true);
    },
  );

  it('refuses to render a template whose variable is missing', () => {
    expect(() => render(messageTemplates['appointment.booked'] as never, 'ru', {})).toThrow(
      /no value for \{time\}/,
    );
  });
});
