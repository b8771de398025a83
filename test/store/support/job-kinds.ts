// Job kinds of the store tests only, declared through the same seam as the product's table.
import { z } from 'zod';
import { defineJobKinds } from '../../../bot/app/jobs/job-kinds';

export const TEST_JOB_KINDS = defineJobKinds({
  'test.touch': z.object({ conferenceId: z.string().regex(/^CP-TEST-\d{4}$/) }),
  'test.count': z.object({ n: z.number().int() }),
});

export const EFFECTS_TABLE = 'CREATE TABLE job_effects (job_id text NOT NULL, holder text NOT NULL)';
