import './store';

export { chatbotPersonData } from './person-data';
export { deliverCalls, processUpdate } from './process-update';
export { botIdentity } from './routing';
export { chatbotSettings, secretMatches } from './settings';
export { captureTransport, telegramTransport } from './transport';
export { chatbot, chatbotApi } from './webhook-route';
