import type { z } from 'zod';
import { longText, recordBaseSchema, requiredText } from './common';

/** A named collection of records; a record may belong to several cases. */
export const caseSchema = recordBaseSchema.extend({
  name: requiredText(200),
  description: longText(),
});
export type Case = z.infer<typeof caseSchema>;
