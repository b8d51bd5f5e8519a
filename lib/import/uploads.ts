import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { env } from "@/lib/env";

/** Uploaded files wait here between the analysis and the commit of the wizard. */
export const uploadsDir = () => path.resolve(env.DATA_DIR, "uploads");

export function uploadPath(id: string): string | null {
  return /^[0-9a-f-]{36}$/.test(id) ? path.join(uploadsDir(), id) : null;
}

/** An upload analysed but never imported, or whose import failed, is kept this long for another try. */
const UPLOAD_LIFETIME_MS = 24 * 3600_000;

/** Deletes the uploads untouched for 24 h (committing an upload touches it); returns how many were removed. */
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
  fs.mkdirSync(uploadsDir(), { recursive: true });
  const id = randomUUID();
  await pipeline(Readable.fromWeb(file.stream() as never), fs.createWriteStream(path.join(uploadsDir(), id), { mode: 0o600 }));
  return id;
}
