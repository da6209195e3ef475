export { asyncMessageOverdueV1, consultationEventsV1, consultationMessagePostedV1 } from './consultation.v1';
