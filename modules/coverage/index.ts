import './store';

export { activate } from './corporate';
export { courseSponsorTenant } from './course-sponsor';
export { sponsorRules } from './domain/errors';
export { sponsorUploadTrigger } from './imports/upload-trigger';
export { sponsorPayers } from './payers';
export { coveragePersonData } from './person-data';
export { linkPolicy } from './policies';
export { sponsorReports } from './report-routes';
export { coverageApi } from './routes';
