import { defineRepositories } from '../../platform/store';
import { ReadingsRepositories } from './repositories/readings-group';
import './tables';

declare module '../../platform/store' {
  interface Repositories {
    readings: ReadingsRepositories;
  }
}

/** Readings's tables and repositories join the catalog and every transaction once this module loads. */
defineRepositories({
  readings: ({ tables, cipher, now }) => new ReadingsRepositories(tables, cipher, now),
});
