// A Directory over the seeded people, for use-case tests that do not start the Graph sandbox.
// It answers as the sandbox's /users does (prefix match on name or address, case-insensitive);
// the Graph adapter against the sandbox is tested on its own.
import { type Directory, DirectoryError, type Person } from '../../bot/app/ports/directory.port';
import { SEED_PEOPLE, type SeedPerson } from '../../scripts/graph-sandbox/directory/seed-people';

export const toPerson = (s: SeedPerson): Person => ({
  id: s.id, displayName: s.displayName, email: s.mail, jobTitle: s.jobTitle, agency: s.agency, role: s.role,
});

export class StaticDirectory implements Directory {
  constructor(private readonly people: readonly SeedPerson[] = SEED_PEOPLE) {}

  async search(text: string, limit: number): Promise<Person[]> {
    const q = text.trim().toLowerCase();
    if (q.length < 2) throw new DirectoryError('DIRECTORY.QUERY_INVALID', 'type at least 2 characters');
    return this.people
      .filter((p) => [p.displayName, p.givenName, p.surname, p.mail].some((f) => f.toLowerCase().startsWith(q)))
      .slice(0, limit)
      .map(toPerson);
  }

  async get(id: string): Promise<Person | null> {
    const p = this.people.find((s) => s.id.toLowerCase() === id.toLowerCase());
    return p ? toPerson(p) : null;
  }
}
