import './store';

export { patientsApi } from './routes';
