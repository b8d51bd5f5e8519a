import { open, type FileHandle } from "node:fs/promises";
import { createReadStream } from "node:fs";
import { createInflateRaw, inflateRawSync } from "node:zlib";

/** A minimal reader of a zip's central directory (APPNOTE.TXT §4.3), enough to vet and peek into xlsx files. */

export type ZipEntry = {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
};

export class ZipFormatError extends Error {}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const MAX_COMMENT = 0xffff;
const MAX_DIRECTORY_BYTES = 16 * 1024 * 1024;
const MAX_ENTRIES = 100_000;
const U32 = 0xffffffff;

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

function u64(buffer: Buffer, offset: number): number {
  const value = buffer.readBigUInt64LE(offset);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError("zip64 value out of range");
  return Number(value);
}

/** Lists the entries declared by the central directory. Throws ZipFormatError on a malformed archive. */
export async function readZipDirectory(path: string): Promise<ZipEntry[]> {
  const file = await open(path, "r");
  try {
    const { size } = await file.stat();
    const tailLength = Math.min(size, 22 + MAX_COMMENT);
    const tail = await readAt(file, size - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new ZipFormatError("end of central directory not found");
    let count = tail.readUInt16LE(eocd + 10);
    let directorySize = tail.readUInt32LE(eocd + 12);
    let directoryOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || directorySize === U32 || directoryOffset === U32) {
      const locatorAt = eocd - 20;
      if (locatorAt < 0 || tail.readUInt32LE(locatorAt) !== ZIP64_LOCATOR) {
        throw new ZipFormatError("zip64 locator missing");
      }
      const record = await readAt(file, u64(tail, locatorAt + 8), 56);
      if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_EOCD) throw new ZipFormatError("zip64 record missing");
      count = u64(record, 32);
      directorySize = u64(record, 40);
      directoryOffset = u64(record, 48);
    }
    if (count > MAX_ENTRIES || directorySize > MAX_DIRECTORY_BYTES) throw new ZipFormatError("directory too large");
    if (directoryOffset + directorySize > size) throw new ZipFormatError("directory outside the file");
    return parseDirectory(await readAt(file, directoryOffset, directorySize), count);
  } finally {
    await file.close();
  }
}

function parseDirectory(directory: Buffer, count: number): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_HEADER) {
      throw new ZipFormatError("truncated central directory");
    }
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      name: directory.toString("utf8", at + 46, at + 46 + nameLength),
      method: directory.readUInt16LE(at + 10),
      encrypted: (directory.readUInt16LE(at + 8) & 1) === 1,
      compressedSize: directory.readUInt32LE(at + 20),
      uncompressedSize: directory.readUInt32LE(at + 24),
      localHeaderOffset: directory.readUInt32LE(at + 42),
    };
    readZip64Extra(directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Sizes and offset that do not fit 32 bits live, in this order, in the zip64 extra field (id 1). */
function readZip64Extra(extra: Buffer, entry: ZipEntry) {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 1) {
      let field = at + 4;
      const next = () => {
        if (field + 8 > at + 4 + length) throw new ZipFormatError("short zip64 extra field");
        const value = u64(extra, field);
        field += 8;
        return value;
      };
      if (entry.uncompressedSize === U32) entry.uncompressedSize = next();
      if (entry.compressedSize === U32) entry.compressedSize = next();
      if (entry.localHeaderOffset === U32) entry.localHeaderOffset = next();
      return;
    }
    at += 4 + length;
  }
}

async function dataOffset(file: FileHandle, entry: ZipEntry): Promise<number> {
  const header = await readAt(file, entry.localHeaderOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_HEADER) throw new ZipFormatError("bad local header");
  return entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
}

/** The bytes of one small entry (stored or deflated), refusing to inflate more than `maxBytes`. */
export async function readZipEntry(path: string, entry: ZipEntry, maxBytes: number): Promise<Buffer> {
  if (entry.encrypted || (entry.method !== 0 && entry.method !== 8)) throw new ZipFormatError("unsupported entry");
  const file = await open(path, "r");
  try {
    const data = await readAt(file, await dataOffset(file, entry), entry.compressedSize);
    if (entry.method === 0) return data.subarray(0, maxBytes);
    return inflateRawSync(data, { maxOutputLength: maxBytes });
  } finally {
    await file.close();
  }
}

/**
 * Inflates every entry and compares with the sizes the directory declares: a bomb can lie in its directory,
 * not in its deflate streams. Stops as soon as an entry outgrows its declared size. True when all match.
 */
export async function zipSizesAreHonest(path: string, entries: readonly ZipEntry[]): Promise<boolean> {
  const file = await open(path, "r");
  const offsets: number[] = [];
  try {
    for (const entry of entries) offsets.push(await dataOffset(file, entry));
  } finally {
    await file.close();
  }
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (entry.method !== 8 || entry.compressedSize === 0) continue;
    const actual = await inflatedSize(path, offsets[i], entry.compressedSize, entry.uncompressedSize);
    if (actual > entry.uncompressedSize) return false;
  }
  return true;
}

function inflatedSize(path: string, start: number, length: number, limit: number): Promise<number> {
  return new Promise((resolve) => {
    let total = 0;
    const input = createReadStream(path, { start, end: start + length - 1 });
    const inflate = createInflateRaw();
    const finish = (size: number) => {
      input.destroy();
      inflate.destroy();
      resolve(size);
    };
    inflate.on("data", (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) finish(total);
    });
    inflate.on("end", () => finish(total));
    // A corrupt stream is the xlsx reader's problem; only sizes are judged here.
    inflate.on("error", () => finish(total));
    input.on("error", () => finish(total));
    input.pipe(inflate);
  });
}
