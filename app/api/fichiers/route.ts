import { createHash, randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { z } from "zod";
import { recordAttachment, resolveUploadTarget } from "@/db/queries/attachments";
import { userForRoute } from "@/lib/auth/session";
import { withErrorResponse } from "@/lib/http/route-errors";
import { storageFor } from "@/lib/storage";
import { ATTACHMENT_MESSAGES, checkAttachment, cleanFileName, MAX_ATTACHMENT_BYTES } from "@/lib/storage/file-type";

// Room for the boundaries and the form fields around the file in the multipart body.
const FORM_OVERHEAD_BYTES = 64 * 1024;
const MAX_BODY_BYTES = MAX_ATTACHMENT_BYTES + FORM_OVERHEAD_BYTES;

const target = z.union([
  z.object({ threadId: z.uuid(), clientId: z.undefined() }),
  z.object({ clientId: z.uuid(), threadId: z.undefined() }),
]);

const failure = (error: string, status: number) => NextResponse.json({ error }, { status });

/** One file sent to a discussion thread or to a client: checked by its bytes, stored, then recorded. */
export const POST = withErrorResponse(async function handlePost(request: Request) {
  const current = await userForRoute("discussions.write");
  if (current.denied) return current.denied;

  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (declared > MAX_BODY_BYTES) return failure(ATTACHMENT_MESSAGES.tooLarge, 413);
  const form = await readForm(request);
  if (form === "tooLarge") return failure(ATTACHMENT_MESSAGES.tooLarge, 413);
  if (!form) return failure("Envoi illisible : choisissez à nouveau le fichier.", 400);

  const fields = { threadId: form.get("threadId") || undefined, clientId: form.get("clientId") || undefined };
  const parsed = target.safeParse(fields);
  if (!parsed.success) return failure("Indiquez la discussion ou le client auquel joindre le fichier.", 400);
  const file = form.get("file");
  if (!(file instanceof File)) return failure("Choisissez un fichier à joindre.", 400);
  if (file.size > MAX_ATTACHMENT_BYTES) return failure(ATTACHMENT_MESSAGES.tooLarge, 413);

  const place = await resolveUploadTarget(current.db, current.scope, parsed.data);
  if (!place) return failure("Discussion ou client introuvable, ou hors de votre périmètre.", 403);

  const bytes = new Uint8Array(await file.arrayBuffer());
  const fileName = cleanFileName(file.name);
  const check = checkAttachment(bytes, fileName);
  if (!check.ok) return failure(check.error, { tooLarge: 413, empty: 400, type: 415 }[check.reason]);

  const storage = storageFor("files");
  const now = new Date();
  const storageKey = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, "0")}/${randomUUID()}`;
  await storage.put(storageKey, bytes, check.contentType);
  try {
    const row = await recordAttachment(current.db, {
      storageKey,
      fileName,
      contentType: check.contentType,
      size: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      clientId: place.clientId,
      threadId: place.threadId,
      uploadedById: current.scope.userId,
    });
    return NextResponse.json(row, { status: 201 });
  } catch (error) {
    await storage.delete(storageKey).catch(() => {});
    throw error;
  }
});

/**
 * The multipart form, read at most MAX_BODY_BYTES deep so a body sent without its length (or lying about it)
 * cannot fill the memory; null when it is not a readable form.
 */
async function readForm(request: Request): Promise<FormData | "tooLarge" | null> {
  if (!request.body) return null;
  let received = 0;
  let tooLarge = false;
  const limited = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received > MAX_BODY_BYTES) {
          tooLarge = true;
          controller.error(new Error("body too large"));
        } else controller.enqueue(chunk);
      },
    }),
  );
  try {
    return await new Response(limited, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    return tooLarge ? "tooLarge" : null;
  }
}
