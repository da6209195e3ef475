import type { Database, Tables, TransactionOptions } from '../storage/port';
import type { FieldCipher } from './crypto/field-cipher';
import { AuditLog } from './repositories/audit-log';
import { Effects } from './repositories/effects';
import { IdempotencyKeys } from './repositories/idempotency-keys';
import { OutboxStore } from './repositories/outbox';
import { ProcessedEvents } from './repositories/processed-events';
import './tables';

/** What a repository is built from: one transaction's tables, the field cipher and the clock. */
export interface TransactionScope {
  tables: Tables;
  cipher: FieldCipher;
  now: () => number;
}

/**
 * Every repository, bound to one transaction. The runtime kit's own are here; each capability
 * adds its own with `defineRepositories` (modules/<name>/store.ts), augmenting this interface
 * for the compiler, so storage and the kit know no capability and a bundle holds only the
 * repositories of the modules it reaches.
 */
export interface Repositories {
  outbox: OutboxStore;
  processedEvents: ProcessedEvents;
  effects: Effects;
  idempotencyKeys: IdempotencyKeys;
  audit: AuditLog;
}

type Factories<K extends keyof Repositories> = { [P in K]: (scope: TransactionScope) => Repositories[P] };

/** Holds the scope; each repository is built on first use in the transaction, then kept. */
const repositoriesPrototype = {} as Record<string, unknown>;

/** Adds a capability's repositories to every transaction of this function instance. */
export function defineRepositories<K extends keyof Repositories>(factories: Factories<K>): void {
  for (const [name, build] of Object.entries(factories) as [string, (scope: TransactionScope) => unknown][]) {
    Object.defineProperty(repositoriesPrototype, name, {
      configurable: true,
      get(this: { scope: TransactionScope }) {
        const repository = build(this.scope);
        Object.defineProperty(this, name, { value: repository });
        return repository;
      },
    });
  }
}

defineRepositories({
  outbox: ({ tables, now }) => new OutboxStore(tables, now),
  processedEvents: ({ tables, now }) => new ProcessedEvents(tables, now),
  effects: ({ tables, now }) => new Effects(tables, now),
  idempotencyKeys: ({ tables, cipher, now }) => new IdempotencyKeys(tables, cipher, now),
  audit: ({ tables, now }) => new AuditLog(tables, now),
});

export interface Store {
  readonly database: Database;
  /** Runs `work` in one transaction: its changes, outbox events and audit rows commit together or not at all. */
  transaction<T>(work: (repos: Repositories) => Promise<T>, options?: TransactionOptions): Promise<T>;
}

export function createStore(database: Database, cipher: FieldCipher, now: () => number = Date.now): Store {
  return {
    database,
    transaction: (work, options) =>
      database.transaction((tables) => {
        const repos = Object.create(repositoriesPrototype) as Repositories & { scope: TransactionScope };
        repos.scope = { tables, cipher, now };
        return work(repos);
      }, options),
  };
}
