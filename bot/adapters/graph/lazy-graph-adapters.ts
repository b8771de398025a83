// The Graph adapters, created on first use. In local mode the sandbox starts after the bot (it
// writes the CA certificate the transport trusts), and a bot that never calls Graph should not
// need its settings to be reachable at start-up.
import type { CallControl } from '../../app/ports/call-control.port';
import { type Directory, DirectoryError } from '../../app/ports/directory.port';
import type { StaffRoles } from '../../app/ports/staff-roles.port';
import type { GraphConfig } from '../../config/graph-config';
import { createGraphAdapters, type GraphAdapterOverrides, type GraphAdapters } from './create-graph-adapters';

/** Delegates every property to `get()`'s object, calling it on first use only. */
function lazyPort<T extends object>(get: () => T): T {
  return new Proxy({} as T, {
    get(_target, prop) {
      const target = get();
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export interface LazyGraphAdapters {
  meetings: GraphAdapters['meetings'];
  mailer: GraphAdapters['mailer'];
  /** Graph /users with roles from the roster; the adapter (and its cache) is made on first use. */
  directory(roster: StaffRoles): Directory;
  reports: GraphAdapters['reports'];
  /** Installs the app for a person on first use (null without GRAPH_TEAMS_APP_ID). */
  installer: { install(personId: string): Promise<void> } | null;
  /** The calling bot, made on first use. */
  calls(callbackUri: string): CallControl;
  /** Closes the transport if it was ever opened. */
  close(): void;
}

export function lazyGraphAdapters(config: GraphConfig, overrides: GraphAdapterOverrides = {}): LazyGraphAdapters {
  let adapters: GraphAdapters | null = null;
  const get = () => {
    adapters ??= createGraphAdapters(config, overrides);
    return adapters;
  };
  return {
    meetings: lazyPort(() => get().meetings),
    mailer: lazyPort(() => get().mailer),
    directory: (roster) => {
      let directory: Directory | null = null;
      // Settings that cannot make a client (an unreadable CA file) are the directory being unavailable.
      const open = (): Directory => {
        try {
          directory ??= get().directory(roster);
          return directory;
        } catch (err) {
          throw new DirectoryError('DIRECTORY.UNAVAILABLE', `the Graph client could not be created: ${(err as Error).message}`);
        }
      };
      return { search: async (text, limit) => open().search(text, limit), get: async (id) => open().get(id) };
    },
    reports: lazyPort(() => get().reports),
    installer: config.teamsAppId ? { install: (personId: string) => get().installer!.install(personId) } : null,
    calls: (callbackUri) => {
      let calls: CallControl | null = null;
      return lazyPort(() => (calls ??= get().calls(callbackUri)));
    },
    close: () => adapters?.close(),
  };
}
