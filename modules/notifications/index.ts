import './store';

export type { Channel } from './channels/port';
export { channelsFor } from './channels/select';
export { notificationsConsumer } from './consumer';
export { deferredNotificationsTimer } from './deferred-timer';
export { type DeliveryContext, deliver } from './deliver';
export { notificationsPersonData } from './person-data';
export {
  type ContactGroup,
  type GroupContact,
  groupAddress,
  groupOf,
} from './repositories/group-contacts';
export { notificationsSettings } from './settings';
export { notificationSettingsApi } from './settings-routes';
