import { defineRepositories } from '../../platform/store';
import { EmployerRepository } from './repositories/employers';
import { EntitlementLedger } from './repositories/entitlements';
import { InsurerRepository } from './repositories/insurers';
import { LinkAttemptsRepository } from './repositories/link-attempts';
import './tables';

declare module '../../platform/store' {
  interface Repositories {
    insurers: InsurerRepository;
    employers: EmployerRepository;
    entitlements: EntitlementLedger;
    linkAttempts: LinkAttemptsRepository;
  }
}

/** Coverage's tables and repositories join the catalog and every transaction once this module loads. */
defineRepositories({
  insurers: ({ tables }) => new InsurerRepository(tables),
  employers: ({ tables }) => new EmployerRepository(tables),
  entitlements: ({ tables }) => new EntitlementLedger(tables),
  linkAttempts: ({ tables }) => new LinkAttemptsRepository(tables),
});
