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

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function lockHolder(dir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(dir, "..", "pglite.lock"), "utf8").trim());
    return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : null;
  } catch {
    return null;
  }
}

/**
 * PGlite corrupts its folder if two processes open it, so the first one takes a pid lock beside it.
 * A lock left by a dead process is taken over. Returns the release function.
 */
export function acquireDataDirLock(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const lockPath = path.join(dir, "..", "pglite.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      const release = () => {
        if (fs.existsSync(lockPath) && fs.readFileSync(lockPath, "utf8").trim() === String(process.pid)) {
          fs.unlinkSync(lockPath);
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = lockHolder(dir);
      if (holder === process.pid) return () => {};
      if (holder !== null) throw new DataDirBusyError(dir, holder);
      fs.unlinkSync(lockPath);
    }
  }
  throw new Error(`Impossible de verrouiller ${lockPath}`);
}
