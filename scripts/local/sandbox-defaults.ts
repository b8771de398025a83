// The local Graph sandbox's fixed identity: where `npm run sandbox` and the local launcher listen,
// the tenant and client it issues tokens for, and the client secret it accepts. A tool's values,
// not the product's: bot/config never holds them; the launcher hands them to loadConfig.
import type { GraphSandboxTarget } from '../../bot/config/graph-config';

export const SANDBOX_DEFAULTS = {
  origin: 'https://127.0.0.1:5443',
  tenantId: '0a0a0a0a-1111-4222-8333-444444444444',
  clientId: 'c11e0000-0000-4000-8000-000000000001',
  clientSecret: 'sandbox-client-secret',
  mailSender: 'conference-team@sandbox.example',
  caFile: '.tmp/graph-sandbox/ca.pem',
} as const satisfies GraphSandboxTarget;
