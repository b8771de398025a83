// Starts telemetry from the validated configuration. Off (no connection string): NO_TELEMETRY, and
// neither the Azure Monitor distro nor the OpenTelemetry SDK is loaded — start-up time and memory
// do not pay for it. On: the distro (`useAzureMonitor`) registers the global providers with its
// exporters; nothing is sent until the first export interval (60 s) or the shutdown flush.
// The distro's automatic instrumentations are all off: HTTP, SQL and log spans would carry URLs,
// queries and messages (a directory search is a person's name in a query string). Only the
// product's own instruments and spans, through the attribute allow-list, are sent; live metrics
// (which stream samples of spans) are off too.
import type { Telemetry } from '../../app/ports/telemetry.port';
import { NO_TELEMETRY } from '../../app/ports/telemetry.port';
import type { TelemetryConfig } from '../../config/telemetry-config';

export interface RunningTelemetry {
  telemetry: Telemetry;
  /** Flushes what is buffered and stops the exporters (at shutdown). */
  shutdown(): Promise<void>;
}

type AzureMonitorModule = typeof import('@azure/monitor-opentelemetry');
type OtelApi = typeof import('@opentelemetry/api');
type OtelAdapter = typeof import('./otel-telemetry.adapter');

/** What useAzureMonitor is given: exported from here so a test can check it whole. */
export function azureMonitorOptions(config: TelemetryConfig): Parameters<AzureMonitorModule['useAzureMonitor']>[0] {
  const off = { enabled: false };
  return {
    azureMonitorExporterOptions: { connectionString: config.connectionString },
    enableLiveMetrics: false,
    // Every span kept: the product makes few (a job, a meeting event), and the distro's default
    // rate-limited sampler (5 a second) drops some at random, the first ones included.
    tracesPerSecond: 0,
    samplingRatio: 1,
    // Request and dependency rates are derived from the HTTP spans, which are off.
    enableStandardMetrics: false,
    instrumentationOptions: { http: off, azureSdk: off, mongoDb: off, mySql: off, postgreSql: off, redis: off, redis4: off, bunyan: off, winston: off, console: off },
  };
}

export function startTelemetry(config: TelemetryConfig | null): RunningTelemetry {
  if (config === null) return { telemetry: NO_TELEMETRY, shutdown: async () => undefined };
  // Loaded here, never at the top of a module: only a deployment that turns telemetry on loads them.
  const azure = require('@azure/monitor-opentelemetry') as AzureMonitorModule;
  const api = require('@opentelemetry/api') as OtelApi;
  const { createOtelTelemetry } = require('./otel-telemetry.adapter') as OtelAdapter;
  // biome-ignore lint/correctness/useHookAtTopLevel: the Azure distro's start-up function, not a React hook
  azure.useAzureMonitor(azureMonitorOptions(config));
  return {
    telemetry: createOtelTelemetry(api.metrics.getMeterProvider(), api.trace.getTracerProvider()),
    shutdown: () => azure.shutdownAzureMonitor(),
  };
}
