// Preloaded (`node --require`) into the Agents Playground child process by playground-launcher.ts.
// The playground CLI listens on every interface and carries an Application Insights client; the
// project's rule is loopback only and no network. This file makes both hold for the whole child:
// - every TCP server listens on 127.0.0.1 whatever host the code asked for;
// - every outgoing TCP connection to a host that is not loopback fails at once (before any DNS
//   lookup) and is reported once per host on stderr as `LOOPBACK_ONLY refused <host>`.
'use strict';
const net = require('node:net');

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '::ffff:127.0.0.1']);
const isLoopback = (host) => LOOPBACK_HOSTS.has(String(host).toLowerCase()) || /^127\./.test(String(host));

const originalListen = net.Server.prototype.listen;
net.Server.prototype.listen = function listenOnLoopback(...args) {
  const first = args[0];
  if (first !== null && typeof first === 'object' && !Array.isArray(first)) {
    // listen(options[, cb]); a pipe path or an inherited handle is left alone.
    if (first.path === undefined && first.handle === undefined && first.fd === undefined) {
      args[0] = { ...first, host: '127.0.0.1' };
    }
    return originalListen.apply(this, args);
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return originalListen.apply(this, args); // pipe
  if (args.length === 0 || typeof first === 'function') args.unshift(0);
  // listen(port[, host][, backlog][, cb]): drop a given host, put loopback in its place.
  const rest = args.slice(1);
  if (typeof rest[0] === 'string') rest.shift();
  return originalListen.call(this, args[0], '127.0.0.1', ...rest);
};

const refused = new Set();
const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connectToLoopbackOnly(...args) {
  // Node calls connect with either (options, cb), (port, host, cb) or ([options, cb]) internally.
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  let host;
  if (first !== null && typeof first === 'object') {
    host = first.path === undefined ? (first.host ?? 'localhost') : undefined;
  } else if (typeof first === 'number' || /^\d+$/.test(String(first))) {
    host = typeof args[1] === 'string' ? args[1] : 'localhost';
  }
  if (host !== undefined && !isLoopback(host)) {
    if (!refused.has(host)) {
      refused.add(host);
      process.stderr.write(`LOOPBACK_ONLY refused ${host}\n`);
    }
    const error = Object.assign(new Error(`LOOPBACK_ONLY: connection to ${host} refused`), { code: 'ECONNREFUSED' });
    process.nextTick(() => this.destroy(error));
    return this;
  }
  return originalConnect.apply(this, args);
};
