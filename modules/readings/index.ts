import './store';

export { readingsAlertsConsumer } from './alerts-consumer';
export { readingsFileTrigger } from './file-trigger';
export { readingsIngestApi } from './ingest-routes';
export { readingsIotTrigger } from './iot-trigger';
export { readingsQueryApi } from './query-routes';
