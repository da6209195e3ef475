import * as z from 'zod';
import { defineSettings } from '../../platform/settings';

/** Consultations' settings. */
export const consultationsSettings = defineSettings('consultations', {
  /** Bucket for files attached to consultations (presigned uploads and downloads). */
  ATTACHMENTS_BUCKET: z.string().min(3).default('telemed-attachments'),
});
