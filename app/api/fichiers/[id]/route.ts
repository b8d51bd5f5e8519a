import { Readable } from "node:stream";
import { NextResponse } from "next/server";
import { z } from "zod";
import { findReadableAttachment } from "@/db/queries/attachments";
import { userForRoute } from "@/lib/auth/session";
import { contentDisposition } from "@/lib/http/content-disposition";
import { withErrorResponse } from "@/lib/http/route-errors";
import { storageFor } from "@/lib/storage";

const notFound = () => NextResponse.json({ error: "Fichier introuvable." }, { status: 404, headers: { "Cache-Control": "no-store" } });

/** Downloads an attachment for whoever may read it; to anyone else it does not exist. */
export const GET = withErrorResponse(async function handleGet(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const current = await userForRoute("clients.read");
  if (current.denied) return current.denied;
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) return notFound();
  const attachment = await findReadableAttachment(current.db, current.scope, id.data);
  if (!attachment) return notFound();
  const stored = await storageFor("files").get(attachment.storageKey);
  if (!stored) {
    console.error(`[fichiers] ${attachment.id} is recorded but missing from the storage (${attachment.storageKey})`);
    return notFound();
  }
  return new Response(Readable.toWeb(stored.body) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": attachment.contentType,
      "Content-Length": String(stored.size),
      "Content-Disposition": contentDisposition(attachment.fileName),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      // Opened by mistake in a tab, the file still runs no script of this origin.
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
});
