import { describe, expect, it } from "vitest";
import { clips } from "./clips";
import type { TemplateContext, TemplateDocument } from "./context";
import { renderTemplate, TemplateError } from "./render";
import { smsSegments } from "./sms-segments";

// fr-FR money as Intl writes it: narrow no-break space between thousands, no-break space before €.
const eur = (text: string) => `${text.replace(/ /g, "\u202f")}\u00a0€`;

// Today 16/10/2026, rate 12,15 %:
// FA-001 due 01/09 → 45 days: 1 000,00 × 12,15 % × 45 / 365 = 14,979… → 14,98 €, + 40,00 €
// FA-002 due 01/10 → 15 days: 1 234,56 × 12,15 % × 15 / 365 = 6,164… → 6,16 €, + 40,00 €
// AV-001 credit note: nothing. FA-003 due 10/11: not yet due, nothing.
// Amounts 1 000 + 1 234,56 − 100 + 500 = 2 634,56; open 1 000 + 1 234,56 − 100 + 250 = 2 384,56.
// Penalties 21,14 €, indemnities 80,00 €, together 101,14 €.
const doc = (
  type: TemplateDocument["type"],
  number: string,
  issueDate: string,
  dueDate: string,
  amount: string,
  openAmount: string,
): TemplateDocument => ({ type, number, issueDate, dueDate, amount, openAmount });

const context: TemplateContext = {
  today: "2026-10-16",
  client: {
    code: "C001",
    name: `Dupont & Fils <script>alert("x")</script>`,
    address: "12 rue de la Paix\nBâtiment B",
    postalCode: "75002",
    city: "Paris",
    country: "FR",
  },
  contact: { civility: "Madame", name: "O'Neil" },
  company: {
    name: "Encaisse SAS",
    address: "1 avenue des Champs\n75008 Paris",
    iban: "FR76 3000 6000 0112 3456 7890 189",
    signature: "Le service recouvrement\nEncaisse SAS",
  },
  collector: { name: "Julie Leroy", civility: "Mme", email: "julie@encaisse.fr", phone: "01 23 45 67 89" },
  totals: { outstanding: "12345.67", overdue: "2234.56" },
  documents: [
    doc("invoice", "FA-001", "2026-08-01", "2026-09-01", "1000.00", "1000.00"),
    doc("invoice", "FA-002", "2026-09-01", "2026-10-01", "1234.56", "1234.56"),
    doc("credit_note", "AV-001", "2026-09-15", "2026-09-15", "-100.00", "-100.00"),
    doc("invoice", "FA-003", "2026-10-10", "2026-11-10", "500.00", "250.00"),
  ],
  penaltyRatePercent: "12.15",
};

const sms = (body: string, ctx: TemplateContext = context, smsMaxDocuments?: number) =>
  renderTemplate({ body }, ctx, "sms", { smsMaxDocuments }).body;
const html = (body: string, ctx: TemplateContext = context) => renderTemplate({ body }, ctx, "email").body;

