/**
 * A calendar date in Europe/London as 'YYYY-MM-DD'. The domain never touches Date objects
 * for calendar arithmetic: a conference at 00:30 BST is on the previous UTC day.
 */
export type IsoDate = string;

/** A wall-clock time in Europe/London, 'YYYY-MM-DDTHH:mm' (no offset: Graph takes it with timeZone). */
export type LocalDateTime = string;
