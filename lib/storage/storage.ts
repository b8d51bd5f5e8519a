import type { Readable } from "node:stream";

/** Where uploaded files live: a folder of the server by default, an S3-compatible bucket when configured. */
export interface FileStorage {
  readonly kind: "local" | "s3";
  /** Stores `body` under `key`, replacing any previous content; a stream needs its `size` for object storage. */
  put(key: string, body: Uint8Array | Readable, contentType: string, size?: number): Promise<void>;
  /** The stored content, or null when nothing is stored under `key`. */
  get(key: string): Promise<StoredFile | null>;
  /** Removes the content under `key`; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}

export type StoredFile = { body: Readable; size: number };

// Segments of letters, digits, dot, dash and underscore that never start with a dot: no "..", no absolute path.
const KEY = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

export class InvalidStorageKeyError extends Error {
  constructor(key: string) {
    super(`Invalid storage key: ${JSON.stringify(key.slice(0, 80))}`);
  }
}

export function assertSafeKey(key: string): string {
  if (key.length > 512 || !KEY.test(key)) throw new InvalidStorageKeyError(key);
  return key;
}
