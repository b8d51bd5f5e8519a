import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { uploadsDir } from "@/lib/import/uploads";

/**
 * The only folders whose files a job started through the local job route may read: the uploads folder of
 * lib/import/uploads.ts (wizard uploads, and files the shell copies there) and the ERP drop folder.
 */
export function jobFileFolders(): string[] {
  return [uploadsDir(), ...(env.IMPORT_DROP_DIR ? [path.resolve(env.IMPORT_DROP_DIR)] : [])];
}

/**
 * The real path of `file` when, symbolic links and `..` resolved, it lies inside one of jobFileFolders();
 * null otherwise or when it does not exist.
 */
export async function allowedJobFile(file: string): Promise<string | null> {
  if (!path.isAbsolute(file)) return null;
  let real: string;
  try {
    real = await fs.promises.realpath(file);
  } catch {
    return null;
  }
  for (const folder of jobFileFolders()) {
    const realFolder = await fs.promises.realpath(folder).catch(() => null);
    if (realFolder && real.startsWith(realFolder + path.sep)) return real;
  }
  return null;
}

/** Copies `file` into the uploads folder under a fresh name, readable by this user only; returns the copy's path. */
export async function copyIntoUploads(file: string): Promise<string> {
  const stat = await fs.promises.stat(file).catch(() => null);
  if (!stat?.isFile()) throw new Error(`${file} n'est pas un fichier lisible.`);
  const [uploads] = jobFileFolders();
  await fs.promises.mkdir(uploads, { recursive: true });
  const copy = path.join(uploads, randomUUID());
  await fs.promises.copyFile(file, copy);
  await fs.promises.chmod(copy, 0o600);
  return copy;
}
