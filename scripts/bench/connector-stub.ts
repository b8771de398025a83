// A Bot Framework connector stand-in for the benchmark, run as its own child process so that its
// work is not counted in either bot's RSS and autocannon's load does not delay its answers.
// Every POST (a reply or a new activity at `{serviceUrl}/v3/conversations/…/activities[/…]`) gets
// 200 with a resource id, as the real connector answers; GET /count says how many it received.
// Prints `READY <url>` when it listens on 127.0.0.1.
import { createServer } from 'node:http';

let received = 0;
const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/count') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ count: received }));
    return;
  }
  req.resume();
  req.on('end', () => {
    if (req.method === 'POST' || req.method === 'PUT') received += 1;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: `stub-${received}` }));
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`READY http://127.0.0.1:${port}\n`);
});
const stop = () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
