import { describe, expect, it } from "vitest";
import { checkWebhookUrl, isPrivateAddress } from "./address-guard";

const resolvesTo = (...addresses: string[]) => async () => addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));

describe("webhook address guard", () => {
  it("tells private, loopback, link-local, unique-local and metadata addresses from public ones", () => {
    for (const address of ["10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.10", "127.0.0.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "::", "fe80::1", "fd00::1", "fc12::3", "fd00:ec2::254", "::ffff:127.0.0.1", "::ffff:a9fe:a9fe"]) {
      expect([address, isPrivateAddress(address)]).toEqual([address, true]);
    }
    for (const address of ["93.184.216.34", "172.32.0.1", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"]) {
      expect([address, isPrivateAddress(address)]).toEqual([address, false]);
    }
  });

  it("refuses a host whose name resolves to a private address, unless private addresses are allowed", async () => {
    const resolve = resolvesTo("93.184.216.34", "10.0.0.5");
    expect(await checkWebhookUrl("https://hooks.example.com/x", { allowPrivate: false, resolve })).toEqual({
      ok: false,
      reason: "Adresse privée ou interne refusée (10.0.0.5) : seules les adresses publiques sont autorisées.",
    });
    expect(await checkWebhookUrl("https://hooks.example.com/x", { allowPrivate: true, resolve })).toMatchObject({ ok: true });
    expect(await checkWebhookUrl("https://hooks.example.com/x", { allowPrivate: false, resolve: resolvesTo("93.184.216.34") })).toMatchObject({ ok: true });
  });

  it("refuses the metadata address and IPv6 literals without any lookup, and other schemes or credentials", async () => {
    const never = async () => {
      throw new Error("no lookup for a literal");
    };
    expect(await checkWebhookUrl("http://169.254.169.254/latest/meta-data", { allowPrivate: false, resolve: never })).toMatchObject({ ok: false });
    expect(await checkWebhookUrl("http://[::1]:8080/", { allowPrivate: false, resolve: never })).toMatchObject({ ok: false });
    expect(await checkWebhookUrl("http://[fd00::1]/", { allowPrivate: false, resolve: never })).toMatchObject({ ok: false });
    expect(await checkWebhookUrl("ftp://example.com/", { allowPrivate: true })).toEqual({ ok: false, reason: "Seules les adresses http et https sont acceptées." });
    expect(await checkWebhookUrl("https://user:pw@example.com/", { allowPrivate: true })).toEqual({ ok: false, reason: "L'adresse ne doit pas contenir d'identifiants." });
    expect(await checkWebhookUrl("pas une url", { allowPrivate: true })).toMatchObject({ ok: false });
  });
});