describe("renderTemplate, single-value clips", () => {
  const expected: Record<string, string> = {
    "client.code": "C001",
    "client.raison_sociale": `Dupont & Fils <script>alert("x")</script>`,
    "client.adresse": "12 rue de la Paix\nBâtiment B\n75002 Paris",
    "contact.civilite": "Madame",
    "contact.nom": "O'Neil",
    "contact.salutation": "Madame,",
    "contact.titre": "Madame",
    "societe.nom": "Encaisse SAS",
    "societe.adresse": "1 avenue des Champs\n75008 Paris",
    "societe.iban": "FR76 3000 6000 0112 3456 7890 189",
    "societe.signature": "Le service recouvrement\nEncaisse SAS",
    "gestionnaire.nom": "Julie Leroy",
    "gestionnaire.email": "julie@encaisse.fr",
    "gestionnaire.telephone": "01 23 45 67 89",
    "gestionnaire.interlocuteur": "votre interlocutrice",
    "totaux.encours": "12 345,67 €",
    "totaux.echu": "2 234,56 €",
    "totaux.nombre_pieces": "4",
    "totaux.reste_du": "2 384,56 €",
    "date.aujourdhui": "16/10/2026",
    "penalites.factures": "2 factures",
    "penalites.taux": "12,15 %",
    "penalites.total": "21,14 €",
    "penalites.indemnite_forfaitaire": "40,00 €",
    "penalites.indemnites": "80,00 €",
    "penalites.total_avec_indemnites": "101,14 €",
    // 2 384,56 + 21,14 + 80,00
    "penalites.total_a_payer": "2 485,70 €",
  };

  it("covers every single-value clip of the catalogue", () => {
    const inline = clips.filter((c) => c.kind === "inline").map((c) => c.key);
    expect(Object.keys(expected).sort()).toEqual([...inline].sort());
  });

  it.each(Object.entries(expected))("renders {{%s}} in an SMS as plain text with plain spaces", (key, value) => {
    expect(sms(`{{${key}}}`)).toBe(value);
  });

  it("keeps Intl's no-break spaces in email, escapes values and turns line breaks into <br>", () => {
    expect(html("{{totaux.encours}}")).toBe(eur("12 345,67"));
    expect(html("{{client.adresse}}")).toBe("12 rue de la Paix<br>Bâtiment B<br>75002 Paris");
    expect(html("<p>{{client.raison_sociale}}</p>")).toBe(
      "<p>Dupont &amp; Fils &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>",
    );
    expect(html(`<a title="{{contact.nom}}">`)).toBe(`<a title="O&#39;Neil">`);
  });

  it("escapes in letters too", () => {
    expect(renderTemplate({ body: "{{client.raison_sociale}}" }, context, "letter").body).not.toContain("<script>");
  });

  it("renders missing contact and collector as empty, a foreign country on the last address line", () => {
    const bare = { ...context, contact: null, collector: null, client: { ...context.client, country: "BE" } };
    const people = "[{{contact.civilite}}|{{contact.nom}}|{{gestionnaire.nom}}|{{gestionnaire.telephone}}]";
    expect(sms(people, bare)).toBe("[|||]");
    expect(sms("{{client.adresse}}", bare)).toBe("12 rue de la Paix\nBâtiment B\n75002 Paris\nBE");
  });

  it("addresses both when the contact's civility is unknown, agrees the collector with theirs", () => {
    const clips = "{{contact.salutation}}|{{contact.titre}}|{{contact.civilite}}|{{gestionnaire.interlocuteur}}";
    expect(sms(clips, { ...context, contact: null, collector: null })).toBe("Madame, Monsieur,|Madame, Monsieur||votre interlocuteur");
    const men = { ...context, contact: { civility: "M.", name: "Roussel" }, collector: { name: "Éric Petit", civility: "Monsieur" } };
    expect(sms(clips, men)).toBe("Monsieur,|Monsieur|Monsieur|votre interlocuteur");
    const unknown = { ...context, contact: { civility: "Dr", name: "Roussel" } };
    expect(sms("{{contact.salutation}}", unknown)).toBe("Madame, Monsieur,");
  });

  it("never expands a value that looks like a clip", () => {
    const tricky = { ...context, client: { ...context.client, name: "{{client.code}}" } };
    expect(sms("{{client.raison_sociale}}", tricky)).toBe("{{client.code}}");
  });

  it("charges no indemnity to a client that is not a business", () => {
    const consumer = { ...context, client: { ...context.client, isBusiness: false } };
    expect(sms("{{penalites.total}} {{penalites.indemnites}}", consumer)).toBe("21,14 € 0,00 €");
  });

  it("counts the overdue invoices in the singular when there is one", () => {
    const one = { ...context, documents: context.documents.slice(1) };
    expect(sms("{{penalites.factures}} : {{penalites.indemnites}}", one)).toBe("1 facture : 40,00 €");
  });
});

