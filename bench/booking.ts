import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
// The count reads booking's table through the adapter: its catalog entry comes with the module.
import '../modules/booking/tables';
import { SqliteDatabase } from '../storage/sqlite/database';
import { giveConsents } from './consents';
import { KeepAliveClient } from './keep-alive-client';
import { startLocalCloudProcess } from './local-cloud-process';

const clients = 50;
const bookings = 2_000;
/** Bookings made before measuring, so JIT compilation and first-use loading are not counted. */
const warmUp = 200;

/** The fields of API responses this benchmark reads. */
interface ResponseBody {
  id: string;
  code?: string;
  services?: { id: string }[];
}
const racers = 200;

async function main() {
  // The system runs as `npm start` does, in its own process; this one is only the clients.
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-booking-'));
  const cloud = await startLocalCloudProcess(
    dataDir,
    process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE] : [],
  );
  const { server } = cloud;
  const call = async (
    client: KeepAliveClient,
    method: string,
    path: string,
    token: string,
    body?: unknown,
  ) => {
    const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
    if (body) headers['Content-Type'] = 'application/json';
    const response = await client.request(method, path, headers, body ? JSON.stringify(body) : '');
    return { status: response.status, body: JSON.parse(response.body || '{}') as ResponseBody };
  };
  const connections: KeepAliveClient[] = [];
  const connect = async (count: number) => {
    const opened = await Promise.all(Array.from({ length: count }, () => KeepAliveClient.open(cloud.url)));
    connections.push(...opened);
    return opened;
  };
  /** A patient who gave the consents a booking needs (modules/consents), before the clock starts. */
  const consentingPatient = async () => {
    const subject = crypto.randomUUID();
    const token = await cloud.identity.issue({ role: 'patient', subject });
    await giveConsents(cloud.url, token, subject);
    return token;
  };
  try {
    const admin = await cloud.identity.issue({ role: 'clinic_admin', tenant: 'bench-clinic' });
    const clientConnections = await connect(clients);
    const everyDay = Object.fromEntries(
      ['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ from: '00:00', to: '24:00' }]]),
    );
    const doctor = await call(clientConnections[0] as KeepAliveClient, 'POST', '/v1/doctors', admin, {
      fullName: 'Bench Doctor',
      specialty: 'therapist',
      timeZone: 'Europe/Moscow',
      services: [{ name: 'Chat', format: 'chat', durationMinutes: 15, priceRub: 100 }],
      schedule: { weekly: everyDay, minNoticeMinutes: 60, horizonDays: 60 },
    });
    const doctorId = doctor.body.id as string;
    const serviceId = (doctor.body.services as { id: string }[])[0]?.id as string;
    const first = DateTime.now().plus({ days: 1 }).startOf('day');
    const starts = Array.from(
      { length: warmUp + bookings + 1 },
      (_, i) =>
        first
          .plus({ minutes: 15 * i })
          .toUTC()
          .toISO() as string,
    );
    const raceStart = starts.pop() as string;
    const warmUpStarts = starts.splice(0, warmUp);
    const tokens = await Promise.all(Array.from({ length: clients }, () => consentingPatient()));

    for (let i = 0; i < warmUpStarts.length; i += clients) {
      await Promise.all(
        warmUpStarts.slice(i, i + clients).map(async (start, j) => {
          const token = tokens[j] as string;
          const client = clientConnections[j] as KeepAliveClient;
          const held = await call(client, 'POST', '/v1/holds', token, { doctorId, serviceId, start });
          await call(client, 'POST', `/v1/appointments/${held.body.id}/confirm`, token);
        }),
      );
    }
    console.log(
      `phase 1: ${bookings} bookings (hold + confirm) by ${clients} concurrent clients, after ${warmUp} to warm up`,
    );
    const latencies: number[] = [];
    let failures = 0;
    let next = 0;
    const cpuBefore = cpuMs(server.pid);
    const mainCpuBefore = cpuMs(server.pid, server.pid);
    const clientCpuBefore = process.cpuUsage();
    const began = performance.now();
    await Promise.all(
      tokens.map(async (token, j) => {
        const client = clientConnections[j] as KeepAliveClient;
        for (let i = next++; i < starts.length; i = next++) {
          const t0 = performance.now();
          const held = await call(client, 'POST', '/v1/holds', token, {
            doctorId,
            serviceId,
            start: starts[i],
          });
          const confirmed =
            held.status === 201
              ? await call(client, 'POST', `/v1/appointments/${held.body.id}/confirm`, token)
              : held;
          latencies.push(performance.now() - t0);
          if (process.env.BENCH_TRACE)
            console.log(`${Math.round(t0 - began)} ${Math.round(performance.now() - t0)}`);
          if (confirmed.status !== 200) failures++;
        }
      }),
    );
    const seconds = (performance.now() - began) / 1000;
    // CPU the local cloud spent per booking: steadier than latency when other work shares the machine.
    const cpuPerBooking = (cpuMs(server.pid) - cpuBefore) / bookings;
    const mainCpuPerBooking = (cpuMs(server.pid, server.pid) - mainCpuBefore) / bookings;
    const clientCpu = process.cpuUsage(clientCpuBefore);
    latencies.sort((a, b) => a - b);
    const pct = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
    console.log(
      `  ${(bookings / seconds).toFixed(0)} bookings/s, p50 ${pct(50).toFixed(1)} ms, p90 ${pct(90).toFixed(1)} ms, p99 ${pct(99).toFixed(1)} ms, max ${pct(100).toFixed(1)} ms, failures ${failures}, CPU per booking: server ${cpuPerBooking.toFixed(2)} ms (its event loop ${mainCpuPerBooking.toFixed(2)}), clients ${((clientCpu.user + clientCpu.system) / 1000 / bookings).toFixed(2)} ms`,
    );

    console.log(`phase 2: ${racers} clients hold the same slot at once`);
    const racerTokens = await Promise.all(Array.from({ length: racers }, () => consentingPatient()));
    const racerConnections = await connect(racers);
    const race = await Promise.all(
      racerTokens.map((token, j) =>
        call(racerConnections[j] as KeepAliveClient, 'POST', '/v1/holds', token, {
          doctorId,
          serviceId,
          start: raceStart,
        }),
      ),
    );
    const successes = race.filter((r) => r.status === 201).length;
    const slotTaken = race.filter((r) => r.status === 409 && r.body.code === 'SLOT_TAKEN').length;
    // Count from the database itself, not from the responses.
    const database = new SqliteDatabase(join(dataDir, 'telemed.sqlite'));
    const rows = await database.transaction((t) =>
      t.find('appointments', { where: { doctor_id: doctorId } }),
    );
    await database.close();
    const raceMs = Date.parse(raceStart);
    const onSlot = rows.filter(
      (a) => a.start_at === raceMs && (a.status === 'held' || a.status === 'booked'),
    );
    const booked = rows.filter((a) => a.status === 'booked').map((a) => ({ start: Number(a.start_at) }));
    const distinctStarts = new Set(booked.map((a) => a.start)).size;
    const doubleBookings = booked.length - distinctStarts + Math.max(0, onSlot.length - 1);
    console.log(
      `  ${successes} success, ${slotTaken} SLOT_TAKEN, ${onSlot.length} appointment(s) on the slot`,
    );

    const result = {
      bench: 'booking',
      bookings_per_s: Math.round(bookings / seconds),
      p50_ms: Number(pct(50).toFixed(1)),
      p99_ms: Number(pct(99).toFixed(1)),
      server_cpu_ms_per_booking: Number(cpuPerBooking.toFixed(2)),
      failures,
      contention_attempts: racers,
      contention_successes: successes,
      contention_slot_taken: slotTaken,
      double_bookings: doubleBookings,
    };
    for (const connection of connections) connection.close();
    await cloud.stop();
    rmSync(dataDir, { recursive: true, force: true });
    console.log(JSON.stringify(result));
  } catch (error) {
    for (const connection of connections) connection.close();
    await cloud.stop();
    throw error;
  }
}

/** User + system CPU so far of a process (all its threads) or one of its threads, from /proc; NaN where there is none. */
function cpuMs(pid: number | undefined, thread?: number): number {
  try {
    const path = thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`;
    const fields = readFileSync(path, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime, fields 14 and 15 of proc(5), in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

void main();
