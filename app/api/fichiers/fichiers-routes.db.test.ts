import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { attachToComment } from "@/db/queries/attachments";
import { attachments, threadParticipants, threads } from "@/db/schema";
import { makeClient, makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { loadScope } from "@/db/queries/scope";
import type { Scope } from "@/lib/auth/scope";

// The signed-in user, switched per test; the permission check, database, storage and routes are real.
const signedIn = vi.hoisted(() => ({ current: null as { db: unknown; scope: Scope } | null }));
vi.mock("@/lib/auth/session", async () => {
  const { NextResponse } = await import("next/server");
  const { can } = await import("@/lib/auth/permissions");
  return {
    userForRoute: async (permission: Parameters<typeof can>[1]) => {
      const current = signedIn.current;
      if (!current) return { denied: NextResponse.json({ error: "Non authentifié." }, { status: 401 }) };
      if (!can(current.scope.role, permission)) return { denied: NextResponse.json({ error: "Accès refusé." }, { status: 403 }) };
      return { ...current, denied: null };
    },
  };
});

const { POST: upload } = await import("./route");
const { GET: download } = await import("./[id]/route");

let handle: DatabaseHandle;
const ids: Record<string, string> = {};
const scopes: Record<string, Scope> = {};
const as = (user: string) => (signedIn.current = { db: handle.db, scope: scopes[user] });

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  const entity = await makeEntity(db);
  for (const key of ["alice", "bruno", "paul"]) {
    ids[key] = (await makeUser(db, "collector")).id;
    scopes[key] = (await loadScope(db, ids[key], "2026-12-04"))!;
  }
  ids.clientA = (await makeClient(db, entity.id, { collectorId: ids.alice })).id;
  const [thread] = await db.insert(threads).values({ clientId: ids.clientA, title: "Relevé contesté", createdById: ids.alice }).returning();
  ids.thread = thread.id;
  await db.insert(threadParticipants).values({ threadId: thread.id, userId: ids.paul });
});
afterAll(() => handle.close());

/** A multipart POST as a browser sends it, Content-Length included. */
async function multipart(fields: Record<string, string | File>): Promise<Request> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  const encoded = new Request("http://localhost/api/fichiers", { method: "POST", body: form });
  const body = await encoded.arrayBuffer();
  return new Request(encoded.url, {
    method: "POST",
    body,
    headers: { "content-type": encoded.headers.get("content-type")!, "content-length": String(body.byteLength) },
  });
}

const pdf = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n");
const get = (id: string) => download(new Request(`http://localhost/api/fichiers/${id}`), { params: Promise.resolve({ id }) });

describe("POST /api/fichiers then GET /api/fichiers/[id]", () => {
  it("stores a PDF sent to a thread and lets its participants download it once posted, by its real name", async () => {
    as("alice");
    const response = await upload(await multipart({ file: new File([pdf], "Relevé n°3.pdf", { type: "text/plain" }), threadId: ids.thread }));
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toEqual({ id: expect.any(String), fileName: "Relevé n°3.pdf", size: pdf.length, contentType: "application/pdf" });

    // Before it is posted with a message, the file is its uploader's alone.
    as("paul");
    expect((await get(body.id)).status).toBe(404);
    await attachToComment(handle.db, scopes.alice, [body.id], ids.thread, crypto.randomUUID());

    const file = await get(body.id);
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer())).toEqual(pdf);
    expect(Object.fromEntries(file.headers)).toMatchObject({
      "content-type": "application/pdf",
      "content-length": String(pdf.length),
      "content-disposition": `attachment; filename="Releve n_3.pdf"; filename*=UTF-8''Relev%C3%A9%20n%C2%B03.pdf`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    });
    const [row] = await handle.db.select().from(attachments);
    expect(row).toMatchObject({ clientId: ids.clientA, threadId: ids.thread, uploadedById: ids.alice });
    expect(row.sha256).toBe(createHash("sha256").update(pdf).digest("hex"));

    // Outside the client's portfolio and not in the thread: the file does not exist.
    as("bruno");
    const hidden = await get(body.id);
    expect(hidden.status).toBe(404);
    expect(await hidden.json()).toEqual({ error: "Fichier introuvable." });
    expect((await get("pas-un-uuid")).status).toBe(404);
  });

  it("lets a participant outside the portfolio send to the thread, not to the client", async () => {
    as("paul");
    expect((await upload(await multipart({ file: new File([pdf], "bon.pdf"), threadId: ids.thread }))).status).toBe(201);
    const refused = await upload(await multipart({ file: new File([pdf], "bon.pdf"), clientId: ids.clientA }));
    expect(refused.status).toBe(403);
    expect((await refused.json()).error).toBe("Discussion ou client introuvable, ou hors de votre périmètre.");
    as("bruno");
    expect((await upload(await multipart({ file: new File([pdf], "bon.pdf"), threadId: ids.thread }))).status).toBe(403);
  });

  it("refuses what its bytes say it is not, with a French message and the right status", async () => {
    as("alice");
    const exe = new File([Buffer.from("MZ\x90\x00\x03\x00\x00\x00This program cannot be run in DOS mode.", "latin1")], "facture.pdf", {
      type: "application/pdf",
    });
    const wrongType = await upload(await multipart({ file: exe, threadId: ids.thread }));
    expect(wrongType.status).toBe(415);
    expect((await wrongType.json()).error).toMatch(/^Type de fichier non accepté : « facture\.pdf »\./);
    const empty = await upload(await multipart({ file: new File([], "vide.pdf"), clientId: ids.clientA }));
    expect(empty.status).toBe(400);
    const noTarget = await upload(await multipart({ file: new File([pdf], "a.pdf") }));
    expect(noTarget.status).toBe(400);
    expect((await noTarget.json()).error).toBe("Indiquez la discussion ou le client auquel joindre le fichier.");
    const both = await upload(await multipart({ file: new File([pdf], "a.pdf"), clientId: ids.clientA, threadId: ids.thread }));
    expect(both.status).toBe(400);
    const noFile = await upload(await multipart({ clientId: ids.clientA }));
    expect(noFile.status).toBe(400);
  });

  it("refuses a file over 20 Mo, before reading a body declared too large", async () => {
    as("alice");
    let read = false;
    const body = new ReadableStream({ pull() { read = true; throw new Error("body read"); } }, { highWaterMark: 0 });
    const declared = new Request("http://localhost/api/fichiers", {
      method: "POST", body, duplex: "half", headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(21 * 1024 ** 2) },
    } as RequestInit);
    const response = await upload(declared);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: "Fichier trop volumineux (max. 20 Mo)." });
    expect(read).toBe(false);

    // Sent without its length, the body is cut off past 20 Mo and the form.
    const big = new File([Buffer.concat([pdf, Buffer.alloc(21 * 1024 ** 2)])], "gros.pdf");
    const form = new FormData();
    form.set("clientId", ids.clientA);
    form.set("file", big);
    const unsized = await upload(new Request("http://localhost/api/fichiers", { method: "POST", body: form }));
    expect(unsized.status).toBe(413);
  });

  it("answers 401 to nobody signed in", async () => {
    signedIn.current = null;
    expect((await upload(await multipart({ file: new File([pdf], "a.pdf"), clientId: ids.clientA }))).status).toBe(401);
    expect((await get(crypto.randomUUID())).status).toBe(401);
  });
});
