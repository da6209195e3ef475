import './store';

export { consentBundle, giveBundle } from './bundle';
export { type ConsentFlow, type Purpose, requiredFor } from './domain/purposes';
export { consentsPersonData } from './person-data';
export { consentsApi } from './routes';
export { ConsentRequired } from './rules';
export { hasWithdrawn, missingConsents, requireConsents } from './use-cases';
