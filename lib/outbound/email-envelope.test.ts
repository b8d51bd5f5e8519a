import { describe, expect, it } from "vitest";
import { withEnvelope } from "./email-envelope";

const envelope = {
  from: "Encaisse <relances@encaisse.test>",
  to: "compta@client.fr",
  cc: [],
  subject: "Factures échues – Dupont & Fils",
  attachments: [{ fileName: "releve-C00012-2026-11-23.pdf", size: 20_480 }],
  simulated: true,
};

describe("e-mail envelope", () => {
  it("draws from, to, cc, subject and attachments at the top of the body, escaped", () => {
    const html = withEnvelope('<!doctype html><html><body style="margin:0"><p>Bonjour,</p></body></html>', envelope);
    expect(html.indexOf("Enveloppe de l'e-mail")).toBeGreaterThan(html.indexOf('<body style="margin:0">'));
    expect(html.indexOf("Enveloppe de l'e-mail")).toBeLessThan(html.indexOf("<p>Bonjour,</p>"));
    expect(html).toContain("Encaisse &lt;relances@encaisse.test&gt;");
    expect(html).toContain("Factures échues – Dupont &amp; Fils");
    expect(html).toContain(">Cc</th><td style=\"padding:2px 0\">—</td>");
    expect(html).toContain("releve-C00012-2026-11-23.pdf (20 Ko)");
    expect(html).toContain("Simulé (non envoyé)");
  });

  it("says when there is no attachment and nothing about simulation once a provider is configured", () => {
    const html = withEnvelope("<p>Sans corps</p>", { ...envelope, attachments: [], simulated: false });
    expect(html.startsWith("<section")).toBe(true);
    expect(html).toContain(">Pièces jointes</th><td style=\"padding:2px 0\">Aucune</td>");
    expect(html).not.toContain("Simulé");
  });
});
