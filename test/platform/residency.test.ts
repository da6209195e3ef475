import { describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../platform/config';

const valid = {
  APP_ENV: 'cloud',
  DB_DRIVER: 'ydb',
  YDB_ENDPOINT: 'grpcs://ydb.serverless.yandexcloud.net:2135',
  YDB_DATABASE: '/ru-central1/b1g/etn',
  KMS_DRIVER: 'yandex',
  KMS_KEY_ID: 'abj123',
  CRISIS_DUTY_TENANT: 'clinic-duty',
};

describe('residency guard at cold start', () => {
  it('accepts Yandex Cloud hosts in ru-central1', () => {
    const config = loadConfig({ ...valid, YC_ZONE: 'ru-central1-d' });
    expect(config.QUEUE_ENDPOINT).toBe('https://message-queue.api.cloud.yandex.net');
  });

  it.each([
    ['YC_REGION', 'kz1', /YC_REGION: region "kz1" is in Kazakhstan/],
    ['YC_REGION', 'eu-west-1', /YC_REGION: region "eu-west-1" is not ru-central1/],
    ['YC_ZONE', 'kz1-a', /YC_ZONE: zone "kz1-a" is in Kazakhstan/],
    ['YC_ZONE', 'ru-central1-c', /YC_ZONE: zone "ru-central1-c" is not ru-central1-a, -b or -d/],
    [
      'STORAGE_ENDPOINT',
      'https://storage.yandexcloud.kz',
      /STORAGE_ENDPOINT: host "storage.yandexcloud.kz" belongs to the Kazakhstan region/,
    ],
    [
      'QUEUE_ENDPOINT',
      'https://sqs.eu-central-1.amazonaws.com',
      /QUEUE_ENDPOINT: host "sqs.eu-central-1.amazonaws.com" is not a Yandex Cloud host/,
    ],
    [
      'YDB_ENDPOINT',
      'grpcs://ydb.example.com:2135',
      /YDB_ENDPOINT: host "ydb.example.com" is not a Yandex Cloud host/,
    ],
    [
      'KMS_ENDPOINT',
      'http://localhost:9000',
      /KMS_ENDPOINT: loopback host "localhost" is only allowed when APP_ENV=local/,
    ],
  ])('refuses %s=%s and names the setting', (setting, value, message) => {
    expect(() => loadConfig({ ...valid, [setting]: value })).toThrowError(message);
  });

  it('allows the embedded protocol servers on loopback only for local and test', () => {
    expect(
      loadConfig({
        APP_ENV: 'local',
        DB_DRIVER: 'sqlite',
        KMS_DRIVER: 'keyring',
        QUEUE_ENDPOINT: 'http://127.0.0.1:4566',
      }).QUEUE_ENDPOINT,
    ).toBe('http://127.0.0.1:4566');
    expect(() => loadConfig({ ...valid, DB_DRIVER: 'sqlite' })).toThrowError(/APP_ENV/);
  });

  it('stops a function whose configuration names a foreign endpoint before it handles anything', async () => {
    // Prepare
    vi.resetModules();
    Object.assign(process.env, { ...valid, QUEUE_ENDPOINT: 'https://sqs.us-east-1.amazonaws.com' });
    // Act
    const loading = import('../../functions/health/handler');
    // Assess
    await expect(loading).rejects.toMatchObject({ name: 'ConfigError' });
    await expect(loading).rejects.toThrowError(/QUEUE_ENDPOINT: host "sqs.us-east-1.amazonaws.com"/);
  });
});
