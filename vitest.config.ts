import { defineConfig } from 'vitest/config';

/**
 * The journeys whose effects must happen once (consumers, the relay, bookings, the coverage
 * ledger, escalations, notifications) run a second time on an SQLite that aborts the first
 * commit of every transaction and re-runs its callback, as YDB may (storage/sqlite/database.ts).
 */
const underReruns = [
  'test/platform/queue-consumer.test.ts',
  'test/platform/outbox-quarantine.test.ts',
  'test/platform/outbox-crash.test.ts',
  'test/platform/pipeline-faults.test.ts',
  'test/booking/booking.test.ts',
  'test/booking/booking-holds.test.ts',
  'test/coverage/ledger.test.ts',
  'test/escalations/*.test.ts',
  'test/notifications/*.test.ts',
];

export default defineConfig({
  test: {
    setupFiles: ['test/support/register-modules.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'default', include: ['test/**/*.test.ts'] } },
      { extends: true, test: { name: 'reruns', include: underReruns, env: { SQLITE_RERUN: '1' } } },
    ],
  },
});
