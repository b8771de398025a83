// The local Graph sandbox's fixed identity: where `npm run sandbox` and the local launcher listen,
// the tenant and client it issues tokens for, and the client secret it accepts. A tool's values,
// not the product's: bot/config never holds them; the launcher hands them to loadConfig.
import type { GraphSandboxTarget } from '../../bot/config/graph-config';
import type { ConfigMode } from '../../bot/config/load-config';
import { makeLocalApiKey } from './local-api-key';

export const SANDBOX_DEFAULTS = {
  origin: 'https://127.0.0.1:5443',
  tenantId: '0a0a0a0a-1111-4222-8333-444444444444',
  clientId: 'c11e0000-0000-4000-8000-000000000001',
  clientSecret: 'sandbox-client-secret',
  mailSender: 'conference-team@sandbox.example',
  caFile: '.tmp/graph-sandbox/ca.pem',
  /** The sandbox's one document library, where conference reports go (REPORTS_DRIVE_ID's local default). */
  reportsDriveId: 'b!U2FuZGJveCBjb25mZXJlbmNlIHJlcG9ydHMgbGlicmFyeQ',
  teamsAppId: '7ea40000-0000-4000-8000-00000000a991',
} as const satisfies GraphSandboxTarget;

/**
 * The audit chain's key in local mode when AUDIT_HMAC_KEY is unset: fixed and public, so that a
 * developer's ./data verifies across restarts (and with `npm run audit:verify`). Proves nothing.
 */
export const LOCAL_DEVELOPMENT_AUDIT_HMAC_KEY = Buffer.from('cpc-local-development-audit-key-not-secret!', 'utf8');

/**
 * The launcher's configuration mode: local, against the sandbox, with the development audit key
 * and the API signing key made when this module loads (one per process: local-api-key.ts).
 */
export const LOCAL_MODE = {
  mode: 'local',
  sandbox: SANDBOX_DEFAULTS,
  developmentAuditKey: LOCAL_DEVELOPMENT_AUDIT_HMAC_KEY,
  localApiKey: makeLocalApiKey(SANDBOX_DEFAULTS.tenantId),
} as const satisfies ConfigMode;
