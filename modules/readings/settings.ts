import * as z from 'zod';
import { defineSettings } from '../../platform/settings';

/** Readings' settings. */
export const readingsSettings = defineSettings('readings', {
  /** Bucket for device files: readings exports (CSV) and ECGs, uploaded by presigned URL. */
  READINGS_BUCKET: z.string().min(3).default('telemed-readings'),
});
