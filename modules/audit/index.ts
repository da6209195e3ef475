export { auditApi } from './routes';
