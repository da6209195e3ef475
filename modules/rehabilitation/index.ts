import './store';

export { adherenceTimer } from './adherence-timer';
export { rehabilitationConsumer } from './consumer';
export { rehabilitationApi } from './routes';
