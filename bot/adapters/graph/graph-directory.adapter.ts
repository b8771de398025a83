// Directory port on Graph /users (application permission User.ReadBasic.All; docs/directory.md).
// Graph answers who someone is; the product role and agency come from the staff roster (the
// product's own table), because Graph's user has none: unlisted members are 'professional'.
// Guests (#EXT# accounts) are outside the tenant and never offered. Throttling (429) is retried
// by the client's RetryHandler before anything here sees it.
import { type Client, GraphError } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { type Directory, DirectoryError, type Person } from '../../app/ports/directory.port';
import { DEFAULT_STAFF_ROLE, type StaffRoles } from '../../app/ports/staff-roles.port';

export const DIRECTORY_SELECT = ['id', 'displayName', 'mail', 'userPrincipalName', 'jobTitle', 'department'] as const;
const MIN_QUERY = 2;
const MAX_QUERY = 100;
const MAX_TOP = 999;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const graphUserSchema = z.looseObject({
  id: z.string(),
  displayName: z.string().nullish(),
  mail: z.string().nullish(),
  userPrincipalName: z.string().nullish(),
  // Absent with User.ReadBasic.All alone (the basic profile); present with User.Read.All.
  jobTitle: z.string().nullish(),
  department: z.string().nullish(),
});
type GraphUser = z.infer<typeof graphUserSchema>;
const collectionSchema = z.looseObject({ value: z.array(graphUserSchema) });

/** A value inside a $search clause's double quotes: backslash and quote escaped. */
export function searchClauseValue(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

export interface GraphDirectoryOptions {
  /** How long a looked-up user is kept (ms; default 5 minutes). Roster changes apply at once regardless. */
  cacheMs?: number;
  now?: () => number;
}

export class GraphDirectoryAdapter implements Directory {
  private readonly cache = new Map<string, { user: GraphUser; until: number }>();
  private readonly cacheMs: number;
  private readonly now: () => number;

  constructor(
    private readonly client: Client,
    private readonly roster: StaffRoles,
    options: GraphDirectoryOptions = {},
  ) {
    this.cacheMs = options.cacheMs ?? 300_000;
    this.now = options.now ?? Date.now;
  }

  async search(text: string, limit: number): Promise<Person[]> {
    const q = text.trim();
    if (q.length < MIN_QUERY || q.length > MAX_QUERY) throw new DirectoryError('DIRECTORY.QUERY_INVALID', `type between ${MIN_QUERY} and ${MAX_QUERY} characters`);
    if (!Number.isInteger(limit) || limit < 1) throw new DirectoryError('DIRECTORY.QUERY_INVALID', 'the limit must be a positive whole number');
    const value = searchClauseValue(q);
    const search = `"displayName:${value}" OR "mail:${value}"`;
    const raw = await this.call('search', () =>
      this.client
        .api('/users')
        .header('ConsistencyLevel', 'eventual')
        .search(encodeURIComponent(search))
        .select([...DIRECTORY_SELECT])
        .top(Math.min(limit + 5, MAX_TOP))
        .get(),
    );
    const users = this.parse(collectionSchema, raw).value.filter(inTenant).slice(0, limit);
    return this.withRoles(users);
  }

  async get(id: string): Promise<Person | null> {
    // Only object ids are looked up (a Teams id or anything else is nobody in the directory).
    if (!GUID.test(id)) return null;
    const key = id.toLowerCase();
    const cached = this.cache.get(key);
    let user: GraphUser | null;
    if (cached && cached.until > this.now()) user = cached.user;
    else {
      user = await this.fetchUser(key);
      if (user) this.remember(key, user);
    }
    if (!user || !inTenant(user)) return null;
    const [person] = await this.withRoles([user]);
    return person ?? null;
  }

  private async fetchUser(id: string): Promise<GraphUser | null> {
    try {
      const raw = await this.client.api(`/users/${encodeURIComponent(id)}`).select([...DIRECTORY_SELECT]).get();
      return this.parse(graphUserSchema, raw);
    } catch (err) {
      if (err instanceof GraphError && err.statusCode === 404) return null;
      throw unavailable('get', err);
    }
  }

  private remember(key: string, user: GraphUser): void {
    if (this.cache.size >= 5000) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, { user, until: this.now() + this.cacheMs });
  }

  private async withRoles(users: GraphUser[]): Promise<Person[]> {
    let roles: Awaited<ReturnType<StaffRoles['getMany']>>;
    try {
      roles = await this.roster.getMany(users.map((u) => u.id));
    } catch {
      throw new DirectoryError('DIRECTORY.UNAVAILABLE', 'the staff roster could not be read');
    }
    return users.map((u) => {
      const entry = roles.get(u.id.toLowerCase());
      const email = u.mail || u.userPrincipalName || '';
      return {
        id: u.id.toLowerCase(),
        displayName: u.displayName || email,
        email,
        ...(u.jobTitle ? { jobTitle: u.jobTitle } : {}),
        ...(entry?.agency ? { agency: entry.agency } : {}),
        role: entry?.role ?? DEFAULT_STAFF_ROLE,
      };
    });
  }

  private async call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw unavailable(what, err);
    }
  }

  private parse<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw new DirectoryError('DIRECTORY.UNAVAILABLE', 'Graph answered /users with an unexpected shape');
    return parsed.data;
  }
}

/** Members only: a guest's userPrincipalName carries #EXT# (they are entered by hand, never looked up). */
function inTenant(u: GraphUser): boolean {
  return !(u.userPrincipalName ?? '').toUpperCase().includes('#EXT#');
}

function unavailable(what: string, err: unknown): DirectoryError {
  const status = err instanceof GraphError ? err.statusCode : null;
  const code = err instanceof GraphError ? (err.code ?? null) : null;
  return new DirectoryError('DIRECTORY.UNAVAILABLE', `directory ${what}: ${status && status > 0 ? `Graph answered ${status}` : 'no answer from Graph'}`, { graphStatus: status, graphCode: code });
}
