import './store';

export { channelsFor } from './channels/select';
export { notificationsConsumer } from './consumer';
export { deferredNotificationsTimer } from './deferred-timer';
export { type DeliveryContext, deliver } from './deliver';
export { notificationRequestedV1 } from './events/notification-requested.v1';
export { notificationSettingsApi } from './settings-routes';
