// The reasons a conference may be stood down (DOMAIN-RULES §6), as the API and the card offer them.
// Here (not in the use case) so that the API's schemas, which the tab reads as types, need no app code.
import type { StandDownReason } from '../conference/conference';

export const STAND_DOWN_REASONS = [
  'no-longer-needed', 'not-quorate', 'report-not-shared-with-family', 'no-interpreter', 'family-cannot-attend', 'unforeseen',
] as const satisfies readonly StandDownReason[];
