import './store';

export { onAlertAcknowledged } from './alert-acknowledged';
export { readingsAlertsConsumer } from './alerts-consumer';
export { readingsFileTrigger } from './file-trigger';
export { readingsIngestApi } from './ingest-routes';
export { readingsIotTrigger } from './iot-trigger';
export { readingsPersonData } from './person-data';
export { readingsQueryApi } from './query-routes';
export { type VitalReading, vitalsDuring } from './vitals-during';
