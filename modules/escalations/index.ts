import './store';

export { crisisConsumer } from './consumer';
export { acknowledgeEscalation, ladderOf, openEscalation, raiseOneLevel } from './ladder';
export { onCallApi } from './on-call-routes';
export { escalationWatchTimer } from './watch-timer';
