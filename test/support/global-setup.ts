// jest globalSetup: the template databases (template-databases.ts) exist before the first test
// file starts, so no test's timeout pays for making them. Cached in .tmp: later runs only check.
import { ensureTemplates } from './template-databases';

export default async function globalSetup(): Promise<void> {
  await ensureTemplates();
}
