/** The letterhead logo: a PNG or JPEG of at most 512 Ko, recognised by its first bytes, never by its name. */

export const LOGO_MAX_BYTES = 512 * 1024;

export type LogoMimeType = "image/png" | "image/jpeg";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

/** The image type read from the file's magic bytes; null for anything else or a file too large. */
export function detectLogoType(bytes: Uint8Array): LogoMimeType | null {
  if (bytes.length === 0 || bytes.length > LOGO_MAX_BYTES) return null;
  if (startsWith(bytes, PNG_SIGNATURE)) return "image/png";
  if (startsWith(bytes, JPEG_SIGNATURE)) return "image/jpeg";
  return null;
}

export const logoDataUrl = (logo: { mimeType: LogoMimeType; base64: string }) => `data:${logo.mimeType};base64,${logo.base64}`;
