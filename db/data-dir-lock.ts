import fs from "node:fs";
import path from "node:path";

export class DataDirBusyError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `La base embarquée (${dir}) est déjà ouverte par un autre processus (pid ${pid}). ` +
        "Une seule application peut l'utiliser à la fois : arrêtez le serveur (Ctrl+C) avant de lancer cette commande, " +
        "ou passez par le serveur en marche (les commandes npm run job:* le font d'elles-mêmes).",
    );
    this.name = "DataDirBusyError";
  }
}

/** Who wrote a lock file: the pid, and when known the process start time and the boot it ran in. */
export type LockOwner = { pid: number; startTime: string | null; bootId: string | null };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Field 22 of a /proc/<pid>/stat line: the process start time, in clock ticks since boot. */
export function startTimeFromStat(stat: string): string | null {
  // The command name (field 2) may hold spaces and parentheses: count the fields after its last closing one.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).trim().split(/\s+/);
  return fields[22 - 3] ?? null;
}

/** The start time of process `pid`; null when it is gone or off Linux. */
export function processStartTime(pid: number): string | null {
  try {
    return startTimeFromStat(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return null;
  }
}

export function currentBootId(): string | null {
  try {
    return fs.readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim() || null;
  } catch {
    return null;
  }
}

export function describeProcess(pid: number): string {
  const startTime = processStartTime(pid);
  const bootId = currentBootId();
  return startTime && bootId ? `${pid} ${startTime} ${bootId}` : String(pid);
}

/** Reads `pid startTime bootId`, or the bare pid older versions wrote. */
export function parseLock(text: string): LockOwner | null {
  const [pidText, startTime, bootId] = text.trim().split(/\s+/);
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  return { pid, startTime: startTime ?? null, bootId: bootId ?? null };
}

/**
 * A lock still holds when its process lives and is the same process: after a restart the pid may belong to
 * another program, which the boot id or the start time then tells apart.
 */
export function isHeld(owner: LockOwner): boolean {
  if (!isAlive(owner.pid)) return false;
  const bootId = currentBootId();
  if (owner.bootId && bootId && owner.bootId !== bootId) return false;
  const startTime = processStartTime(owner.pid);
  if (owner.startTime && startTime && owner.startTime !== startTime) return false;
  return true;
}

const lockPathOf = (dir: string) => path.join(dir, "..", "pglite.lock");

function readOwner(lockPath: string): LockOwner | null {
  try {
    return parseLock(fs.readFileSync(lockPath, "utf8"));
  } catch {
    return null;
  }
}

export function lockHolder(dir: string): number | null {
  const owner = readOwner(lockPathOf(dir));
  return owner && isHeld(owner) ? owner.pid : null;
}

/**
 * PGlite corrupts its folder if two processes open it, so the first one takes a lock beside it.
 * A lock left by a dead process, or by a pid since reused, is taken over. Returns the release function.
 */
export function acquireDataDirLock(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const lockPath = lockPathOf(dir);
  const content = describeProcess(process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, content, { flag: "wx" });
      const release = () => {
        if (readOwner(lockPath)?.pid === process.pid) fs.rmSync(lockPath, { force: true });
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = lockHolder(dir);
      if (holder === process.pid) return () => {};
      if (holder !== null) throw new DataDirBusyError(dir, holder);
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Impossible de verrouiller ${lockPath}`);
}
