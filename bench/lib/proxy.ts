/**
 * A TCP relay in front of the server that counts the bytes each way: what the browser sends and
 * receives over HTTP, headers included (TCP/IP framing excluded). Pages are opened through it,
 * so every byte the app exchanges with the server passes here.
 */
import net from 'node:net';

export class CountingProxy {
  up = 0;
  down = 0;
  requests = 0;
  private constructor(
    private readonly server: net.Server,
    readonly url: string,
  ) {}

  static async start(target: string): Promise<CountingProxy> {
    const { hostname, port } = new URL(target);
    const sockets = new Set<net.Socket>();
    let proxy: CountingProxy | undefined;
    const server = net.createServer((client) => {
      const upstream = net.connect(Number(port), hostname);
      sockets.add(client);
      sockets.add(upstream);
      client.on('data', (chunk) => {
        if (proxy) {
          proxy.up += chunk.length;
          // A request line starts every request on a keep-alive connection.
          proxy.requests += (chunk.toString('latin1').match(/^(GET|POST|PUT) \//gm) ?? []).length;
        }
        upstream.write(chunk);
      });
      upstream.on('data', (chunk) => {
        if (proxy) proxy.down += chunk.length;
        client.write(chunk);
      });
      const close = () => {
        client.destroy();
        upstream.destroy();
        sockets.delete(client);
        sockets.delete(upstream);
      };
      client.on('close', close);
      upstream.on('close', close);
      client.on('error', close);
      upstream.on('error', close);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const listenPort = typeof address === 'object' && address ? address.port : 0;
    proxy = new CountingProxy(server, `http://127.0.0.1:${listenPort}`);
    proxy.closeAll = () => {
      for (const s of sockets) s.destroy();
    };
    return proxy;
  }

  private closeAll: () => void = () => {};

  reset(): void {
    this.up = 0;
    this.down = 0;
    this.requests = 0;
  }

  get total(): number {
    return this.up + this.down;
  }

  async stop(): Promise<void> {
    this.closeAll();
    await new Promise((r) => this.server.close(r));
  }
}
