// Finding a conference by what a clerk types in chat ("board CP-2026-0042"): its case reference.
export interface ConferenceLookup {
  /** Ids of the conferences with this case reference (exact, case-insensitive), the latest start first. */
  idsByCaseReference(caseReference: string): Promise<string[]>;
}
