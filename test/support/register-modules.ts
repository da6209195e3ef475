/**
 * Every capability's tables and repositories, as a function that bundles them all would have:
 * tests that build a store on their own (not through a function's face) need the whole catalog.
 */
import '../../modules/booking/store';
import '../../modules/chatbot/store';
import '../../modules/consents/store';
import '../../modules/consultations/store';
import '../../modules/coverage/store';
import '../../modules/escalations/store';
import '../../modules/notifications/store';
import '../../modules/patients/store';
import '../../modules/readings/store';
import '../../modules/triage/store';
