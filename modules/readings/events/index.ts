export { alertRaisedV1, readingsRecordedV1 } from './readings.v1';
