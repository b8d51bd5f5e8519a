import { describe, expect, test } from "vitest";
import type { CalculatedColumnType } from "@/db/schema/calculated";
import { analyseFormula, type Analysis, type FormulaContext } from "./analyse";

const column = (id: string, name: string, type: CalculatedColumnType, formula: string) => ({ id, name, type, formula });

const seeded = [
  column("taux", "Taux d'échu 90 j glissants", "percent", "MOYENNE(échu; 90 j) / MOYENNE(encours; 90 j)"),
  column("moyen", "Encours moyen 6 mois", "amount", "MOYENNE(encours; 6 mois)"),
  column("dso", "DSO 90 j", "days", "DSO(90 j)"),
];
const ctx: FormulaContext = {
  columns: [
    ...seeded,
    column("marge", "Marge de crédit", "amount", "limite_crédit - encours"),
    column("alerte", "Alerte", "boolean", "[Marge de crédit] < 0"),
    column("risque", "Risque élevé", "boolean", "ET([Alerte]; [Taux d'échu 90 j glissants] > 50 %)"),
    column("secteur", "Secteur", "text", "[Code NAF]"),
  ],
  customFields: ["Code NAF", "Commercial"],
};

function ok(text: string, type: CalculatedColumnType, context = ctx) {
  const result = analyseFormula(text, type, context);
  if (!result.ok) throw new Error(`${text}: ${result.error.message}`);
  return result;
}
function refused(text: string, type: CalculatedColumnType, context = ctx) {
  const result: Analysis = analyseFormula(text, type, context);
  if (result.ok) throw new Error(`« ${text} » should be refused`);
  return result.error;
}

