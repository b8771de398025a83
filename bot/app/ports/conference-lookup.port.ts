// Finding a conference by what a clerk types in chat ("board CP-2026-0042"): its case reference;
// and by the meeting chat a Teams meeting event arrives in.
export interface ConferenceLookup {
  /** Ids of the conferences with this case reference (exact, case-insensitive), the latest start first. */
  idsByCaseReference(caseReference: string): Promise<string[]>;
  /** The conference whose Teams meeting has this chat thread id (MeetingRecord.chatThreadId); null when none or ambiguous. */
  idByMeetingThread(threadId: string): Promise<string | null>;
}
