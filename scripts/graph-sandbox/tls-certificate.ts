// A self-signed certificate for 127.0.0.1/localhost, made locally without any download (openssl CLI,
// else the pure-JS npm package 'selfsigned' when installed) and kept in the database so that a
// restart on the same database serves the same certificate (a CA file handed to a client stays valid).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SandboxStore } from './sandbox-store';

export interface TlsMaterial {
  certPem: string;
  keyPem: string;
}

export async function loadOrCreateCertificate(store: SandboxStore): Promise<TlsMaterial> {
  const stored = await store.getSetting('tls-certificate');
  if (stored) return JSON.parse(stored) as TlsMaterial;
  const made = await makeCertificate();
  return JSON.parse(await store.putSettingIfAbsent('tls-certificate', JSON.stringify(made))) as TlsMaterial;
}

/** A new self-signed certificate for 127.0.0.1 and localhost (also a test's own HTTPS endpoint). */
export async function makeCertificate(): Promise<TlsMaterial> {
  try {
    return withOpenssl();
  } catch (opensslError) {
    try {
      // Optional dependency: only used where the openssl CLI is missing.
      const selfsigned = require('selfsigned') as {
        generate(attrs: unknown, opts: unknown): { cert: string; private: string } | Promise<{ cert: string; private: string }>;
      };
      // Sync in selfsigned 2.x, a Promise in later majors: await covers both.
      const pems = await selfsigned.generate([{ name: 'commonName', value: 'Graph sandbox' }], {
        days: 3650,
        keySize: 2048,
        algorithm: 'sha256',
        extensions: [
          { name: 'basicConstraints', cA: true, critical: true },
          { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] },
        ],
      });
      return { certPem: pems.cert, keyPem: pems.private };
    } catch {
      throw new Error(
        `GRAPH_SANDBOX.TLS_UNAVAILABLE: cannot make a certificate (openssl: ${(opensslError as Error).message}); install openssl or the npm package selfsigned, or start with tls: false`,
      );
    }
  }
}

function withOpenssl(): TlsMaterial {
  const dir = mkdtempSync(join(tmpdir(), 'graph-sandbox-tls-'));
  try {
    const keyFile = join(dir, 'key.pem');
    const certFile = join(dir, 'cert.pem');
    execFileSync(
      process.env.GRAPH_SANDBOX_OPENSSL ?? 'openssl',
      [
        'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '3650',
        '-keyout', keyFile, '-out', certFile, '-subj', '/CN=Graph sandbox',
        '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
        '-addext', 'basicConstraints=critical,CA:TRUE',
      ],
      { stdio: 'pipe' },
    );
    return { certPem: readFileSync(certFile, 'utf8'), keyPem: readFileSync(keyFile, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
