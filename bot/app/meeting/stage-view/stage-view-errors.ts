// The codes the stage view's signed-link read can end with (docs/tab/stage-view.md). A refused
// link says why in plain words on the page; nothing of the conference is shown.
import { CodedError } from '../../../domain/shared/coded-error';

export const STAGE_VIEW_ERROR_CODES = [
  /** Forged, altered, for another purpose, or its conference / sharer no longer valid. */
  'STAGE_VIEW.LINK_NOT_VALID',
  /** Past the end of the conference day (Europe/London). */
  'STAGE_VIEW.LINK_EXPIRED',
] as const;

export type StageViewErrorCode = (typeof STAGE_VIEW_ERROR_CODES)[number];

export class StageViewError extends CodedError<StageViewErrorCode> {}
