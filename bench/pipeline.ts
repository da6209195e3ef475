/**
 * `npm run bench:pipeline [-- --events 10000 --rate 50]`: events committed to the outbox go
 * through the real relay, the queue (fauxqs on disk, the embedded default) and the real
 * notifications consumer to SMS on a local Notification Service, while faults are injected
 * from outside (bench/pipeline-harness.ts): the relay killed after the queue took an entry and
 * before it was marked sent, the queue refusing sends for a while, a consumer killed after its
 * batch committed and before the trigger deleted it, a consumer killed mid-batch with a send in
 * flight. Counts each committed event's SMS: delivered, duplicates, lost, quarantined, and p95
 * from commit to the SMS. Targets: 0 lost, 0 duplicates, p95 ≤ 2,000 ms. The last line is the JSON
 * summary.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runPipeline } from './pipeline-harness';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '10000' },
    rate: { type: 'string', default: '50' },
    'outage-ms': { type: 'string', default: '3000' },
    memory: { type: 'boolean', default: false },
    'no-faults': { type: 'boolean', default: false },
  },
});

async function main() {
  const events = Number(values.events);
  const rate = Number(values.rate);
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-pipeline-'));
  console.log(
    `${events} notification.requested.v1 events at ${rate}/s through outbox → relay → queue → notifications → SMS`,
  );
  try {
    const run = await runPipeline({
      dataDir,
      events,
      rate,
      durableQueue: !values.memory,
      faults: values['no-faults']
        ? []
        : [
            { at: 0.15, fault: 'kill-relay' },
            { at: 0.35, fault: 'refuse-sends', ms: Number(values['outage-ms']) },
            { at: 0.55, fault: 'kill-consumer-before-ack' },
            { at: 0.75, fault: 'kill-consumer-mid-send' },
            { at: 0.9, fault: 'kill-relay' },
          ],
      log: (line) => console.log(line),
    });
    console.log(
      `  ${run.seconds.toFixed(1)} s; faults ${run.faultsFired.join(', ')}; restarts relay ${run.restarts.relay}, consumer ${run.restarts.consumer}; slowest ${run.max_ms} ms`,
    );
    const { events: total, delivered, duplicate_effects, lost, quarantined, p95_ms } = run;
    console.log(JSON.stringify({ events: total, delivered, duplicate_effects, lost, quarantined, p95_ms }));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
