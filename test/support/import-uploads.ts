import { expect } from 'vitest';
import { eventually } from './eventually';
import type { TestCloud } from './test-cloud';

/** Uploads a file as a sponsor does: a presigned link from `uploadsPath`, then a PUT to it; returns the upload's id. */
export async function uploadThroughLink(
  cloud: TestCloud,
  token: string,
  uploadsPath: string,
  body: Uint8Array | string,
): Promise<string> {
  const link = await cloud.request('POST', uploadsPath, { token });
  const put = await fetch(link.body.uploadUrl, {
    method: 'PUT',
    headers: { 'Content-Type': 'text/csv' },
    body,
  });
  expect(put.status).toBe(200);
  return link.body.uploadId as string;
}

/** The upload's status once its import has finished with it, done or failed (waits up to a minute). */
export async function finishedUpload(cloud: TestCloud, token: string, statusPath: string) {
  const status = await eventually(
    () => cloud.request('GET', statusPath, { token }),
    (found) => found.body.status === 'done' || found.body.status === 'failed',
    60_000,
  );
  return status.body;
}
