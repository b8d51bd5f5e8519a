/**
 * One signed POST to a receiver, through node:http(s) so that the connection's DNS lookup is the address guard:
 * the addresses checked are the addresses connected to. No redirect is followed (a 3xx counts as a failure).
 */
import { isIP, type LookupFunction } from "node:net";
import http from "node:http";
import https from "node:https";
import { checkWebhookHost, isPrivateAddress, privateAddressesAllowed } from "./address-guard";

export const WEBHOOK_TIMEOUT_MS = 10_000;

export type PostResult = { statusCode: number | null; error: string | null; durationMs: number };
export type PostOptions = { allowPrivate?: boolean; timeoutMs?: number };

/** Short, French, for the delivery log. */
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);

export async function postWebhook(url: string, headers: Record<string, string>, body: string, options: PostOptions = {}): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { statusCode: null, error: "Adresse invalide.", durationMs: 0 };
  }
  // An IP literal is connected to without any lookup: it is checked here.
  const host = target.hostname.replace(/^\[(.*)\]$/, "$1");
  if (isIP(host) && isPrivateAddress(host) && !(options.allowPrivate ?? privateAddressesAllowed())) {
    return { statusCode: null, error: `Adresse privée ou interne refusée (${host}) : seules les adresses publiques sont autorisées.`, durationMs: 0 };
  }

  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    checkWebhookHost(hostname, { allowPrivate: options.allowPrivate }).then(
      (check) => {
        if (!check.ok) return callback(new Error(check.reason), "", 4);
        if (lookupOptions.all) return callback(null, check.addresses);
        callback(null, check.addresses[0].address, check.addresses[0].family);
      },
      (error: Error) => callback(error, "", 4),
    );
  };

  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  return new Promise<PostResult>((resolve) => {
    const client = target.protocol === "https:" ? https : http;
    const request = client.request(
      target,
      {
        method: "POST",
        headers: { "Content-Type": "application/json", "User-Agent": "Encaisse-Webhooks/1", "Content-Length": Buffer.byteLength(body), ...headers },
        lookup,
      },
      (response) => {
        // The answer's body is not kept; reading it frees the socket.
        response.resume();
        response.on("end", () => finish({ statusCode: response.statusCode ?? null, error: null }));
        response.on("error", (error) => finish({ statusCode: response.statusCode ?? null, error: describe(error) }));
      },
    );
    // The whole exchange, not only the wait for the first byte, must fit in the time allowed.
    const timer = setTimeout(() => request.destroy(new Error(`Pas de réponse complète en ${Math.round(timeoutMs / 1000)} s.`)), timeoutMs);
    const finish = (result: Omit<PostResult, "durationMs">) => {
      clearTimeout(timer);
      resolve({ ...result, durationMs: elapsed() });
    };
    request.on("error", (error) => finish({ statusCode: null, error: describe(error) }));
    request.end(body);
  });
}
