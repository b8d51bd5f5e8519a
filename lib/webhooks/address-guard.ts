/**
 * Keeps webhooks from reaching inside the network the app runs in (SSRF): a subscription's host must resolve
 * only to public addresses. Checked on the resolved addresses — at subscription time for a clear message, and
 * again as the connection's own DNS lookup when delivering, so a name re-pointed in between is caught too.
 * WEBHOOKS_ALLOW_PRIVATE=true lifts the rule (development, tests, receivers on the same network on purpose).
 */
import type { LookupAddress } from "node:dns";
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { env } from "@/lib/env";

const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this" network
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local, where cloud metadata (169.254.169.254) answers
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const) {
  blocked.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128], // unspecified
  ["::1", 128], // loopback
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
  ["fd00:ec2::254", 128], // AWS metadata over IPv6 (inside fc00::/7, named for the record)
] as const) {
  blocked.addSubnet(network, prefix, "ipv6");
}

/** Whether `address` (an IP literal) is private, loopback, link-local, unique-local or otherwise not public. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family !== 6) return true;
  const lower = address.toLowerCase();
  // IPv4 written as IPv6 (::ffff:10.0.0.1, ::ffff:a00:1): judged as the IPv4 address it carries.
  const mapped = /^(?:0*:)*:?ffff:(.+)$/.exec(lower)?.[1];
  if (mapped) {
    if (isIP(mapped) === 4) return blocked.check(mapped, "ipv4");
    const [hi, lo] = mapped.split(":").map((h) => parseInt(h, 16));
    if (Number.isFinite(hi) && Number.isFinite(lo)) return blocked.check(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`, "ipv4");
  }
  return blocked.check(lower, "ipv6");
}

export type AddressCheck = { ok: true; addresses: LookupAddress[] } | { ok: false; reason: string };
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

const resolveAll: Resolver = (hostname) => lookup(hostname, { all: true, verbatim: true });
/** Whether the environment lets webhooks reach private addresses (WEBHOOKS_ALLOW_PRIVATE). */
export const privateAddressesAllowed = () => env.WEBHOOKS_ALLOW_PRIVATE;

/** Resolves `hostname` and refuses it when any of its addresses is not public (unless private ones are allowed). */
export async function checkWebhookHost(
  hostname: string,
  { allowPrivate = privateAddressesAllowed(), resolve = resolveAll }: { allowPrivate?: boolean; resolve?: Resolver } = {},
): Promise<AddressCheck> {
  const bare = hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: LookupAddress[];
  if (isIP(bare)) addresses = [{ address: bare, family: isIP(bare) }];
  else {
    try {
      addresses = await resolve(bare);
    } catch {
      return { ok: false, reason: `Le nom « ${bare} » ne se résout pas.` };
    }
  }
  if (addresses.length === 0) return { ok: false, reason: `Le nom « ${bare} » ne se résout pas.` };
  const refused = addresses.find((a) => isPrivateAddress(a.address));
  if (refused && !allowPrivate) {
    return { ok: false, reason: `Adresse privée ou interne refusée (${refused.address}) : seules les adresses publiques sont autorisées.` };
  }
  return { ok: true, addresses };
}

/** A subscription URL: http(s), no credentials inside, a host that resolves to allowed addresses. */
export async function checkWebhookUrl(raw: string, options?: { allowPrivate?: boolean; resolve?: Resolver }): Promise<AddressCheck> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: "Adresse invalide : saisissez une URL complète (https://…)." };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, reason: "Seules les adresses http et https sont acceptées." };
  if (url.username || url.password) return { ok: false, reason: "L'adresse ne doit pas contenir d'identifiants." };
  return checkWebhookHost(url.hostname, options);
}
