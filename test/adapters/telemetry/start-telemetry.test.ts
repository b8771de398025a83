// Telemetry is off unless APPLICATIONINSIGHTS_CONNECTION_STRING is set: then the Azure Monitor
// distro is never loaded. A malformed connection string stops start-up naming the variable. Set,
// the real distro is started with it (and our options) and shut down; its ingestion endpoint is a
// loopback server in this test, so the shutdown flush never leaves the machine.
import { createServer } from 'node:https';
import nodeTls from 'node:tls';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { type ConfigMode, ConfigError, loadConfig } from '../../../bot/config/load-config';
import { makeCertificate } from '../../../scripts/graph-sandbox/tls-certificate';
import { LOCAL_MODE } from '../../../scripts/local/sandbox-defaults';

const LOCAL: ConfigMode = LOCAL_MODE;
const KEY = '00000000-0000-4000-8000-0000000000aa';
const VARIABLE = 'APPLICATIONINSIGHTS_CONNECTION_STRING';
/** Node 24's process-wide trust store (newer than the installed @types/node). */
const tls = nodeTls as unknown as { getCACertificates(kind: 'default'): string[]; setDefaultCACertificates(certs: string[]): void };

function failure(value: string): ConfigError {
  try {
    loadConfig({ [VARIABLE]: value }, LOCAL);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('APPLICATIONINSIGHTS_CONNECTION_STRING', () => {
  it('unset or blank: off', () => {
    expect(loadConfig({}, LOCAL).telemetry).toBeNull();
    expect(loadConfig({ [VARIABLE]: '  ' }, LOCAL).telemetry).toBeNull();
  });

  it('as the portal gives it: on, kept whole', () => {
    const value = `InstrumentationKey=${KEY};IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/;LiveEndpoint=https://uksouth.livediagnostics.monitor.azure.com/;ApplicationId=1d2c3b4a-0000-4000-8000-000000000001`;
    expect(loadConfig({ [VARIABLE]: value }, LOCAL).telemetry).toEqual({ connectionString: value });
  });

  it.each([
    ['not key=value pairs', 'just-some-text', 'Key=value'],
    ['no instrumentation key', 'IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/', 'InstrumentationKey=<GUID>'],
    ['a key that is not a GUID', 'InstrumentationKey=abc;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/', 'InstrumentationKey=<GUID>'],
    ['no ingestion endpoint', `InstrumentationKey=${KEY}`, 'IngestionEndpoint=https://'],
    ['a plain-http endpoint', `InstrumentationKey=${KEY};IngestionEndpoint=http://uksouth-1.in.applicationinsights.azure.com/`, 'https://'],
    ['an endpoint that is not a URL', `InstrumentationKey=${KEY};IngestionEndpoint=not a url`, 'not a URL'],
  ])('malformed (%s): a ConfigError naming the variable', (_name, value, says) => {
    const err = failure(value);
    expect(err.variable).toBe(VARIABLE);
    expect(err.message).toContain(says);
    // The connection string itself is not repeated in the message (it holds the key).
    expect(err.message).not.toContain(KEY);
  });
});

describe('startTelemetry', () => {
  afterEach(() => jest.resetModules());

  /** Loads start-telemetry in a fresh registry where loading the distro is seen. */
  function isolated(): { start: typeof import('../../../bot/adapters/telemetry/start-telemetry'); loaded: () => boolean; useAzureMonitor: jest.Mock } {
    let loaded = false;
    // The real distro, loaded only if the code under test loads it (a few seconds: it is big).
    const useAzureMonitor = jest.fn();
    jest.doMock('@azure/monitor-opentelemetry', () => {
      loaded = true;
      const actual = jest.requireActual('@azure/monitor-opentelemetry') as typeof import('@azure/monitor-opentelemetry');
      useAzureMonitor.mockImplementation(actual.useAzureMonitor);
      return { ...actual, useAzureMonitor };
    });
    let start!: typeof import('../../../bot/adapters/telemetry/start-telemetry');
    jest.isolateModules(() => {
      start = require('../../../bot/adapters/telemetry/start-telemetry');
    });
    return { start, loaded: () => loaded, useAzureMonitor };
  }

  it('off: the no-op telemetry, and the Azure Monitor distro is never loaded', async () => {
    const { start, loaded, useAzureMonitor } = isolated();
    const run = start.startTelemetry(loadConfig({}, LOCAL).telemetry);
    run.telemetry.reminderFired({ reminder: 'T9', profileId: 'england' });
    await run.telemetry.span('cpc.job', { 'cpc.job.kind': 'reminder.due' }, async () => undefined);
    await run.shutdown();
    expect(loaded()).toBe(false);
    expect(useAzureMonitor).not.toHaveBeenCalled();
  });

  it('on: useAzureMonitor gets the connection string, automatic instrumentations and live metrics off; the flush sends our instruments', async () => {
    // The network boundary, faked: a loopback HTTPS ingestion endpoint (its own certificate, trusted
    // for this test only) that accepts every envelope.
    const received: { name: string; data: { baseData: { name?: string; metrics?: { name: string }[]; properties?: Record<string, string> } } }[] = [];
    const tlsMaterial = await makeCertificate();
    const server = createServer({ cert: tlsMaterial.certPem, key: tlsMaterial.keyPem }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const text = (req.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString('utf8');
        const items = JSON.parse(text) as typeof received;
        received.push(...items);
        // Two calls, not writeHead(…).end(…): with the SDK loaded in this process writeHead's
        // return value is not always the response (seen in CI).
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ itemsReceived: items.length, itemsAccepted: items.length, errors: [] }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const connectionString = `InstrumentationKey=${KEY};IngestionEndpoint=https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const trusted = tls.getCACertificates('default');
    tls.setDefaultCACertificates([...trusted, tlsMaterial.certPem]);
    const { start, loaded, useAzureMonitor } = isolated();
    // App Service's own variable, as in Azure: off App Service the distro's VM detector probes the instance metadata address.
    const before = process.env.WEBSITE_SITE_NAME;
    process.env.WEBSITE_SITE_NAME = 'cpc-test';
    try {
      const run = start.startTelemetry(loadConfig({ [VARIABLE]: connectionString }, LOCAL).telemetry);
      expect(loaded()).toBe(true);
      expect(useAzureMonitor).toHaveBeenCalledTimes(1);
      const options = useAzureMonitor.mock.calls[0]![0];
      expect(options.azureMonitorExporterOptions).toEqual({ connectionString });
      expect(options.enableLiveMetrics).toBe(false);
      expect(options).toMatchObject({ tracesPerSecond: 0, samplingRatio: 1 });
      expect(Object.keys(options.instrumentationOptions).sort()).toEqual(['azureSdk', 'bunyan', 'console', 'http', 'mongoDb', 'mySql', 'postgreSql', 'redis', 'redis4', 'winston']);
      expect(Object.values(options.instrumentationOptions).every((o) => (o as { enabled: boolean }).enabled === false)).toBe(true);
      // The product's instruments reach the distro's global providers, and the shutdown flushes them.
      run.telemetry.graphThrottled({ scope: 'request' });
      await run.telemetry.span('cpc.job', { 'cpc.job.kind': 'reminder.due' }, async (span) => span.set({ 'cpc.outcome': 'done' }));
      await run.shutdown();
      // The exporter's last POSTs can land a moment after shutdown resolves: wait for both (≤ 10 s).
      const arrived = () => received.some((e) => e.data.baseData.name === 'cpc.job') && received.some((e) => e.data.baseData.metrics?.some((m) => m.name === 'cpc.graph.throttled'));
      for (let waited = 0; !arrived() && waited < 10_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    } finally {
      if (before === undefined) delete process.env.WEBSITE_SITE_NAME;
      else process.env.WEBSITE_SITE_NAME = before;
      tls.setDefaultCACertificates(trusted);
      await new Promise((r) => server.close(r));
    }
    const metric = received.find((e) => e.data.baseData.metrics?.some((m) => m.name === 'cpc.graph.throttled'));
    expect(metric?.data.baseData.properties).toEqual({ 'cpc.graph.scope': 'request' });
    const span = received.find((e) => e.data.baseData.name === 'cpc.job');
    expect(span?.data.baseData.properties).toEqual({ 'cpc.job.kind': 'reminder.due', 'cpc.outcome': 'done' });
  });
});
