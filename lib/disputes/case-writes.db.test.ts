import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { openDisputeCase } from "@/db/queries/disputes";
import { loadScope } from "@/db/queries/scope";
import { auditLog, disputes } from "@/db/schema";
import { makeClient, makeDocument, makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import type { Scope } from "@/lib/auth/scope";
import { saveDisputeCase } from "./case-writes";

let handle: DatabaseHandle;
let alice: Scope;
let caseId = "";

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  const user = await makeUser(db, "collector");
  const client = await makeClient(db, (await makeEntity(db)).id, { collectorId: user.id });
  const doc = await makeDocument(db, client.id, { amount: "120.00", issueDate: "2026-09-01", dueDate: "2026-10-01" });
  alice = (await loadScope(db, user.id, "2026-11-23"))!;
  caseId = (await openDisputeCase(db, alice, { clientId: client.id, documentIds: [doc.id], reason: "Prix" }))!.id;
});
afterAll(() => handle.close());

describe("saveDisputeCase, the /litiges form's write", () => {
  it("audits what changed as the page always did, and nothing when nothing changed", async () => {
    expect(await saveDisputeCase(handle.db, alice, caseId, { status: "resolved" }, true)).toEqual({ status: "outcome_required" });
    const saved = await saveDisputeCase(handle.db, alice, caseId, { status: "in_progress", category: "prix" }, true);
    expect(saved.status).toBe("ok");
    expect(await saveDisputeCase(handle.db, alice, caseId, { status: "in_progress" }, true)).toMatchObject({ status: "ok", changes: {} });
    const audit = await handle.db.select().from(auditLog).where(eq(auditLog.targetId, caseId));
    expect(audit.map((a) => [a.action, a.details])).toEqual([
      ["dispute.update", { clientId: (await handle.db.select().from(disputes).where(eq(disputes.id, caseId)))[0].clientId, changes: { status: { from: "open", to: "in_progress" }, category: { from: "autre", to: "prix" } } }],
    ]);
  });
});
