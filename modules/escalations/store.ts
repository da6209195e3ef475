import { defineRepositories } from '../../platform/store';
import { Escalations } from './repositories/escalations';
import './tables';
// Our use-cases read these modules' repositories or tables: their stores join every transaction with ours.
import '../notifications';
import '../patients';
import '../readings';
import '../triage';

declare module '../../platform/store' {
  interface Repositories {
    escalations: Escalations;
  }
}

/** Escalations's tables and repositories join the catalog and every transaction once this module loads. */
defineRepositories({
  escalations: ({ tables, now }) => new Escalations(tables, now),
});
