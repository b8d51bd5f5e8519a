/**
 * A TCP relay in front of PostgreSQL for outage tests: `cut()` stops listening and drops every open connection,
 * as a database that went down would; `restore()` listens again on the same port.
 */
import net from "node:net";

export type OutageProxy = { port: number; url: (database: string) => string; cut: () => Promise<void>; restore: () => Promise<void> };

/** `serverUrl` is PostgreSQL's own address; `url(database)` gives the same server and user through the relay. */
export async function startOutageProxy(serverUrl: string, { listening = true } = {}): Promise<OutageProxy> {
  const target = new URL(serverUrl);
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on("close", () => sockets.delete(socket));
          socket.on("error", () => {
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      next.once("error", reject);
      next.listen(port, "127.0.0.1", () => {
        port = (next.address() as net.AddressInfo).port;
        server = next;
        resolve();
      });
    });

  const cut = async () => {
    const current = server;
    server = null;
    for (const socket of sockets) socket.destroy();
    if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
  };

  // Reserve a port even when starting cut, so the URL handed out stays the same.
  await listen();
  if (!listening) await cut();

  return {
    get port() {
      return port;
    },
    url: (database) => {
      const url = new URL(serverUrl);
      url.hostname = "127.0.0.1";
      url.port = String(port);
      url.pathname = `/${database}`;
      return url.toString();
    },
    cut,
    restore: () => (server ? Promise.resolve() : listen()),
  };
}
