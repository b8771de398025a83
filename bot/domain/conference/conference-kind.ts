export const CONFERENCE_KINDS = ['ICPC', 'RCPC', 'CORE_GROUP', 'TRANSFER_IN', 'PRE_BIRTH'] as const;
export type ConferenceKind = (typeof CONFERENCE_KINDS)[number];
