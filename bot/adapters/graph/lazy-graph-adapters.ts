// The Graph adapters, created on first use. In local mode the sandbox starts after the bot (it
// writes the CA certificate the transport trusts), and a bot that never calls Graph should not
// need its settings to be reachable at start-up.
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
  /** Installs the app for a person on first use (null without GRAPH_TEAMS_APP_ID). */
  installer: { install(personId: string): Promise<void> } | null;
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
    installer: config.teamsAppId ? { install: (personId: string) => get().installer!.install(personId) } : null,
    close: () => adapters?.close(),
  };
}
