/** Builds small RGB PNG images for tests (logo uploads, letterheads) without an image library. */
import { crc32, deflateSync } from "node:zlib";

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export type Rgb = readonly [number, number, number];

export function pngFromPixels(width: number, height: number, pixel: (x: number, y: number) => Rgb): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB, default compression, filter and no interlace
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const start = y * (width * 3 + 1); // each row begins with its filter type, 0 = none
    for (let x = 0; x < width; x++) rows.set(pixel(x, y), start + 1 + x * 3);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", deflateSync(rows)), chunk("IEND", Buffer.alloc(0))]);
}

/** A sample letterhead logo, 240 × 80: a blue square with an orange band beside two grey bars of "text". */
export function sampleLogoPng(): Buffer {
  const blue: Rgb = [30, 64, 175];
  const orange: Rgb = [234, 88, 12];
  const grey: Rgb = [82, 82, 91];
  const white: Rgb = [255, 255, 255];
  return pngFromPixels(240, 80, (x, y) => {
    if (x >= 4 && x < 76 && y >= 4 && y < 76) return y >= 52 && y < 62 ? orange : blue;
    if (x >= 92 && x < 232 && y >= 18 && y < 38) return blue;
    if (x >= 92 && x < 196 && y >= 48 && y < 58) return grey;
    return white;
  });
}
