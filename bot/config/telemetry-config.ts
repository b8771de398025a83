// Telemetry to Application Insights (docs/telemetry.md): on only when APPLICATIONINSIGHTS_CONNECTION_STRING
// is set (App Service's standard name; the Bicep sets it from the Application Insights resource).
// Unset or blank: off, and the Azure Monitor SDK is never loaded.

export const TELEMETRY_SETTING = 'APPLICATIONINSIGHTS_CONNECTION_STRING';

export interface TelemetryConfig {
  /** InstrumentationKey=…;IngestionEndpoint=https://…;… as the Azure portal shows it. */
  connectionString: string;
}

export class TelemetryConfigInvalid extends Error {
  readonly code = 'CONFIG.TELEMETRY_INVALID';
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Parses `Key=value;Key=value` (keys are case-insensitive in Azure's own parser). */
function fields(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of text.split(';')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) throw new TelemetryConfigInvalid(`is not a connection string (expected Key=value pairs separated by ';', as the Application Insights resource shows it)`);
    out.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
  }
  return out;
}

/** Null when telemetry is off. Throws TelemetryConfigInvalid (the caller names the variable). */
export function readTelemetryConfig(env: Record<string, string | undefined>): TelemetryConfig | null {
  const value = env[TELEMETRY_SETTING]?.trim();
  if (!value) return null;
  const f = fields(value);
  const key = f.get('instrumentationkey');
  if (!key || !GUID.test(key)) throw new TelemetryConfigInvalid('needs InstrumentationKey=<GUID>');
  const endpoint = f.get('ingestionendpoint');
  if (!endpoint) throw new TelemetryConfigInvalid('needs IngestionEndpoint=https://… (the regional endpoint; the portal gives it)');
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new TelemetryConfigInvalid('has an IngestionEndpoint that is not a URL');
  }
  if (url.protocol !== 'https:') throw new TelemetryConfigInvalid('needs an https:// IngestionEndpoint');
  return { connectionString: value };
}
