import './store';

export { patientRecordForExport } from './export';
export { scanRecordFiles } from './file-scan';
export { recordsApi } from './routes';
