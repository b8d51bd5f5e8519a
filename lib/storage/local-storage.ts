import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { assertSafeKey, type FileStorage } from "./storage";

/** Files kept in a folder of the server, readable by the app's user only. */
export function localStorage(root: string): FileStorage {
  const base = path.resolve(root);
  const pathOf = (key: string) => {
    const full = path.resolve(base, assertSafeKey(key));
    // The key pattern already forbids "..": this is the second lock on the same door.
    if (!full.startsWith(base + path.sep)) throw new Error("Storage key escapes its folder");
    return full;
  };
  return {
    kind: "local",
    async put(key, body) {
      const file = pathOf(key);
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      // Written aside then renamed, so a reader never sees half a file.
      const partial = `${file}.${randomUUID()}.part`;
      try {
        const source = body instanceof Readable ? body : Readable.from([body]);
        await pipeline(source, fs.createWriteStream(partial, { mode: 0o600 }));
        await fs.promises.rename(partial, file);
      } catch (error) {
        await fs.promises.rm(partial, { force: true });
        throw error;
      }
    },
    async get(key) {
      const file = pathOf(key);
      try {
        const handle = await fs.promises.open(file, "r");
        const { size } = await handle.stat();
        return { body: handle.createReadStream(), size };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(key) {
      await fs.promises.rm(pathOf(key), { force: true });
    },
  };
}

/** The path of `key` in a local storage's folder, for code that must read a file by name (the import parsers). */
export function localStoragePath(root: string, key: string): string {
  return path.join(path.resolve(root), assertSafeKey(key));
}
