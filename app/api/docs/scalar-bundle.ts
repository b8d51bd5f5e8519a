import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";

/**
 * Scalar's browser bundle, served by the app itself so the documentation works without reaching any CDN. Read once
 * per process; its hash versions the URL so browsers may keep it for a year.
 */
let bundle: Promise<{ body: Buffer; version: string }> | null = null;

export function scalarBundle() {
  bundle ??= readFile(path.join(process.cwd(), "node_modules", "@scalar", "api-reference", "dist", "browser", "standalone.js")).then((body) => ({
    body,
    version: createHash("sha256").update(body).digest("hex").slice(0, 12),
  }));
  return bundle;
}
