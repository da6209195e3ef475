import './store';

export { retentionRules } from './domain/retention';
export { dataRequestsApi } from './routes';
export { personDataSections } from './sections';
export { exportsTimer, retentionTimer } from './timers';
