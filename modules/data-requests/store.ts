import { defineRepositories } from '../../platform/store';
import { DataRequests } from './repositories/data-requests';
import './tables';
// A request names the clinic that keeps the patient's record: the patients' repository answers.
import '../patients';

declare module '../../platform/store' {
  interface Repositories {
    dataRequests: DataRequests;
  }
}

/** Data requests' table and repository join the catalog and every transaction once this module loads. */
defineRepositories({
  dataRequests: ({ tables, now }) => new DataRequests(tables, now),
});
