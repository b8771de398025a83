// The playground launcher on its own: endpoint checks, the loopback-only preload, the port-taken
// failure and a clean stop. The full loop with the bot is in local-loop.test.ts.
import { spawn, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import {
  DEFAULT_PLAYGROUND_PORT,
  freeLoopbackPort,
  PlaygroundError,
  startPlayground,
} from '../../scripts/local/playground-launcher';

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('startPlayground', () => {
  it.each([
    ['not a URL', 'PLAYGROUND.BAD_ENDPOINT'],
    ['http://192.0.2.10:3978/api/messages', 'PLAYGROUND.BAD_ENDPOINT'],
    ['https://127.0.0.1:3978/api/messages', 'PLAYGROUND.BAD_ENDPOINT'],
  ])('refuses the bot endpoint %s', async (botEndpoint, code) => {
    await expect(startPlayground({ botEndpoint, port: 0 })).rejects.toMatchObject({ name: 'PlaygroundError', code });
  });

  it('defaults to port 56150', () => {
    expect(DEFAULT_PLAYGROUND_PORT).toBe(56150);
  });

  it('starts on the given port with a 127.0.0.1 service URL, answers its API, and stops its child', async () => {
    const port = await freeLoopbackPort();
    const playground = await startPlayground({ botEndpoint: 'http://127.0.0.1:9/api/messages', port });
    try {
      expect(playground.url).toBe(`http://127.0.0.1:${port}`);
      expect(playground.serviceUrl).toBe(`http://127.0.0.1:${port}/_connector`);
      const ping = await fetch(`${playground.url}/_debug/ping`);
      expect(await ping.text()).toBe('pong');
      expect(isAlive(playground.pid)).toBe(true);
    } finally {
      await playground.stop();
    }
    expect(isAlive(playground.pid)).toBe(false);
    await expect(playground.stop()).resolves.toBeUndefined(); // a second stop is harmless
  });

  it('fails with PLAYGROUND.PORT_IN_USE instead of moving silently to another port', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const attempt = startPlayground({ botEndpoint: 'http://127.0.0.1:9/api/messages', port });
      await expect(attempt).rejects.toBeInstanceOf(PlaygroundError);
      await expect(attempt).rejects.toMatchObject({ code: 'PLAYGROUND.PORT_IN_USE' });
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });
});

describe('loopback-only.cjs (preloaded into the playground)', () => {
  // A tiny program run under the preload: it listens as the playground does (no host), then
  // tries one off-loopback and one loopback connection, and prints what happened.
  const program = `
    const net = require('node:net');
    const server = net.createServer((s) => s.end());
    server.listen(0, () => {
      const { address, port } = server.address();
      const out = { address };
      const off = net.connect(80, '192.0.2.10');
      off.on('error', (e) => {
        out.offLoopback = e.code + ' ' + e.message;
        const on = net.connect({ port, host: '127.0.0.1' }, () => {
          out.loopback = 'connected';
          on.destroy();
          server.close();
          console.log(JSON.stringify(out));
        });
      });
    });`;

  it('pins servers to 127.0.0.1 and refuses connections off loopback', () => {
    const result = spawnSync(
      process.execPath,
      ['--require', join(__dirname, '../../scripts/local/loopback-only.cjs'), '-e', program],
      { encoding: 'utf8', timeout: 10_000 },
    );
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      address: '127.0.0.1',
      offLoopback: 'ECONNREFUSED LOOPBACK_ONLY: connection to 192.0.2.10 refused',
      loopback: 'connected',
    });
    expect(result.stderr).toContain('LOOPBACK_ONLY refused 192.0.2.10');
  });
});

describe('exit-with-parent.cjs (preloaded into every child)', () => {
  // A parent process starts a grandchild under the preload, reports its pid, and is then
  // SIGKILLed: no handler of the parent's can run, yet the grandchild must go.
  const parentProgram = `
    const { spawn } = require('node:child_process');
    const child = spawn(process.execPath, ['--require', ${JSON.stringify(join(__dirname, '../../scripts/local/exit-with-parent.cjs'))}, '-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore', env: { ...process.env, CPC_PARENT_PID: String(process.pid) } });
    console.log(child.pid);
    setInterval(() => {}, 1000);`;

  it('ends the child within a second or so when its parent is SIGKILLed', async () => {
    const parent = spawn(process.execPath, ['-e', parentProgram], { stdio: ['ignore', 'pipe', 'inherit'] });
    const grandchild = await new Promise<number>((resolve) => parent.stdout.once('data', (d: Buffer) => resolve(Number(String(d).trim()))));
    expect(isAlive(grandchild)).toBe(true);
    parent.kill('SIGKILL');
    const deadline = Date.now() + 5000;
    while (isAlive(grandchild) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const survived = isAlive(grandchild);
    if (survived) process.kill(grandchild, 'SIGKILL');
    expect(survived).toBe(false);
  });
});
