import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { giveConsents } from './consents';
// The catalog must know the table the benchmark counts from.
import '../modules/teleconsultations';
import { SqliteDatabase } from '../storage/sqlite/database';
import { KeepAliveClient } from './keep-alive-client';
import { startLocalCloudProcess } from './local-cloud-process';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '1000' },
    clients: { type: 'string', default: '50' },
  },
});
const requests = Number(values.requests);
const clients = Number(values.clients);
/** Requests made before measuring (to a centre of their own), so first-use loading is not counted. */
const warmUp = 100;

/** Twenty zones from Kaliningrad to Chukotka: Russia's eleven offsets, several twice. */
const zones = [
  'Europe/Kaliningrad',
  'Europe/Moscow',
  'Europe/Samara',
  'Asia/Yekaterinburg',
  'Asia/Omsk',
  'Asia/Novosibirsk',
  'Asia/Krasnoyarsk',
  'Asia/Irkutsk',
  'Asia/Yakutsk',
  'Asia/Vladivostok',
  'Asia/Magadan',
  'Asia/Kamchatka',
  'Europe/Volgograd',
  'Asia/Barnaul',
  'Asia/Tomsk',
  'Asia/Chita',
  'Asia/Sakhalin',
  'Asia/Srednekolymsk',
  'Europe/Astrakhan',
  'Asia/Anadyr',
];
const forms = ['emergency', 'urgent', 'planned'] as const;

interface Promises {
  emergencyMinutes: number;
  urgentHours: number;
  plannedDays: number;
}
/** Each centre promises differently, so a deadline computed with another centre's promise shows. */
const promisesOf = (i: number): Promises => ({
  emergencyMinutes: 30 + 4 * i,
  urgentHours: 3 + i,
  plannedDays: 1 + i,
});

/** The zone's offset from UTC at an instant, in ms, read from Intl. */
function offsetMs(zone: string, at: number): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
      .formatToParts(at)
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  const wall = Date.UTC(
    parts.year as number,
    (parts.month as number) - 1,
    parts.day as number,
    parts.hour,
    parts.minute,
    parts.second,
  );
  return wall - Math.floor(at / 1000) * 1000;
}

