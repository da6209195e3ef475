import { Problem } from '../../platform/problem';
import { getServices } from '../../platform/services';
import type { Repositories } from '../../platform/store';
import { NotFound } from './appointments';
import { BookingRuleBroken } from './domain/appointment';
import { PayerRefused } from './payers';

/** Runs a booking use case in one transaction and turns its rule violations into problems. */
export async function inTransaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
  const { store } = await getServices();
  try {
    return await store.transaction(work);
  } catch (error) {
    if (error instanceof BookingRuleBroken || error instanceof PayerRefused)
      throw new Problem(error.status, error.code, 'Booking refused', error.message);
    if (error instanceof NotFound) {
      const code = `${error.what.toUpperCase()}_NOT_FOUND`;
      throw new Problem(
        error.what === 'Service' ? 422 : 404,
        code,
        'Not found',
        `${error.what} was not found.`,
      );
    }
    throw error;
  }
}
