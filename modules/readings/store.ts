import { defineRepositories } from '../../platform/store';
import { ReadingsRepositories } from './repositories/readings-group';
import './tables';
// Our use-cases read these modules' repositories or tables: their stores join every transaction with ours.
import '../patients';

declare module '../../platform/store' {
  interface Repositories {
    readings: ReadingsRepositories;
  }
}

/** Readings's tables and repositories join the catalog and every transaction once this module loads. */
defineRepositories({
  readings: ({ tables, cipher, now }) => new ReadingsRepositories(tables, cipher, now),
});
