import { defineRepositories } from '../../platform/store';
import { CapturedMessages } from './repositories/captured-messages';
import { DeferredNotifications } from './repositories/deferred-notifications';
import { GroupContacts } from './repositories/group-contacts';
import { NotificationContacts } from './repositories/notification-contacts';
import { NotificationLog } from './repositories/notifications';
import './tables';
// Our use-cases read these modules' repositories or tables: their stores join every transaction with ours.
import '../booking';
import '../patients';

declare module '../../platform/store' {
  interface Repositories {
    notifications: NotificationLog;
    notificationContacts: NotificationContacts;
    groupContacts: GroupContacts;
    deferredNotifications: DeferredNotifications;
    capturedMessages: CapturedMessages;
  }
}

/** Notifications's tables and repositories join the catalog and every transaction once this module loads. */
defineRepositories({
  notifications: ({ tables, now }) => new NotificationLog(tables, now),
  notificationContacts: ({ tables, now }) => new NotificationContacts(tables, now),
  groupContacts: ({ tables, now }) => new GroupContacts(tables, now),
  deferredNotifications: ({ tables }) => new DeferredNotifications(tables),
  capturedMessages: ({ tables, now }) => new CapturedMessages(tables, now),
});
