import { acknowledgeEscalation } from '../../modules/escalations';
import { onAlertAcknowledged, readingsQueryApi } from '../../modules/readings';
import { entryPoint } from '../../platform/runtime';

/** HTTP: reading series, FHIR output and reading alerts; acknowledging an alert stops its escalation. */
export const handler = entryPoint(readingsQueryApi, () => onAlertAcknowledged(acknowledgeEscalation));
