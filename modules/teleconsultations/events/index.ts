export { coordinatorsOf, teleconsultationNotices } from './notices';
export {
  teleconsultationAcceptedV1,
  teleconsultationConcludedV1,
  teleconsultationDeclinedV1,
  teleconsultationEventsV1,
  teleconsultationInfoRequestedV1,
  teleconsultationOverdueV1,
  teleconsultationRequestedV1,
  teleconsultationScheduledV1,
} from './teleconsultation.v1';
