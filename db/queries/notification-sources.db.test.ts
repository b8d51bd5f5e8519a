import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { notifications, promiseDocuments, promises } from "@/db/schema";
import { makeClient, makeDocument, makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { runImport } from "@/lib/import/run-import";
import { finishJobRun, startJobRun } from "./job-runs";
import { settlePromises } from "./promise-outcomes";

let handle: DatabaseHandle;
let entityId: string;
const admins: string[] = [];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "encaisse-notify-"));

beforeAll(async () => {
  handle = await createTestDatabase();
  entityId = (await makeEntity(handle.db, "DIST")).id;
  for (let i = 0; i < 2; i++) admins.push((await makeUser(handle.db, "admin")).id);
  await makeUser(handle.db, "admin", { active: false });
  await makeUser(handle.db, "supervisor");
});
afterAll(() => handle.close());

const received = (kind: string) =>
  handle.db
    .select({ userId: notifications.userId, title: notifications.title, body: notifications.body, link: notifications.link })
    .from(notifications)
    .where(eq(notifications.kind, kind))
    .orderBy(asc(notifications.title), asc(notifications.userId));

describe("notifications sent by the system", () => {
  it("tells each client's collector of their broken promises in one statement, and nobody of kept ones", async () => {
    const { db } = handle;
    const [anna, bruno] = [await makeUser(db, "collector"), await makeUser(db, "collector")];
    const dates = { issueDate: "2026-09-01", dueDate: "2026-10-01" };
    const promiseOn = async (name: string, collectorId: string | null, promisedDate: string, settled: boolean) => {
      const client = await makeClient(db, entityId, { name, collectorId });
      const doc = await makeDocument(db, client.id, { amount: "100.00", ...dates, ...(settled ? { status: "settled" as const, openAmount: "0" } : {}) });
      const [p] = await db.insert(promises).values({ clientId: client.id, promisedDate, amount: "100.00" }).returning();
      await db.insert(promiseDocuments).values({ promiseId: p.id, documentId: doc.id });
      return client.id;
    };
    const alpha = await promiseOn("Alpha SARL", anna.id, "2026-11-20", false);
    const beta = await promiseOn("Beta SAS", anna.id, "2026-11-21", false);
    const gamma = await promiseOn("Gamma SA", bruno.id, "2026-11-22", false);
    await promiseOn("Delta SARL", bruno.id, "2026-11-20", true); // kept
    await promiseOn("Epsilon SAS", bruno.id, "2026-11-30", false); // not due yet
    await promiseOn("Zeta SA", null, "2026-11-20", false); // broken, nobody to tell

    expect(await settlePromises(db, "2026-11-23")).toEqual({ kept: 1, broken: 4 });
    expect(await received("promise.broken")).toEqual(
      [
        { userId: anna.id, title: "Promesse non tenue : Alpha SARL", body: "Promesse de paiement du 20/11/2026 non tenue.", link: `/clients/${alpha}` },
        { userId: anna.id, title: "Promesse non tenue : Beta SAS", body: "Promesse de paiement du 21/11/2026 non tenue.", link: `/clients/${beta}` },
        { userId: bruno.id, title: "Promesse non tenue : Gamma SA", body: "Promesse de paiement du 22/11/2026 non tenue.", link: `/clients/${gamma}` },
      ],
    );
    // A second night finds nothing pending to break and tells nobody again.
    await settlePromises(db, "2026-11-24");
    expect(await received("promise.broken")).toHaveLength(3);
  });

  it("tells every active administrator that an import finished or was refused", async () => {
    fs.writeFileSync(path.join(dir, "clients.csv"), "Code client;Raison sociale\r\n00412;Menuiserie Dupont SARL\r\n");
    fs.writeFileSync(path.join(dir, "vide.csv"), "Code client;Raison sociale\r\n00413;\r\n");
    const request = (file: string) => ({ kind: "clients" as const, filePath: path.join(dir, file), fileName: file, importDate: "2026-11-23", userId: null, acceptRowErrors: false });
    const ok = await runImport(handle.db, request("clients.csv"));
    const refused = await runImport(handle.db, request("vide.csv"));
    expect([ok.status, refused.status]).toEqual(["succeeded", "failed"]);

    const finished = await received("import.finished");
    expect(finished.map((n) => n.userId).sort()).toEqual([...admins].sort());
    expect(finished[0]).toMatchObject({ title: "Import terminé : clients.csv", body: ok.message, link: `/import/${ok.importId}` });
    const failed = await received("import.failed");
    expect(failed.map((n) => n.userId).sort()).toEqual([...admins].sort());
    expect(failed[0]).toMatchObject({ title: "Import refusé : vide.csv", body: refused.message, link: `/import/${refused.importId}` });
  });

  it("tells every active administrator of a failed job run, not of a successful one", async () => {
    const ok = await startJobRun(handle.db, "daily-snapshot", "2026-11-23");
    await finishJobRun(handle.db, ok, { report: {} });
    const failed = await startJobRun(handle.db, "nightly-run", "2026-11-23");
    await finishJobRun(handle.db, failed, { error: "Serveur de courriel injoignable." });
    const sent = await received("job.failed");
    expect(sent.map((n) => n.userId).sort()).toEqual([...admins].sort());
    expect(sent[0]).toMatchObject({ title: "Traitement en échec : nightly-run du 23/11/2026", body: "Serveur de courriel injoignable.", link: "/parametrage/traitements" });
  });
});
