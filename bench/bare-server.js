// The yardstick: a bare node:http server answering every request with the exact bytes and
// content-type of Ghee's cached page answer, fetched from a running Ghee first.
// `node bench/bare-server.js <page URL> <read token>`; prints `{"address": ...}` once it listens.
import http from 'node:http';

const [url, token] = process.argv.slice(2);
if (!url || !token) throw new Error('usage: node bench/bare-server.js <page URL> <read token>');

// Uncompressed, as autocannon asks (it sends no Accept-Encoding).
const headers = { authorization: `Token ${token}`, 'accept-encoding': 'identity' };
await fetch(url, { headers }); // fills Ghee's cache
const res = await fetch(url, { headers });
if (res.status !== 200 || res.headers.get('x-ghee-cache') !== 'hit') {
  throw new Error(`expected a cached 200 from ${url}, got ${res.status} ${res.headers.get('x-ghee-cache')}`);
}
const body = Buffer.from(await res.arrayBuffer());
const contentType = res.headers.get('content-type');

const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'content-type': contentType, 'content-length': body.length });
  response.end(body);
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  process.stdout.write(
    `${JSON.stringify({ address: `http://127.0.0.1:${port}`, pid: process.pid, bytes: body.length })}\n`,
  );
});
function stop() {
  server.close(() => process.exit(0));
  server.closeAllConnections();
}
process.once('SIGTERM', stop);
// Never outlive the benchmark: run.js holds our stdin open until it is gone.
process.stdin.on('end', stop).resume();
