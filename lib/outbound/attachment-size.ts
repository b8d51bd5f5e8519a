import { formatInteger } from "@/lib/format/fr";

/** An attachment's size as a mail client shows it: whole kilo-octets, at least 1. */
export const attachmentSize = (bytes: number) => `${formatInteger(Math.max(1, Math.ceil(bytes / 1024)))} Ko`;
