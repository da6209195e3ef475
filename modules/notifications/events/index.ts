export { notificationRequestedV1 } from './notification-requested.v1';
