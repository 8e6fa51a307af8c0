import net from 'node:net';

// A TCP proxy in front of a server that a test can silence, as a network partition or a frozen
// host would: nothing gets through and nothing is refused, so only timeouts end the wait.

export interface TcpProxy {
  port: number;
  /** From now on bytes in either direction are dropped and new connections hang. */
  silence(): void;
  /** Passes bytes again; connections that lost bytes meanwhile are reset (their stream is broken). */
  resume(): void;
  close(): Promise<void>;
}

export async function tcpProxy(host: string, port: number): Promise<TcpProxy> {
  let silent = false;
  const pairs = new Set<{ client: net.Socket; server: net.Socket; broken: boolean }>();
  const proxy = net.createServer((client) => {
    const server = net.connect(port, host);
    const pair = { client, server, broken: false };
    pairs.add(pair);
    const forward = (from: net.Socket, to: net.Socket) =>
      from.on('data', (chunk) => {
        if (silent) pair.broken = true;
        else to.write(chunk);
      });
    forward(client, server);
    forward(server, client);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      server.destroy();
    };
    for (const socket of [client, server]) socket.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    port: (proxy.address() as net.AddressInfo).port,
    silence: () => {
      silent = true;
    },
    resume: () => {
      silent = false;
      for (const pair of pairs) if (pair.broken) pair.client.resetAndDestroy();
    },
    close: async () => {
      for (const pair of pairs) pair.client.destroy();
      await new Promise((resolve) => proxy.close(resolve));
    },
  };
}
