import { notificationSettingsApi } from '../../modules/notifications';
import { entryPoint } from '../../platform/runtime';

/** HTTP: a patient's channels, quiet hours and contacts. */
export const handler = entryPoint(notificationSettingsApi);
