import * as z from 'zod';
import { httpRoute } from '../../platform/http';
import { tenantOf } from '../../platform/identity';
import { problems } from '../../platform/problem';
import { getServices } from '../../platform/services';

/** GET /v1/audit-events: a clinic admin reads who touched health data in their clinic. */
export const auditApi = httpRoute({
  route: 'GET /v1/audit-events',
  auth: ['clinic_admin'],
  query: z.object({
    resourceId: z.string().min(1).max(128).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  }),
  handle: async ({ query, caller }) => {
    const clinicId = tenantOf(caller);
    if (!clinicId) throw problems.forbidden('Your token names no clinic.');
    const { store } = await getServices();
    const items = await store.transaction(
      (r) =>
        query.resourceId
          ? r.audit.forResource(clinicId, query.resourceId, query.limit)
          : r.audit.forTenant(clinicId, query.limit),
      { readOnly: true },
    );
    return { status: 200, body: { items } };
  },
});
