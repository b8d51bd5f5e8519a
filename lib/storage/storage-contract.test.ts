import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localStorage } from "./local-storage";
import { s3Storage } from "./s3-storage";
import type { FileStorage } from "./storage";

const temp = fs.mkdtempSync(path.join(os.tmpdir(), "encaisse-storage-"));
let fake: S3rver;
let endpoint = "";

beforeAll(async () => {
  fake = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: path.join(temp, "s3"), configureBuckets: [{ name: "pieces", configs: [] }] });
  const address = (await fake.run()) as AddressInfo;
  endpoint = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await fake?.close();
  fs.rmSync(temp, { recursive: true, force: true });
});

const backends: [string, () => FileStorage][] = [
  ["a local folder", () => localStorage(path.join(temp, "files"))],
  [
    "an S3-compatible bucket",
    () =>
      s3Storage({ bucket: "pieces", region: "us-east-1", endpoint, accessKeyId: "S3RVER", secretAccessKey: "S3RVER", forcePathStyle: true, prefix: "files/" }),
  ],
];

describe.each(backends)("storage in %s", (_, open) => {
  it("gives back what was put, replaces it, and forgets it once deleted", async () => {
    const storage = open();
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0x0a]);
    await storage.put("2026/12/facture.pdf", bytes, "application/pdf");
    const stored = await storage.get("2026/12/facture.pdf");
    expect(stored?.size).toBe(8);
    expect(new Uint8Array(Buffer.concat(await stored!.body.toArray()))).toEqual(bytes);

    await storage.put("2026/12/facture.pdf", Readable.from([Buffer.from("deuxième version")]), "text/plain", 17);
    const replaced = await storage.get("2026/12/facture.pdf");
    expect(replaced?.size).toBe(17);
    expect(await text(replaced!.body)).toBe("deuxième version");

    await storage.delete("2026/12/facture.pdf");
    expect(await storage.get("2026/12/facture.pdf")).toBeNull();
    await expect(storage.delete("2026/12/facture.pdf")).resolves.toBeUndefined();
  });

  it("answers null for a key never stored", async () => {
    expect(await open().get("absent")).toBeNull();
  });

  it("refuses keys that could leave their folder", async () => {
    const storage = open();
    for (const key of ["../evil", "a/../../evil", "/etc/passwd", "a//b", ".hidden", "a\\b", "", "a/./b"]) {
      await expect(storage.put(key, new Uint8Array([1]), "application/octet-stream")).rejects.toThrow(/Invalid storage key/);
      await expect(storage.get(key)).rejects.toThrow(/Invalid storage key/);
      await expect(storage.delete(key)).rejects.toThrow(/Invalid storage key/);
    }
  });
});

describe("local storage", () => {
  it("keeps files under its folder, readable by the app's user only", async () => {
    const storage = localStorage(path.join(temp, "local"));
    await storage.put("a/b.txt", new TextEncoder().encode("ok"), "text/plain");
    const file = path.join(temp, "local", "a", "b.txt");
    expect(fs.readFileSync(file, "utf8")).toBe("ok");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.join(temp, "local", "a"))).toEqual(["b.txt"]);
  });
});
