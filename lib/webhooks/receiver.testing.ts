/** A webhook receiver for tests: node:http on 127.0.0.1, answering from a script and keeping what it got. */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, verifyWebhookSignature } from "./sign";

export type Received = { body: string; event: string; delivery: string; signature: string; validSignature: boolean };

export async function startReceiver(secret: string) {
  const received: Received[] = [];
  /** Status codes to answer, in order; 200 once they run out. */
  const script: number[] = [];
  let hang = false;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const signature = String(request.headers[SIGNATURE_HEADER.toLowerCase()] ?? "");
      received.push({
        body,
        event: String(request.headers[EVENT_HEADER.toLowerCase()] ?? ""),
        delivery: String(request.headers[DELIVERY_HEADER.toLowerCase()] ?? ""),
        signature,
        validSignature: verifyWebhookSignature(secret, signature, body, 300),
      });
      if (hang) return;
      response.writeHead(script.shift() ?? 200, { "Content-Type": "text/plain" });
      response.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/encaisse`,
    port,
    received,
    answer: (...codes: number[]) => script.push(...codes),
    hangUp: (on: boolean) => {
      hang = on;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
