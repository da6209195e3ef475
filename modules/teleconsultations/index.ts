import './store';

export { overdueTeleconsultationsTimer } from './overdue-timer';
export { teleconsultationsApi } from './routes';
