import { expect, test } from "./test";
import { fixtures, storageState } from "./helpers";

const pdf = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n");
let uploadedId = "";

test.describe.configure({ mode: "serial" });

test.describe("collector", () => {
  test.use({ storageState: storageState("collector") });

  test("attaches a PDF to a client of the portfolio and downloads it under its name, never inline", async ({ page }) => {
    const client = fixtures().clientOfCollector1;
    const sent = await page.request.post("/api/fichiers", {
      multipart: { clientId: client.id, file: { name: "Relevé signé.pdf", mimeType: "application/octet-stream", buffer: pdf } },
    });
    expect(sent.status()).toBe(201);
    const body = await sent.json();
    expect(body).toMatchObject({ fileName: "Relevé signé.pdf", size: pdf.length, contentType: "application/pdf" });
    uploadedId = body.id;

    const file = await page.request.get(`/api/fichiers/${uploadedId}`);
    expect(file.status()).toBe(200);
    expect(await file.body()).toEqual(pdf);
    expect(file.headers()).toMatchObject({
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="Releve signe.pdf"; filename*=UTF-8''Relev%C3%A9%20sign%C3%A9.pdf`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    });
  });

  test("is told in French that a program renamed as a PDF is not accepted", async ({ page }) => {
    const sent = await page.request.post("/api/fichiers", {
      multipart: { clientId: fixtures().clientOfCollector1.id, file: { name: "facture.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ\x90\x00 programme", "latin1") } },
    });
    expect(sent.status()).toBe(415);
    expect((await sent.json()).error).toMatch(/^Type de fichier non accepté : « facture\.pdf »\./);
  });
});

test.describe("collector of another portfolio", () => {
  test.use({ storageState: storageState("collector2") });

  test("finds no such file, and may not attach one to that client", async ({ page }) => {
    expect((await page.request.get(`/api/fichiers/${uploadedId}`)).status()).toBe(404);
    const sent = await page.request.post("/api/fichiers", {
      multipart: { clientId: fixtures().clientOfCollector1.id, file: { name: "a.pdf", mimeType: "application/pdf", buffer: pdf } },
    });
    expect(sent.status()).toBe(403);
  });
});
