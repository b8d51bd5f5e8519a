import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { storageFor, storageFolder } from "@/lib/storage";

/**
 * Uploaded files wait in the "uploads" storage between the analysis and the commit of the wizard. The parsers
 * read files by name from this folder: by default it is the storage itself; with a bucket it holds working copies.
 */
export const uploadsDir = () => storageFolder("uploads");

const UPLOAD_ID = /^[0-9a-f-]{36}$/;

export function uploadPath(id: string): string | null {
  return UPLOAD_ID.test(id) ? path.join(uploadsDir(), id) : null;
}

/** An upload analysed but never imported, or whose import failed, is kept this long for another try. */
const UPLOAD_LIFETIME_MS = 24 * 3600_000;

/**
 * Deletes the uploads untouched for 24 h (committing an upload touches it); returns how many were removed. With a
 * bucket this clears the working copies; the bucket's own lifecycle rule expires its `uploads/` objects.
 */
export function removeExpiredUploads(now = Date.now()): number {
  let removed = 0;
  let names: string[];
  try {
    names = fs.readdirSync(uploadsDir());
  } catch {
    return 0;
  }
  for (const name of names) {
    const file = path.join(uploadsDir(), name);
    try {
      if (now - fs.statSync(file).mtimeMs > UPLOAD_LIFETIME_MS) {
        fs.rmSync(file, { force: true });
        removed++;
      }
    } catch {
      // Removed meanwhile by the import that used it.
    }
  }
  return removed;
}

/** Marks an upload as in use: its 24 hours start again. */
export function touchUpload(file: string): void {
  const now = new Date();
  fs.utimesSync(file, now, now);
}

export async function saveUpload(file: File): Promise<string> {
  const id = randomUUID();
  await storageFor("uploads").put(id, Readable.fromWeb(file.stream() as never), file.type || "application/octet-stream", file.size);
  return id;
}

/**
 * The path of the upload `id` for the parsers, or null when it is unknown or expired. With a bucket, a server that
 * did not receive the file itself fetches a copy first.
 */
export async function uploadWorkingCopy(id: string): Promise<string | null> {
  const file = uploadPath(id);
  if (!file) return null;
  if (fs.existsSync(file)) return file;
  const stored = await storageFor("uploads").get(id);
  if (!stored) return null;
  const partial = `${file}.${randomUUID()}.part`;
  await fs.promises.mkdir(uploadsDir(), { recursive: true });
  try {
    await pipeline(stored.body, fs.createWriteStream(partial, { mode: 0o600 }));
    await fs.promises.rename(partial, file);
  } finally {
    await fs.promises.rm(partial, { force: true });
  }
  return file;
}

/** Removes an imported upload: the file the parsers read and, when it came from the storage, its stored copy. */
export async function removeUpload(file: string): Promise<void> {
  const name = path.basename(file);
  if (path.dirname(path.resolve(file)) === uploadsDir() && UPLOAD_ID.test(name)) await storageFor("uploads").delete(name);
  await fs.promises.rm(file, { force: true });
}
