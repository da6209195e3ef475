import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type LocalCloud, startLocalCloud } from '../../local/cloud';
import type { Role } from '../../platform/roles';

export const projectRoot = resolve(import.meta.dirname, '../..');

export interface TestCloud extends LocalCloud {
  dataDir: string;
  token(role: Role, options?: { tenant?: string; subject?: string }): Promise<string>;
  /** A local-only `/v1/dev/*` route, called as the local operator (a service token). */
  devRequest(
    method: string,
    path: string,
    options?: { body?: unknown; rawBody?: string },
    // biome-ignore lint/suspicious/noExplicitAny: tests assert response bodies field by field
  ): Promise<{ status: number; headers: Headers; body: any }>;
  request(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> },
    // biome-ignore lint/suspicious/noExplicitAny: tests assert response bodies field by field
  ): Promise<{ status: number; headers: Headers; body: any }>;
}

/** The real local cloud (fauxqs, SQLite file, every function) on free ports and a fresh data dir. */
export async function startTestCloud(
  options: { dataDir?: string; env?: Record<string, string> } = {},
): Promise<TestCloud> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'telemed-test-'));
  Object.assign(process.env, { APP_ENV: 'test', LOG_LEVEL: 'silent', ...options.env });
  const cloud = await startLocalCloud({ root: projectRoot, dataDir, port: 0, queuePort: 0, timers: false });
  return {
    ...cloud,
    dataDir,
    token: (role, o = {}) =>
      cloud.identity.issue({
        role,
        ...(o.tenant ? { tenant: o.tenant } : {}),
        ...(o.subject ? { subject: o.subject } : {}),
      }),
    devRequest: async (method, path, o = {}) =>
      request(method, path, { ...o, token: await cloud.identity.issue({ role: 'service' }) }),
    request,
  };

  async function request(
    method: string,
    path: string,
    o: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...o.headers };
    if (o.token) headers.Authorization = `Bearer ${o.token}`;
    let body: string | undefined = o.rawBody;
    if (o.body !== undefined) {
      body = JSON.stringify(o.body);
      headers['Content-Type'] ??= 'application/json';
    }
    const response = await fetch(`${cloud.url}${path}`, { method, headers, body });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? JSON.parse(text) : undefined,
    };
  }
}
