export { crisisDetectedV1 } from './crisis-detected.v1';
