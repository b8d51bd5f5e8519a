import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type DatabaseHandle, setDatabase } from "@/db/client";
import { notify } from "@/db/queries/notifications";
import { loadScope } from "@/db/queries/scope";
import { makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";

// The signed-in user; the database and the route are real.
const signedIn = vi.hoisted(() => ({ current: null as unknown }));
vi.mock("@/lib/auth/session", async (original) => {
  const { NextResponse } = await import("next/server");
  return {
    ...(await original<typeof import("@/lib/auth/session")>()),
    userForRoute: async () =>
      signedIn.current ? { ...(signedIn.current as object), denied: null } : { denied: NextResponse.json({ error: "Non authentifié." }, { status: 401 }) },
  };
});

const { GET } = await import("./route");
const list = await import("../route");

let handle: DatabaseHandle;
let userId: string;
beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabase(handle);
  const user = await makeUser(handle.db, "sales");
  userId = user.id;
  signedIn.current = { db: handle.db, scope: await loadScope(handle.db, user.id, "2026-11-23"), user };
});
afterAll(() => handle.close());

/** Reads the stream until the next `notifications` event and returns its data. */
async function nextEvent(reader: ReadableStreamDefaultReader<Uint8Array>, buffer: { text: string }) {
  const decoder = new TextDecoder();
  for (;;) {
    const match = /event: notifications\ndata: (.*)\n\n/.exec(buffer.text);
    if (match) {
      buffer.text = buffer.text.slice(match.index + match[0].length);
      return JSON.parse(match[1]);
    }
    const { value, done } = await reader.read();
    if (done) throw new Error("stream closed");
    buffer.text += decoder.decode(value, { stream: true });
  }
}

describe("/api/notifications/stream", () => {
  it("refuses a signed-out visitor", async () => {
    const saved = signedIn.current;
    signedIn.current = null;
    try {
      expect((await GET(new Request("http://test/api/notifications/stream"))).status).toBe(401);
    } finally {
      signedIn.current = saved;
    }
  });

  it("sends the state on connection, then again when a notification arrives, and stops on abort", async () => {
    await notify(handle.db, { userId, kind: "task.assigned", title: "Tâche : Appeler le client — Alpha" });
    const abort = new AbortController();
    const response = await GET(new Request("http://test/api/notifications/stream", { signal: abort.signal }));
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store, no-transform");
    const reader = response.body!.getReader();
    const buffer = { text: "" };

    const initial = await nextEvent(reader, buffer);
    expect(initial.unread).toBe(1);

    await notify(handle.db, { userId, kind: "task.done", title: "Tâche terminée (fait) : Appeler le client — Alpha" });
    const next = await nextEvent(reader, buffer);
    expect(next.unread).toBe(2);
    expect(next.latestId).not.toBe(initial.latestId);

    // The JSON fallback tells the same, with the newest first.
    const body = await (await list.GET()).json();
    expect(body).toMatchObject({ unread: 2, latestId: next.latestId });
    expect(body.items[0]).toMatchObject({ id: next.latestId, title: "Tâche terminée (fait) : Appeler le client — Alpha" });

    abort.abort();
    const { done } = await reader.read();
    expect(done).toBe(true);
  });
});
