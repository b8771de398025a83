// What the production entry point (node dist/bot/main.js) reads: this process's environment, in
// production mode. There is no way from here to local mode; that is the local launcher's.
import { type Config, loadConfig } from './load-config';

export function loadProductionConfig(): Config {
  return loadConfig(process.env, { mode: 'production' });
}
