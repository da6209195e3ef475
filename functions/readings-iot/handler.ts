import { readingsIotTrigger } from '../../modules/readings';
import { entryPoint } from '../../platform/runtime';

/** IoT Core trigger: readings sent by devices over MQTT. */
export const handler = entryPoint(readingsIotTrigger);
