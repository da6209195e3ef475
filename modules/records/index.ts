import './store';

export { scanRecordFiles } from './file-scan';
export { recordsApi } from './routes';
