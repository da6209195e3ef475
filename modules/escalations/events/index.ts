export { escalationRequestedV1 } from './escalation.v1';
