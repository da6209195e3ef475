/**
 * `npm run bench:cost`: what the database is asked to do, counted in the SQLite adapter of the
 * local cloud (queries, rows read, rows written), for the README's "What it costs":
 * 1. a booking (hold + confirm over HTTP), then its events through the relay and every consumer;
 * 2. an idle hour of the per-minute timers (relay polls, due effects, deferred notifications,
 *    escalations), after the bookings, so nothing in it may grow with the tables.
 * Request units are a model of YDB serverless billing, not a reading of it: every query at
 * least 1 RU, 1 RU per row read beyond the first, 2 RU per row written (re-check against
 * Yandex's "Request cost for YQL" before relying on it). The last line is the JSON summary.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DateTime } from 'luxon';
import { startLocalCloud } from '../local/cloud';
import { getServices } from '../platform/services';
import type { SqliteDatabase } from '../storage/sqlite/database';
import { giveConsents } from './consents';

const bookings = 50;

/** Runs an hour of a Yandex cron (minutes hours day month weekday year): 60, 1, or none for rarer ones. */
function runsPerHour(expression: string): number {
  const [minutes, hours] = expression.split(' ');
  if (minutes === '*') return 60;
  return hours === '*' ? 1 : 0;
}

interface Counts {
  queries: number;
  rowsRead: number;
  rowsWritten: number;
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-cost-'));
  // One relay round per fired timer: the bench fires the polls itself.
  process.env.RELAY_MAX_RUN_SECONDS = '1';
  process.env.LOG_LEVEL = 'silent';
  const cloud = await startLocalCloud({
    root: resolve(import.meta.dirname, '..'),
    dataDir,
    port: 0,
    queuePort: 0,
    timers: false,
    durableQueues: false,
  });
  try {
    const database = (await getServices()).store.database as SqliteDatabase;
    const counts = (): Counts => ({
      queries: database.reads.queries,
      rowsRead: database.reads.rows,
      rowsWritten: database.writes.rows,
    });
    const since = (before: Counts): Counts => {
      const now = counts();
      return {
        queries: now.queries - before.queries,
        rowsRead: now.rowsRead - before.rowsRead,
        rowsWritten: now.rowsWritten - before.rowsWritten,
      };
    };
    const call = async (token: string, method: string, path: string, body?: unknown) => {
      const response = await fetch(`${cloud.url}${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    /** Relays and lets the consumers finish, until a round moves nothing. */
    const drain = async () => {
      for (let quiet = 0; quiet < 3; ) {
        const before = counts();
        await cloud.fireTimer('outbox-relay');
        await sleep(1_500);
        quiet = since(before).rowsWritten === 0 ? quiet + 1 : 0;
      }
    };

    const admin = await cloud.identity.issue({ role: 'clinic_admin', tenant: 'cost-clinic' });
    const doctor = await call(admin, 'POST', '/v1/doctors', {
      fullName: 'Cost Doctor',
      specialty: 'therapist',
      timeZone: 'Europe/Moscow',
      services: [{ name: 'Chat', format: 'chat', durationMinutes: 15, priceRub: 100 }],
      schedule: {
        weekly: Object.fromEntries(
          ['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ from: '00:00', to: '24:00' }]]),
        ),
        minNoticeMinutes: 60,
        horizonDays: 60,
      },
    });
    const doctorId = doctor.body.id as string;
    const serviceId = (doctor.body.services as { id: string }[])[0]?.id as string;
    const first = DateTime.now().plus({ days: 1 }).startOf('day');
    const consentingPatient = async () => {
      const subject = crypto.randomUUID();
      const token = await cloud.identity.issue({ role: 'patient', subject });
      await giveConsents(cloud.url, token, subject);
      return token;
    };
    const patients = await Promise.all(Array.from({ length: bookings + 1 }, () => consentingPatient()));
    const book = async (i: number) => {
      const token = patients[i] as string;
      const start = first
        .plus({ minutes: 15 * i })
        .toUTC()
        .toISO() as string;
      const held = await call(token, 'POST', '/v1/holds', { doctorId, serviceId, start });
      const confirmed = await call(token, 'POST', `/v1/appointments/${held.body.id as string}/confirm`);
      if (held.status !== 201 || confirmed.status !== 200)
        throw new Error(`booking ${i}: hold ${held.status}, confirm ${confirmed.status}`);
    };

    // A first booking and its events warm every path up; then the measured ones.
    await book(0);
    await drain();
    console.log(`${bookings} bookings (hold + confirm), then their events through relay and consumers`);
    const beforeApi = counts();
    for (let i = 1; i <= bookings; i++) await book(i);
    const api = since(beforeApi);
    const beforePipeline = counts();
    await drain();
    const pipeline = since(beforePipeline);

    // The relay polls each second (3,600 an hour, scaled from 60); every other timer runs as its cron says.
    const timers = cloud.functions.flatMap((fn) =>
      fn.triggers.flatMap((t) =>
        t.kind === 'cron' && fn.name !== 'outbox-relay' && runsPerHour(t.expression) > 0
          ? [{ name: fn.name, perHour: runsPerHour(t.expression) }]
          : [],
      ),
    );
    console.log(
      `an idle hour: 3,600 relay polls, and ${timers.map((t) => `${t.name} ×${t.perHour}`).join(', ')}`,
    );
    const beforePolls = counts();
    for (let i = 0; i < 60; i++) await cloud.fireTimer('outbox-relay');
    const polls = since(beforePolls);
    let timersHour: Counts = { queries: 0, rowsRead: 0, rowsWritten: 0 };
    for (const timer of timers) {
      const before = counts();
      await cloud.fireTimer(timer.name);
      const run = since(before);
      timersHour = {
        queries: timersHour.queries + run.queries * timer.perHour,
        rowsRead: timersHour.rowsRead + run.rowsRead * timer.perHour,
        rowsWritten: timersHour.rowsWritten + run.rowsWritten * timer.perHour,
      };
    }

    const ru = (c: Counts) => c.queries + Math.max(0, c.rowsRead - c.queries) + 2 * c.rowsWritten;
    const perBooking = (c: Counts) => ru(c) / bookings;
    const idleHour = ru(polls) * 60 + ru(timersHour);
    console.log(
      `  per booking: API ${(api.queries / bookings).toFixed(1)} queries, ${(api.rowsRead / bookings).toFixed(1)} rows read, ${(api.rowsWritten / bookings).toFixed(1)} written; events ${(pipeline.queries / bookings).toFixed(1)} queries, ${(pipeline.rowsRead / bookings).toFixed(1)} read, ${(pipeline.rowsWritten / bookings).toFixed(1)} written`,
    );
    console.log(
      `  idle: 60 relay polls made ${polls.queries} queries reading ${polls.rowsRead} rows; the other timers' hour ${timersHour.queries} queries reading ${timersHour.rowsRead} rows`,
    );
    console.log(
      JSON.stringify({
        ru_per_booking_api: Math.round(perBooking(api)),
        ru_per_booking_events: Math.round(perBooking(pipeline)),
        ru_per_idle_hour: idleHour,
        idle_rows_read_per_hour: polls.rowsRead * 60 + timersHour.rowsRead,
      }),
    );
  } finally {
    await cloud.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
