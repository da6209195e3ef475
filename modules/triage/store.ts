import { defineRepositories } from '../../platform/store';
import { TriageDecisionRepository } from './repositories/triage-decisions';
import { TriageReviews } from './repositories/triage-reviews';
import './tables';
// Our use-cases read these modules' repositories or tables: their stores join every transaction with ours.
import '../booking';
// Decisions naming a patient check the patient's clinic.
import '../patients';

declare module '../../platform/store' {
  interface Repositories {
    triageDecisions: TriageDecisionRepository;
    triageReviews: TriageReviews;
  }
}

/** Triage's tables and repositories join the catalog and every transaction once this module loads. */
defineRepositories({
  triageDecisions: ({ tables, cipher, now }) => new TriageDecisionRepository(tables, cipher, now),
  triageReviews: ({ tables, cipher, now }) => new TriageReviews(tables, cipher, now),
});