/** The independent reckoning of a deadline: what the telemedicine order's forms mean in a zone. */
function expectedDeadline(form: (typeof forms)[number], promises: Promises, zone: string, from: number) {
  if (form === 'emergency') return from + promises.emergencyMinutes * 60_000;
  if (form === 'urgent') return from + promises.urgentHours * 3_600_000;
  // The local calendar date of `from`, plus the days and one more: its local midnight, as UTC.
  const local = new Date(from + offsetMs(zone, from));
  const midnightWall = Date.UTC(
    local.getUTCFullYear(),
    local.getUTCMonth(),
    local.getUTCDate() + promises.plannedDays + 1,
  );
  let guess = midnightWall - offsetMs(zone, midnightWall);
  guess = midnightWall - offsetMs(zone, guess);
  return guess;
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-teleconsult-'));
  const cloud = await startLocalCloudProcess(dataDir);
  const { url, identity, server } = cloud;
  const connections = await Promise.all(Array.from({ length: clients }, () => KeepAliveClient.open(url)));
  const stop = async () => {
    for (const connection of connections) connection.close();
    await cloud.stop();
  };
  const call = async (
    client: KeepAliveClient,
    method: string,
    path: string,
    token: string,
    body: unknown,
  ) => {
    const response = await client.request(
      method,
      path,
      { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      JSON.stringify(body),
    );
    return { status: response.status, body: JSON.parse(response.body || '{}') as Record<string, unknown> };
  };
  const first = connections[0] as KeepAliveClient;
  try {
    // Prepare: 20 centres and a warm-up one, 10 requesting clinics each with a doctor and a patient.
    const centres = [...zones.map((zone, i) => ({ id: `centre-${i}`, zone, promises: promisesOf(i) }))];
    const warmCentre = { id: 'centre-warm-up', zone: 'Europe/Moscow', promises: promisesOf(0) };
    for (const centre of [...centres, warmCentre]) {
      const coordinator = await identity.issue({ role: 'clinic_admin', tenant: centre.id });
      const saved = await call(first, 'PUT', `/v1/teleconsultation-centres/${centre.id}`, coordinator, {
        name: `НМИЦ ${centre.id}`,
        timeZone: centre.zone,
        profiles: ['cardiology'],
        promises: centre.promises,
      });
      if (saved.status !== 200) throw new Error(`centre ${centre.id}: ${JSON.stringify(saved.body)}`);
    }
    const clinics: { doctor: string; patientId: string }[] = [];
    for (let i = 0; i < 10; i++) {
      clinics.push(
        await (async () => {
          const tenant = `clinic-${i}`;
          const admin = await identity.issue({ role: 'clinic_admin', tenant });
          const patient = await call(first, 'POST', '/v1/patients', admin, {
            fullName: 'Пациент Тестовый',
            phone: `+7916000${String(1000 + i).padStart(4, '0')}`,
            birthDate: '1970-01-01',
          });
          const doctor = await identity.issue({ role: 'doctor', tenant, subject: `doctor-${i}` });
          const patientId = patient.body.id as string;
          // The patient's recorded health-data consent a request needs (modules/consents).
          const patientToken = await identity.issue({ role: 'patient', subject: patientId });
          await giveConsents(url, patientToken, patientId, ['health_data']);
          return { doctor, patientId };
        })(),
      );
    }
    const ask = (client: KeepAliveClient, i: number, centre: { id: string }) => {
      const clinic = clinics[i % clinics.length] as (typeof clinics)[number];
      return call(client, 'POST', '/v1/teleconsultations', clinic.doctor, {
        centreId: centre.id,
        patientId: clinic.patientId,
        form: forms[i % forms.length],
        profile: 'cardiology',
        question: 'Показана ли реваскуляризация?',
        caseSummary: 'Мужчина 61 года, ОКС без подъёма ST, многососудистое поражение.',
        consent: { given: true, obtainedAt: new Date().toISOString() },
      });
    };
    let next = 0;
    await Promise.all(
      connections.map(async (client) => {
        for (let i = next++; i < warmUp; i = next++) await ask(client, i, warmCentre);
      }),
    );

    // Act
    console.log(
      `${requests} teleconsultation requests to ${centres.length} centres, ${clients} concurrent clients`,
    );
    const sent: { i: number; status: number; id: string | undefined }[] = [];
    const latencies: number[] = [];
    next = 0;
    const cpuBefore = cpuMs(server.pid);
    const began = performance.now();
    await Promise.all(
      connections.map(async (client) => {
        for (let i = next++; i < requests; i = next++) {
          const t0 = performance.now();
          const answer = await ask(client, i, centres[i % centres.length] as (typeof centres)[number]);
          latencies.push(performance.now() - t0);
          sent.push({ i, status: answer.status, id: answer.body.id as string | undefined });
        }
      }),
    );
    const seconds = (performance.now() - began) / 1000;
    // CPU the local cloud spent per request: steadier than latency when other work shares the machine.
    const cpuPerRequest = (cpuMs(server.pid) - cpuBefore) / requests;

    // Assess: from the database itself, each deadline against the independent reckoning
    const database = new SqliteDatabase(join(dataDir, 'telemed.sqlite'));
    const rows = await database.transaction((t) => t.find('teleconsult_requests', {}));
    await database.close();
    const stored = new Map(rows.map((row) => [String(row.id), row]));
    let landed = 0;
    let wrongDeadlines = 0;
    for (const { i, id } of sent) {
      const row = id === undefined ? undefined : stored.get(id);
      if (!row) continue;
      landed++;
      const centre = centres[i % centres.length] as (typeof centres)[number];
      const form = forms[i % forms.length] as (typeof forms)[number];
      const expected = expectedDeadline(form, centre.promises, centre.zone, Number(row.created_at));
      if (row.centre_id !== centre.id || row.form !== form || Number(row.due_at) !== expected)
        wrongDeadlines++;
    }
    latencies.sort((a, b) => a - b);
    const pct = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
    const refused = sent.filter((s) => s.status !== 201).length;
    console.log(
      `  ${(requests / seconds).toFixed(0)} requests/s, p50 ${pct(50).toFixed(1)} ms, p99 ${pct(99).toFixed(1)} ms, max ${pct(100).toFixed(1)} ms, server CPU ${cpuPerRequest.toFixed(2)} ms a request; ${refused} refused, ${landed} landed, ${wrongDeadlines} wrong deadlines`,
    );
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
    console.log(
      JSON.stringify({
        requests,
        landed,
        wrong_deadlines: wrongDeadlines,
        p99_ms: Number(pct(99).toFixed(1)),
      }),
    );
  } catch (error) {
    await stop();
    throw error;
  }
}

/** User + system CPU so far of a process, from /proc (as bench:booking); NaN where there is none. */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime, fields 14 and 15 of proc(5), in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

void main();
