import { defineRepositories } from '../../platform/store';
import { Escalations } from './repositories/escalations';
import './tables';

declare module '../../platform/store' {
  interface Repositories {
    escalations: Escalations;
  }
}

/** Escalations's tables and repositories join the catalog and every transaction once this module loads. */
defineRepositories({
  escalations: ({ tables, now }) => new Escalations(tables, now),
});
