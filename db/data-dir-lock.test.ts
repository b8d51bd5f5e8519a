import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirBusyError } from "./data-dir-lock";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "encaisse-lock-"));
const dir = path.join(root, "pglite");
const lockFile = path.join(root, "pglite.lock");

afterEach(() => fs.rmSync(lockFile, { force: true }));

describe("embedded database lock", () => {
  it("refuses a folder held by another live process, with a French explanation", () => {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(lockFile, String(process.ppid));
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirBusyError);
    expect(() => acquireDataDirLock(dir)).toThrow(/déjà ouverte par un autre processus/);
    expect(fs.readFileSync(lockFile, "utf8")).toBe(String(process.ppid));
  });

  it("takes over a lock left by a process that died", () => {
    fs.writeFileSync(lockFile, "2147483646");
    const release = acquireDataDirLock(dir);
    expect(fs.readFileSync(lockFile, "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(lockFile)).toBe(false);
  });

  it("lets the same process open it again", () => {
    const release = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).not.toThrow();
    release();
  });
});
