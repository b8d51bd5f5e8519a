import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  acquireDataDirLock,
  currentBootId,
  DataDirBusyError,
  describeProcess,
  lockHolder,
  parseLock,
  processStartTime,
  startTimeFromStat,
} from "./data-dir-lock";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "encaisse-lock-"));
const dir = path.join(root, "pglite");
const lockFile = path.join(root, "pglite.lock");
const onLinux = processStartTime(process.pid) !== null && currentBootId() !== null;

afterEach(() => fs.rmSync(lockFile, { force: true }));

function writeLock(content: string) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(lockFile, content);
}

describe("embedded database lock", () => {
  it("writes the pid, the process start time and the boot id", () => {
    const release = acquireDataDirLock(dir);
    const owner = parseLock(fs.readFileSync(lockFile, "utf8"));
    expect(owner?.pid).toBe(process.pid);
    if (onLinux) {
      expect(owner?.startTime).toMatch(/^\d+$/);
      expect(owner?.bootId).toBe(currentBootId());
    }
    release();
    expect(fs.existsSync(lockFile)).toBe(false);
  });

  it("refuses a folder held by another live process, with a French explanation", () => {
    writeLock(describeProcess(process.ppid));
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirBusyError);
    expect(() => acquireDataDirLock(dir)).toThrow(/déjà ouverte par un autre processus \(pid \d+\)/);
    expect(lockHolder(dir)).toBe(process.ppid);
    expect(fs.readFileSync(lockFile, "utf8")).toBe(describeProcess(process.ppid));
  });

  it("still reads the pid-only files older versions wrote", () => {
    writeLock(String(process.ppid));
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirBusyError);
  });

  it.runIf(onLinux)("takes over a lock whose pid lives but started at another time (pid reused)", () => {
    writeLock(`${process.ppid} 1 ${currentBootId()}`);
    expect(lockHolder(dir)).toBeNull();
    const release = acquireDataDirLock(dir);
    expect(parseLock(fs.readFileSync(lockFile, "utf8"))?.pid).toBe(process.pid);
    release();
  });

  it.runIf(onLinux)("takes over a lock written before the machine restarted", () => {
    writeLock(`${process.ppid} ${processStartTime(process.ppid)} 00000000-0000-0000-0000-000000000000`);
    expect(lockHolder(dir)).toBeNull();
    acquireDataDirLock(dir)();
  });

  it("takes over a lock left by a process that died", () => {
    writeLock("2147483646 12345 00000000-0000-0000-0000-000000000000");
    const release = acquireDataDirLock(dir);
    expect(parseLock(fs.readFileSync(lockFile, "utf8"))?.pid).toBe(process.pid);
    release();
    expect(fs.existsSync(lockFile)).toBe(false);
  });

  it("lets the same process open it again", () => {
    const release = acquireDataDirLock(dir);
    expect(lockHolder(dir)).toBe(process.pid);
    expect(() => acquireDataDirLock(dir)).not.toThrow();
    release();
  });

  it("reads field 22 of a stat line whose command name holds spaces and parentheses", () => {
    const after = "S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 987654 20 21";
    expect(startTimeFromStat(`4242 (node (worker) 2) ${after}`)).toBe("987654");
    expect(startTimeFromStat(`4242 (node) ${after}\n`)).toBe("987654");
    expect(processStartTime(2147483646)).toBeNull();
  });
});
