import path from "node:path";
import { env } from "@/lib/env";
import { localStorage } from "./local-storage";
import { s3Storage } from "./s3-storage";
import type { FileStorage } from "./storage";

export type { FileStorage, StoredFile } from "./storage";

/** The areas of the storage: attachments of discussions and clients, and the import wizard's files. */
export type StorageArea = "files" | "uploads";

const opened = new Map<StorageArea, FileStorage>();

/** The configured storage of one area: `DATA_DIR/<area>/` by default, `<area>/` in the bucket when S3_BUCKET is set. */
export function storageFor(area: StorageArea): FileStorage {
  let storage = opened.get(area);
  if (!storage) {
    storage = env.S3_BUCKET
      ? s3Storage({
          bucket: env.S3_BUCKET,
          region: env.S3_REGION,
          endpoint: env.S3_ENDPOINT,
          accessKeyId: env.S3_ACCESS_KEY_ID,
          secretAccessKey: env.S3_SECRET_ACCESS_KEY,
          forcePathStyle: env.S3_FORCE_PATH_STYLE,
          prefix: `${area}/`,
        })
      : localStorage(storageFolder(area));
    opened.set(area, storage);
  }
  return storage;
}

/** The folder of an area on this server: the storage itself by default, working copies with a bucket. */
export const storageFolder = (area: StorageArea) => path.resolve(env.DATA_DIR, area);
