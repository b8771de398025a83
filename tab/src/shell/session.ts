// Who is signed in to the tab. In Teams: the SSO token (authentication.getAuthToken), which the API
// verifies like any bearer token. In a plain browser (local mode only): the person picked at the
// local sign-in (or ?as=<object id>), exchanged for a local token at POST /api/v1/dev/sign-in.
// The local choice is kept for the browser tab's session only (sessionStorage), never in a cookie.
import type { TabHost } from './host';

const KEY = 'cpc.local.userId';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Session {
  /** The object id signed in as, when known (local sign-in; Teams context). */
  userId: string | null;
  token(): Promise<string | null>;
  signOut(): void;
}

export function localUserId(): string | null {
  const fromQuery = new URLSearchParams(location.search).get('as');
  if (fromQuery && GUID.test(fromQuery)) {
    sessionStorage.setItem(KEY, fromQuery);
    return fromQuery;
  }
  const kept = sessionStorage.getItem(KEY);
  return kept && GUID.test(kept) ? kept : null;
}

export function chooseLocalUser(userId: string): void {
  sessionStorage.setItem(KEY, userId);
}

/** A local-mode session: a token from the dev sign-in, renewed a minute before it expires. */
export function localSession(userId: string): Session {
  let cached: { token: string; until: number } | null = null;
  return {
    userId,
    async token() {
      if (cached && cached.until > Date.now()) return cached.token;
      const res = await fetch('/api/v1/dev/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) });
      if (!res.ok) throw new Error(res.status === 404 ? 'Local sign-in is only available in local mode (npm start).' : `Local sign-in failed (${res.status}).`);
      const body = (await res.json()) as { accessToken: string; expiresIn: number };
      cached = { token: body.accessToken, until: Date.now() + (body.expiresIn - 60) * 1000 };
      return cached.token;
    },
    signOut() {
      sessionStorage.removeItem(KEY);
      cached = null;
    },
  };
}

export function teamsSession(host: TabHost): Session {
  return { userId: host.context.userObjectId ?? null, token: () => host.ssoToken(), signOut: () => undefined };
}