describe("renderTemplate, documents clips", () => {
  it("renders the documents table with fr-FR dates and amounts, days late and a total row", () => {
    const body = html("{{pieces.tableau}}");
    const cells = [...body.matchAll(/<t[dh][^>]*>([^<]*)<\/t[dh]>/g)].map((m) => m[1]);
    expect(cells).toEqual([
      ...["Numéro", "Date", "Échéance", "Montant", "Reste dû", "Jours de retard"],
      ...["FA-001", "01/08/2026", "01/09/2026", eur("1 000,00"), eur("1 000,00"), "45"],
      ...["FA-002", "01/09/2026", "01/10/2026", eur("1 234,56"), eur("1 234,56"), "15"],
      ...["AV-001", "15/09/2026", "15/09/2026", eur("-100,00"), eur("-100,00"), "—"],
      ...["FA-003", "10/10/2026", "10/11/2026", eur("500,00"), eur("250,00"), "—"],
      ...["Total", "", "", eur("2 634,56"), eur("2 384,56"), ""],
    ]);
    expect(body).toMatch(/^<table[^>]*><thead><tr>/);
    expect(body).toContain("<tfoot>");
  });

  it("escapes document numbers in the table", () => {
    const ctx = { ...context, documents: [{ ...context.documents[0], number: "<b>FA&1</b>" }] };
    expect(html("{{pieces.tableau}}")).not.toContain("<b>");
    expect(html("{{pieces.tableau}}", ctx)).toContain("&lt;b&gt;FA&amp;1&lt;/b&gt;");
  });

  it("renders the penalties table for overdue invoices only, with their totals", () => {
    const body = html("{{pieces.tableau_penalites}}");
    const cells = [...body.matchAll(/<t[dh][^>]*>([^<]*)<\/t[dh]>/g)].map((m) => m[1]);
    expect(cells).toEqual([
      ...["Numéro", "Échéance", "Reste dû", "Jours de retard", "Pénalités de retard", "Indemnité forfaitaire"],
      ...["FA-001", "01/09/2026", eur("1 000,00"), "45", eur("14,98"), eur("40,00")],
      ...["FA-002", "01/10/2026", eur("1 234,56"), "15", eur("6,16"), eur("40,00")],
      ...["Total", "", "", "", eur("21,14"), eur("80,00")],
    ]);
  });

  it("says so when there is nothing to list", () => {
    const empty = { ...context, documents: [] };
    expect(html("{{pieces.tableau}}", empty)).toBe("<p>Aucune pièce.</p>");
    expect(html("{{pieces.tableau_penalites}}", empty)).toBe("<p>Aucune facture échue.</p>");
    expect(sms("{{pieces.tableau}}|{{totaux.nombre_pieces}}|{{penalites.total}}", empty)).toBe("|0|0,00 €");
  });

  it("lists the documents in an SMS, three by default, then how many more", () => {
    expect(sms("{{pieces.tableau}}")).toBe(
      [
        "FA-001 : 1 000,00 € (échue le 01/09/2026)",
        "FA-002 : 1 234,56 € (échue le 01/10/2026)",
        "AV-001 : -100,00 € (avoir)",
        "et 1 autre",
      ].join("\n"),
    );
    expect(sms("{{pieces.tableau}}", context, 1)).toBe("FA-001 : 1 000,00 € (échue le 01/09/2026)\net 3 autres");
    expect(sms("{{pieces.tableau}}", context, 4).split("\n")[3]).toBe("FA-003 : 250,00 € (échéance le 10/11/2026)");
  });

  it("keeps an SMS in GSM-7", () => {
    const body = sms("{{contact.civilite}} {{contact.nom}}, votre échu est de {{totaux.echu}} :\n{{pieces.tableau}}");
    expect(smsSegments(body).encoding).toBe("GSM-7");
  });
});

describe("renderTemplate, subject and refusals", () => {
  it("renders the subject as plain text on one line, without escaping", () => {
    const rendered = renderTemplate(
      { subject: "Relance {{client.raison_sociale}} — {{client.adresse}}", body: "<p>Bonjour</p>" },
      context,
      "email",
    );
    expect(rendered).toEqual({
      subject: `Relance Dupont & Fils <script>alert("x")</script> — 12 rue de la Paix Bâtiment B 75002 Paris`,
      body: "<p>Bonjour</p>",
    });
    expect(renderTemplate({ subject: "ignoré", body: "ok" }, context, "sms").subject).toBeNull();
  });

  it("refuses a template with an unknown clip, naming it", () => {
    expect(() => sms("Bonjour {{client.nom_commercial}}")).toThrow(TemplateError);
    expect(() => sms("Bonjour {{client.nom_commercial}}")).toThrow("Champ inconnu : {{client.nom_commercial}}");
  });
});
