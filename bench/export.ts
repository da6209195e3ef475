/**
 * `npm run bench:export`: one patient's export with 10,000 readings, 200 messages and 20
 * documents (200 KB each, incompressible), on the embedded default. The local cloud (gateway, fauxqs S3,
 * SQLite) runs here and is seeded through the HTTP API; the data-exports function runs alone in
 * its own process (bench/export-function.ts), bundled as `npm run build` bundles it, so its time
 * and peak RSS are the function's. Target: within data-exports' timeout and memory in
 * serverless.yml. The last line is the JSON summary.
 */

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startLocalCloud } from '../local/cloud';
import { bundleFunction } from './bundle-function';
import { giveConsents } from './consents';
import { deployedFunction } from './deployed-function';

const root = resolve(import.meta.dirname, '..');
const readings = 10_000;
const messages = 200;
const documents = 20;
const documentBytes = 200 * 1024;
const clinic = 'clinic-bench';

/** Runs the function once in its own process, with the V8 heap capped as the instance's memory caps it. */
async function runFunction(entry: string, dataDir: string, limits: { memoryMb: number; timeoutS: number }) {
  const child = spawn(
    process.execPath,
    [`--max-old-space-size=${Math.floor(limits.memoryMb * 0.75)}`, entry],
    {
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        FN_TIMEOUT_S: String(limits.timeoutS),
        FN_MEMORY_MB: String(limits.memoryMb),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  if (code !== 0) throw new Error(`data-exports exited with ${code}:\n${output}`);
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as {
    seconds: number;
    peakRssMb: number;
    result: { built: number; failed: number };
  };
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-export-'));
  Object.assign(process.env, { LOG_LEVEL: 'silent', RELAY_MAX_RUN_SECONDS: '0' });
  const cloud = await startLocalCloud({
    root,
    dataDir,
    port: 0,
    queuePort: 0,
    timers: false,
    durableQueues: false,
  });
  try {
    const call = async (token: string, method: string, path: string, body?: unknown) => {
      const response = await fetch(`${cloud.url}${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
      return text ? JSON.parse(text) : undefined;
    };
    const admin = await cloud.identity.issue({
      role: 'clinic_admin',
      tenant: clinic,
      subject: 'admin-bench',
    });
    const doctorId = (
      await call(admin, 'POST', '/v1/doctors', {
        fullName: 'Врач Бенч',
        specialty: 'therapist',
        timeZone: 'Europe/Moscow',
        services: [{ name: 'Чат', format: 'chat', durationMinutes: 30, priceRub: 0 }],
        schedule: { weekly: { '1': [{ from: '09:00', to: '18:00' }] } },
      })
    ).id as string;
    const patientId = (
      await call(admin, 'POST', '/v1/patients', { fullName: 'Пациент Бенч', phone: '+79169990001' })
    ).id as string;
    const patient = await cloud.identity.issue({ role: 'patient', subject: patientId });
    await giveConsents(cloud.url, patient, patientId);

    // Prepare: 10,000 readings, one a minute back from now, in batches of 1,000
    console.log(`seeding ${readings} readings, ${messages} messages, ${documents} documents…`);
    await call(admin, 'POST', '/v1/devices', {
      deviceId: 'bench-cuff',
      patientId,
      validFrom: '2000-01-01T00:00:00Z',
    });
    const start = Date.now() - (readings + 5) * 60_000;
    for (let batch = 0; batch < readings / 1_000; batch++)
      await call(patient, 'POST', '/v1/readings', {
        deviceId: 'bench-cuff',
        items: Array.from({ length: 1_000 }, (_, i) => ({
          type: 'blood_pressure',
          measuredAt: new Date(start + (batch * 1_000 + i) * 60_000).toISOString(),
          systolic: 110 + (i % 40),
          diastolic: 70 + (i % 15),
        })),
      });
    // 200 messages in a written consultation, 20 of them with a document
    const contract = await call(admin, 'POST', '/v1/consultations', {
      doctorId,
      patientId,
      startsAt: new Date(Date.now() - 3_600_000).toISOString(),
      endsAt: new Date(Date.now() + 90 * 86_400_000).toISOString(),
    });
    // Random bytes: a scanned PDF is already compressed, so the zip cannot shrink it.
    const document = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(documentBytes)]);
    for (let m = 0; m < messages; m++) {
      const attachments = [];
      if (m < documents) {
        const upload = await call(patient, 'POST', `/v1/consultations/${contract.id}/attachments`, {
          name: `doc-${m}.pdf`,
          contentType: 'application/pdf',
        });
        const put = await fetch(upload.uploadUrl, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/pdf' },
          body: document,
        });
        if (put.status !== 200) throw new Error(`upload ${m}: ${put.status}`);
        attachments.push({ key: upload.key, name: `doc-${m}.pdf`, contentType: 'application/pdf' });
      }
      await call(patient, 'POST', `/v1/consultations/${contract.id}/messages`, {
        body: `Сообщение ${m}: самочувствие, давление, вопросы к врачу.`,
        attachments,
      });
    }
    const requested = await call(patient, 'POST', `/v1/patients/${patientId}/exports`);

    // Act: the function builds it, alone in its process
    const spec = deployedFunction('data-exports');
    const limits = { memoryMb: spec.memoryMb, timeoutS: spec.timeoutSeconds };
    const run = await runFunction(
      await bundleFunction('bench/export-function.ts', join(dataDir, 'export-function')),
      dataDir,
      limits,
    );
    const ready = await call(patient, 'GET', `/v1/patients/${patientId}/exports/${requested.id}`);

    // Assess
    if (ready.status !== 'ready') throw new Error(`export not ready: ${JSON.stringify(ready)}`);
    console.log(
      `  export: ${(ready.bytes / 1024 / 1024).toFixed(1)} MB, contents ${JSON.stringify(ready.contents)}`,
    );
    console.log(
      `  built in ${run.seconds.toFixed(1)} s (timeout ${limits.timeoutS} s), peak RSS ${run.peakRssMb} MB (limit ${limits.memoryMb} MB)`,
    );
    const within = run.seconds < limits.timeoutS && run.peakRssMb < limits.memoryMb;
    console.log(within ? 'within the function’s limits' : 'OVER the function’s limits');
    console.log(
      JSON.stringify({
        seconds: Number(run.seconds.toFixed(2)),
        timeout_s: limits.timeoutS,
        peak_rss_mb: run.peakRssMb,
        memory_limit_mb: limits.memoryMb,
      }),
    );
    if (!within) process.exitCode = 1;
  } finally {
    await cloud.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
