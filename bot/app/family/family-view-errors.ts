// Refusals of the family's link (GET /api/v1/family-view): the signer's own (forged, expired,
// another purpose) and one of this area — the person is no longer on the family's side of the list.
import { CodedError } from '../../domain/shared/coded-error';
import type { LinkErrorCode } from '../ports/link-signer.port';

export type FamilyViewErrorCode = LinkErrorCode | 'FAMILY_VIEW.NOT_INVITED';

export class FamilyViewError extends CodedError<'FAMILY_VIEW.NOT_INVITED'> {}
