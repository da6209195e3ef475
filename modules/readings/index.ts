import './store';

export { readingsAlertsConsumer } from './alerts-consumer';
export { alertRaisedV1, readingsRecordedV1 } from './events/readings.v1';
export { readingsFileTrigger } from './file-trigger';
export { readingsIngestApi } from './ingest-routes';
export { readingsIotTrigger } from './iot-trigger';
export { readingsQueryApi } from './query-routes';
