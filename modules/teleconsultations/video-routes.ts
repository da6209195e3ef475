import { httpRoute } from '../../platform/http';
import { inTransaction } from '../../platform/services';
import { video } from '../booking';
import { requestRules } from './domain/request';
import { audit, contextOf, requestAs } from './route-helpers';
import * as schemas from './schemas';
import { scheduleSession } from './use-cases';
import { videoSessionView } from './views';

/**
 * The centre (its coordinator or a consultant on the case) schedules the video session between
 * the doctors, in a room from booking's video provider. The start comes with its offset, is kept
 * in UTC and is shown back in both zones: the centre's and the requesting clinic's.
 */
export const scheduleVideoSession = httpRoute({
  route: 'PUT /v1/teleconsultations/{requestId}/video-session',
  healthData: true,
  auth: ['doctor', 'clinic_admin'],
  params: schemas.requestParams,
  body: schemas.videoSessionBody,
  handle: async (request) => {
    const scheduled = await inTransaction(async (r) => {
      const { found } = await requestAs(r, request, ['coordinator', 'consultant']);
      const centre = await r.teleconsultations.centre(found.centreId);
      if (!centre) throw requestRules.centreNotFound();
      await audit(r, found, 'update');
      return scheduleSession(
        r,
        found,
        {
          startsAt: Date.parse(request.body.start),
          minutes: request.body.minutes,
          scheduledBy: request.caller.subject,
          centreTimeZone: centre.timeZone,
        },
        video(),
        contextOf(request),
      );
    });
    return { status: 200, body: videoSessionView(scheduled) };
  },
});
