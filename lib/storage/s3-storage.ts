import { Readable } from "node:stream";
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { assertSafeKey, type FileStorage } from "./storage";

export type S3Settings = {
  bucket: string;
  region: string;
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
  /** Keeps the app's objects apart in a shared bucket: "files/", "uploads/". */
  prefix: string;
};

/** Files kept in an S3-compatible bucket (AWS, Scaleway, OVHcloud, MinIO, Garage…). */
export function s3Storage(settings: S3Settings): FileStorage {
  const client = new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    credentials:
      settings.accessKeyId && settings.secretAccessKey
        ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey }
        : undefined,
    // Many S3-compatible services reject the newer default checksums on uploads.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const target = (key: string) => ({ Bucket: settings.bucket, Key: settings.prefix + assertSafeKey(key) });
  return {
    kind: "s3",
    async put(key, body, contentType, size) {
      const length = body instanceof Readable ? size : body.length;
      if (length === undefined) throw new Error("A stream sent to object storage needs its size");
      await client.send(new PutObjectCommand({ ...target(key), Body: body, ContentType: contentType, ContentLength: length }));
    },
    async get(key) {
      try {
        const answer = await client.send(new GetObjectCommand(target(key)));
        if (!(answer.Body instanceof Readable)) throw new Error("Object storage answered without a body");
        return { body: answer.Body, size: answer.ContentLength ?? 0 };
      } catch (error) {
        if (error instanceof NoSuchKey || (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404)) return null;
        throw error;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand(target(key)));
    },
  };
}