describe("analyseFormula", () => {
  test("the three seeded examples", () => {
    const taux = ok(seeded[0].formula, "percent");
    expect(taux).toEqual({
      ok: true, materialised: true, dependsOn: [],
      typed: {
        t: "number", kind: "op", op: "/",
        args: [
          { t: "number", kind: "snapshots", fn: "avg", field: "overdue", window: { amount: 90, unit: "day" } },
          { t: "number", kind: "snapshots", fn: "avg", field: "outstanding", window: { amount: 90, unit: "day" } },
        ],
      },
    });
    expect(ok(seeded[1].formula, "amount")).toMatchObject({ materialised: true, typed: { kind: "snapshots", fn: "avg", field: "outstanding" } });
    expect(ok(seeded[2].formula, "days")).toMatchObject({ materialised: true, typed: { kind: "indicator", fn: "dso" } });
  });

  test("row formulas are computed on the fly", () => {
    expect(ok("limite_crédit - encours", "amount")).toMatchObject({ materialised: false, dependsOn: [] });
    expect(ok("SI(litige; 1; 0) + ABS(échu)", "number").materialised).toBe(false);
  });

  test("the result type must fit the column type", () => {
    expect(refused("raison_sociale", "amount")).toEqual({ message: "La formule donne un texte ; la colonne attend un nombre", start: 0, end: 14 });
    expect(refused("encours > 0", "text").message).toBe("La formule donne une valeur oui/non ; la colonne attend un texte");
    expect(refused(" encours ", "boolean")).toEqual({ message: "La formule donne un nombre ; la colonne attend une valeur oui/non", start: 1, end: 8 });
    for (const type of ["amount", "number", "percent", "days"] as const) expect(ok("encours", type).ok).toBe(true);
  });

  test("references to columns are inlined, with their dependencies", () => {
    const result = ok("[marge de credit] / 2", "amount");
    expect(result).toMatchObject({
      materialised: false, dependsOn: ["marge"],
      typed: { op: "/", args: [{ op: "-", args: [{ kind: "client", field: "creditLimit" }, { kind: "client", field: "outstanding" }] }, { value: 2 }] },
    });
    const risk = ok("NON([RISQUE ÉLEVÉ])", "boolean");
    expect(risk.materialised).toBe(true);
    expect(new Set(risk.dependsOn)).toEqual(new Set(["risque", "alerte", "marge", "taux"]));
    expect(ok("[DSO 90 j] > 60", "boolean")).toMatchObject({ materialised: true, dependsOn: ["dso"] });
  });

  test("references to custom fields", () => {
    expect(ok("[code naf]", "text")).toMatchObject({ typed: { t: "text", kind: "custom", name: "Code NAF" }, materialised: false });
    expect(ok("CNUM([Commercial]) > 3", "boolean").typed).toMatchObject({ args: [{ fn: "tonumber", args: [{ kind: "custom", name: "Commercial" }] }, { value: 3 }] });
    expect(ok("[Secteur]", "text")).toMatchObject({ typed: { kind: "custom", name: "Code NAF" }, dependsOn: ["secteur"] });
    expect(refused("[Code NAP]", "text")).toEqual({ message: "Colonne ou champ importé inconnu : « Code NAP ». Vouliez-vous dire « Code NAF » ?", start: 0, end: 10 });
    expect(refused("[Commercial] + 1", "number").message).toBe("Types incompatibles : « + » attend un nombre, pas un texte");
  });

  test("cycles are refused and named", () => {
    const a = column("a", "A", "number", "[B] + 1");
    const b = column("b", "B", "number", "[A] * 2");
    const self = column("s", "Soi", "number", "1");
    expect(refused("[Soi] + 1", "number", { columns: [self], customFields: [], selfId: "s" })).toEqual({
      message: "Référence circulaire : Soi → Soi", start: 0, end: 5,
    });
    expect(refused("[B] + 1", "number", { columns: [a, b], customFields: [], selfId: "a" })).toEqual({
      message: "Référence circulaire : A → B → A", start: 0, end: 3,
    });
    const c = column("c", "C", "number", "[D]");
    const d = column("d", "D", "number", "2 * [E]");
    const e = column("e", "E", "number", "[C] - 1");
    expect(refused("1 + [D]", "number", { columns: [c, d, e], customFields: [], selfId: "c" })).toEqual({
      message: "Référence circulaire : C → D → E → C", start: 4, end: 7,
    });
    // A cycle among saved columns that does not pass through the edited one is still found.
    expect(refused("[A]", "number", { columns: [a, b], customFields: [] }).message).toBe("Référence circulaire : A → B → A");
  });

  test("errors inside a referenced column point at the reference", () => {
    const broken = column("x", "Cassée", "number", "encour + 1");
    const invalid = column("y", "Illisible", "number", "(1 + 2");
    const wrongType = column("z", "Mal typée", "number", "ville");
    const context = { columns: [broken, invalid, wrongType], customFields: [] };
    expect(refused("2 * [Cassée]", "number", context)).toEqual({
      message: "Colonne « Cassée » : Champ inconnu : « encour ». Vouliez-vous dire « encours » ?", start: 4, end: 12,
    });
    expect(refused("[Illisible]", "number", context).message).toBe("La colonne « Illisible » a une formule invalide : Parenthèse fermante manquante");
    expect(refused("[Mal typée]", "number", context).message).toBe("La colonne « Mal typée » donne un texte ; son type attend un nombre");
  });

  test("the inlined formula stays small", () => {
    // Each level references the previous one three times: 3^8 copies, refused well before they are built.
    const columns = [column("c0", "C0", "number", "encours")];
    for (let i = 1; i <= 8; i++) columns.push(column(`c${i}`, `C${i}`, "number", `[C${i - 1}] + [C${i - 1}] + [C${i - 1}]`));
    expect(refused("[C8]", "number", { columns, customFields: [] })).toEqual({
      message: "La formule est trop grande une fois les colonnes référencées remplacées (2 000 éléments au plus)", start: 0, end: 4,
    });
    expect(ok("[C4]", "number", { columns, customFields: [] }).dependsOn).toHaveLength(5);
  });

  test("parse errors come through with their position", () => {
    expect(refused("SOMME(pièces.ouvert", "amount")).toEqual({ message: "Parenthèse fermante manquante", start: 5, end: 6 });
    expect(refused("1 or 1=1", "boolean")).toEqual({ message: "Opérateur manquant avant « or »", start: 2, end: 4 });
  });
});

test("random fragments never throw: each is accepted or refused in French, pointing inside the text", () => {
  const fragments = ["SOMME(", "NB(", "MOYENNE(", "MIN(", "DSO(", "SI(", "ET(", "pièces", "pièces.ouvert", "échue", "encours",
    "[Alerte]", "[Code NAF]", "90 j", "4 ans", "1,5", '"x"', ";", ")", "(", "+", "-", "/", "%", "=", ">=", " ", "$", "'", "[", '"'];
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < 3000; i++) {
    const text = Array.from({ length: 1 + Math.floor(next() * 10) }, () => fragments[Math.floor(next() * fragments.length)]).join("");
    const result = analyseFormula(text, "number", ctx);
    if (result.ok) continue;
    expect(result.error.start, text).toBeGreaterThanOrEqual(0);
    expect(result.error.end, text).toBeLessThanOrEqual(text.length);
    expect(result.error.start, text).toBeLessThanOrEqual(result.error.end);
    expect(result.error.message, text).not.toMatch(/Expecting|token|Redundant|NaN|undefined/);
  }
});
