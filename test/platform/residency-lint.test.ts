import { describe, expect, it } from 'vitest';
import { foreignLocations } from '../../scripts/residency-lint';

describe('the deployment residency lint', () => {
  it.each([
    ['zone = "kz1-a"', /Kazakhstan region/],
    ['endpoint = "https://storage.yandexcloud.kz"', /Kazakhstan region/],
    ['zone = "ru-central1-c"', /retired/],
    ['region: eu-west-1', /foreign region eu-west-1/],
    ['url: https://sqs.us-east-1.amazonaws.com/1/q', /not a Yandex Cloud host/],
  ])('flags %s', (line, problem) => {
    expect(foreignLocations('file', line)).toContainEqual(expect.stringMatching(problem));
  });

  it('accepts Yandex Cloud hosts in ru-central1, the Telegram channel, and regions named in comments or refusals', () => {
    const text = [
      'endpoint = "https://message-queue.api.cloud.yandex.net"',
      'zone = "ru-central1-d"',
      'TELEGRAM_API_ROOT: https://api.telegram.org',
      '# kz1 is refused',
      'error_message = "kz1 is the Kazakhstan region"',
    ].join('\n');
    expect(foreignLocations('file', text)).toEqual([]);
  });
});
