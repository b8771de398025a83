// The reasons a conference may be stood down (DOMAIN-RULES §6). Here, not in the use case, so the
// API's schemas (and through them the tab's types) need no application code.
import type { StandDownReason } from '../conference/conference';

export const STAND_DOWN_REASONS = [
  'no-longer-needed', 'not-quorate', 'report-not-shared-with-family', 'no-interpreter', 'family-cannot-attend', 'unforeseen',
] as const satisfies readonly StandDownReason[];
