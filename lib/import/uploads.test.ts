import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { localStorage } from "@/lib/storage/local-storage";
import { s3Storage } from "@/lib/storage/s3-storage";
import type { FileStorage } from "@/lib/storage/storage";

// The wizard's code is real; only the choice of storage, made once from the environment in the app, is switched here.
const chosen = vi.hoisted(() => ({ storage: null as FileStorage | null, folder: "" }));
vi.mock("@/lib/storage", () => ({ storageFor: () => chosen.storage, storageFolder: () => chosen.folder }));

const { removeUpload, saveUpload, uploadPath, uploadWorkingCopy } = await import("./uploads");

const temp = fs.mkdtempSync(path.join(os.tmpdir(), "encaisse-uploads-"));
const csv = "code;nom\nC001;Boulangerie Martin\n";
let fake: S3rver;
let endpoint = "";

beforeAll(async () => {
  fake = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: path.join(temp, "s3"), configureBuckets: [{ name: "imports", configs: [] }] });
  endpoint = `http://127.0.0.1:${((await fake.run()) as AddressInfo).port}`;
});
afterAll(async () => {
  await fake?.close();
  fs.rmSync(temp, { recursive: true, force: true });
});

describe("wizard uploads in the default folder", () => {
  it("are written where the parsers read them, for the app's user only, and removed once imported", async () => {
    chosen.folder = path.join(temp, "data", "uploads");
    chosen.storage = localStorage(chosen.folder);
    const id = await saveUpload(new File([csv], "clients.csv", { type: "text/csv" }));
    const file = path.join(chosen.folder, id);
    expect(await uploadWorkingCopy(id)).toBe(file);
    expect(fs.readFileSync(file, "utf8")).toBe(csv);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(chosen.folder)).toEqual([id]);

    await removeUpload(file);
    expect(fs.existsSync(file)).toBe(false);
    expect(await uploadWorkingCopy(id)).toBeNull();
    expect(await uploadWorkingCopy("../../etc/passwd")).toBeNull();
  });
});

describe("wizard uploads in a bucket", () => {
  it("are fetched into the working folder by a server that did not receive them, and removed from both", async () => {
    chosen.folder = path.join(temp, "copies", "uploads");
    chosen.storage = s3Storage({ bucket: "imports", region: "us-east-1", endpoint, accessKeyId: "S3RVER", secretAccessKey: "S3RVER", forcePathStyle: true, prefix: "uploads/" });
    const id = await saveUpload(new File([csv], "clients.csv", { type: "text/csv" }));
    expect(fs.existsSync(uploadPath(id)!)).toBe(false);

    const copy = await uploadWorkingCopy(id);
    expect(copy).toBe(path.join(chosen.folder, id));
    expect(fs.readFileSync(copy!, "utf8")).toBe(csv);
    expect(fs.readdirSync(chosen.folder)).toEqual([id]);

    await removeUpload(copy!);
    expect(fs.existsSync(copy!)).toBe(false);
    expect(await chosen.storage.get(id)).toBeNull();
    expect(await uploadWorkingCopy(id)).toBeNull();
  });
});
