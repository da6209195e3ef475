import './store';

export { patientRecordForExport } from './export';
export { scanRecordFiles } from './file-scan';
export { recordsPersonData } from './person-data';
export { recordsApi } from './routes';
