export {
  rehabAdherenceDroppedV1,
  rehabEventsV1,
  rehabMeasureRecordedV1,
  rehabPlanChangedV1,
  rehabPlanStartedV1,
  rehabSessionCompletedV1,
  rehabSessionStoppedV1,
} from './rehab.v1';
