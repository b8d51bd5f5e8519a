import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { env } from "@/lib/env";

/** Uploaded files wait here between the analysis and the commit of the wizard. */
const uploadsDir = () => path.resolve(env.DATA_DIR, "uploads");

export function uploadPath(id: string): string | null {
  return /^[0-9a-f-]{36}$/.test(id) ? path.join(uploadsDir(), id) : null;
}

export async function saveUpload(file: File): Promise<string> {
  fs.mkdirSync(uploadsDir(), { recursive: true });
  const id = randomUUID();
  await pipeline(Readable.fromWeb(file.stream() as never), fs.createWriteStream(path.join(uploadsDir(), id), { mode: 0o600 }));
  return id;
}
