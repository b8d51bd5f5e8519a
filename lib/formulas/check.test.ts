import { describe, expect, test } from "vitest";
import type { Typed } from "./ast";
import { checkFormula, type FormulaContext } from "./check";
import { parseFormula } from "./parse";

const empty: FormulaContext = { columns: [], customFields: [] };

function check(text: string, ctx = empty) {
  const parsed = parseFormula(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return checkFormula(parsed.expr, ctx);
}
function typed(text: string, ctx = empty): Typed {
  const result = check(text, ctx);
  if (!result.ok) throw new Error(`${text}: ${result.error.message}`);
  return result.typed;
}
function error(text: string, ctx = empty) {
  const result = check(text, ctx);
  if (result.ok) throw new Error(`« ${text} » should be refused`);
  return result.error;
}

const num = (value: number): Typed => ({ t: "number", kind: "literal", value });
const days = (amount: number) => ({ amount, unit: "day" as const });

describe("names", () => {
  test("client fields ignoring case and accents", () => {
    expect(typed("encours")).toEqual({ t: "number", kind: "client", field: "outstanding" });
    expect(typed("ECHU")).toEqual({ t: "number", kind: "client", field: "overdue" });
    expect(typed("Non_Echu")).toMatchObject({ field: "notDue" });
    expect(typed("region")).toEqual({ t: "text", kind: "client", field: "region" });
    expect(typed("litige")).toEqual({ t: "boolean", kind: "client", field: "hasOpenDispute" });
    expect(typed("vrai")).toEqual({ t: "boolean", kind: "literal", value: true });
    expect(typed("FAUX")).toEqual({ t: "boolean", kind: "literal", value: false });
  });

  test("unknown names with a suggestion", () => {
    expect(error("encour + 1")).toEqual({ message: "Champ inconnu : « encour ». Vouliez-vous dire « encours » ?", start: 0, end: 6 });
    expect(error("zzzzzz")).toEqual({ message: "Champ inconnu : « zzzzzz »", start: 0, end: 6 });
    expect(error("SOMMME(pièces.ouvert)")).toEqual({ message: "Fonction inconnue : « SOMMME ». Vouliez-vous dire « SOMME » ?", start: 0, end: 6 });
    expect(error("1 + moyene(encours; 6 mois)").message).toBe("Fonction inconnue : « moyene ». Vouliez-vous dire « MOYENNE » ?");
    expect(error("DBT")).toMatchObject({ message: "« DBT » est une fonction : écrivez DBT(…)" });
    expect(error("client.encours").message).toBe("Champ inconnu : « client.encours »");
  });

  test("injection-looking names are refused, never passed on", () => {
    expect(error("encours + drop").message).toBe("Champ inconnu : « drop »");
    expect(error("[encours; drop table clients]")).toEqual({
      message: "Colonne ou champ importé inconnu : « encours; drop table clients »", start: 0, end: 29,
    });
    expect(typed(`raison_sociale = "'); drop table clients; --"`)).toMatchObject({
      args: [{ kind: "client" }, { t: "text", kind: "literal", value: "'); drop table clients; --" }],
    });
  });
});

describe("operators and types", () => {
  test("arithmetic, unary and percent", () => {
    expect(typed("encours * 2")).toEqual({ t: "number", kind: "op", op: "*", args: [{ t: "number", kind: "client", field: "outstanding" }, num(2)] });
    expect(typed("-2 %")).toEqual(num(-0.02));
    expect(typed("30 %")).toEqual(num(0.3));
    expect(typed("-encours")).toEqual({ t: "number", kind: "op", op: "neg", args: [{ t: "number", kind: "client", field: "outstanding" }] });
    expect(typed("+3")).toEqual(num(3));
    expect(typed("échu %")).toMatchObject({ op: "/", args: [{ field: "overdue" }, num(100)] });
  });

  test("comparisons by type", () => {
    expect(typed("encours > 1000")).toMatchObject({ t: "boolean", op: ">" });
    expect(typed('score = "A"')).toMatchObject({ t: "boolean", op: "=" });
    expect(typed("litige <> en_pause")).toMatchObject({ t: "boolean", op: "<>" });
    expect(error('encours > "A"')).toEqual({ message: "Types incompatibles : comparaison entre un nombre et un texte", start: 0, end: 13 });
    expect(error("litige < VRAI").message).toBe("Les valeurs oui/non ne se comparent qu'avec = ou <>");
    expect(error("ville + 1")).toEqual({ message: "Types incompatibles : « + » attend un nombre, pas un texte", start: 0, end: 5 });
    expect(error("-ville").message).toBe("Types incompatibles : « - » attend un nombre, pas un texte");
    expect(error("litige * 2").message).toBe("Types incompatibles : « * » attend un nombre, pas une valeur oui/non");
  });

  test("durations only as windows", () => {
    expect(error("encours + 90 j")).toEqual({
      message: "Une période (ex. 90 j) ne s'utilise qu'en argument de SOMME, NB, MOYENNE, MIN, MAX, DSO, DBT, CEI ou VENTES", start: 10, end: 14,
    });
  });
});

describe("functions", () => {
  test("the issue's examples", () => {
    expect(typed("SOMME(pièces.ouvert; pièces.retard > 30)")).toEqual({
      t: "number", kind: "documents", fn: "sum", of: { t: "number", kind: "document", field: "openAmount" },
      where: { t: "boolean", kind: "op", op: ">", args: [{ t: "number", kind: "document", field: "daysLate" }, num(30)] },
    });
    expect(typed("NB(pièces; échue)")).toEqual({ t: "number", kind: "documents", fn: "count", where: { t: "boolean", kind: "document", field: "overdue" } });
    expect(typed("MOYENNE(encours; 6 mois)")).toEqual({ t: "number", kind: "snapshots", fn: "avg", field: "outstanding", window: { amount: 6, unit: "month" } });
    expect(typed("DSO(90 j)")).toEqual({ t: "number", kind: "indicator", fn: "dso", window: days(90) });
    expect(typed("DBT(90 j)")).toEqual({ t: "number", kind: "indicator", fn: "dbt", window: days(90) });
    expect(typed("DBT()")).toEqual({ t: "number", kind: "indicator", fn: "dbt" });
    expect(typed("CEI(3 mois)")).toEqual({ t: "number", kind: "indicator", fn: "cei", window: { amount: 3, unit: "month" } });
    expect(typed("VENTES(12 mois)")).toEqual({ t: "number", kind: "indicator", fn: "sales", window: { amount: 12, unit: "month" } });
  });

  test("pièce aggregates: optional condition and window in any order, bare pièce fields", () => {
    const sum = typed("SOMME(ouvert; 90 j; PIECES.RETARD > 30)");
    expect(sum).toMatchObject({ fn: "sum", of: { field: "openAmount" }, where: { op: ">" }, window: days(90) });
    expect(typed("NB(pieces)")).toEqual({ t: "number", kind: "documents", fn: "count" });
    expect(typed('NB(pièces; type = "avoir"; 1 an)')).toMatchObject({ where: { args: [{ field: "type" }, { value: "avoir" }] }, window: { amount: 1, unit: "year" } });
    expect(typed("MOYENNE(pièces.délai_règlement; réglée)")).toMatchObject({ kind: "documents", fn: "avg", of: { field: "daysToPay" } });
    expect(typed("MAX(pièces.retard; ouverte)")).toMatchObject({ kind: "documents", fn: "max", of: { field: "daysLate" }, where: { field: "open" } });
    expect(typed("MIN(retard; 30 j)")).toMatchObject({ kind: "documents", fn: "min", window: days(30) });
    expect(typed("SOMME(pièces.montant - pièces.ouvert; litige)")).toMatchObject({ of: { op: "-" }, where: { field: "disputed" } });
    expect(typed("SOMME(pièces.ouvert; ET(échue; SI(retard > 60; VRAI; FAUX)))")).toMatchObject({ where: { op: "and" } });
    expect(typed("SOMME(MAX(pièces.ouvert; 0))")).toMatchObject({ of: { kind: "fn", fn: "max" } });
  });

  test("pièce context rules", () => {
    expect(error("pièces.ouvert + 1")).toEqual({
      message: "« pièces.ouvert » est un champ des pièces : il ne s'utilise que dans SOMME, NB, MOYENNE, MIN ou MAX (ex. NB(pièces; échue))", start: 0, end: 13,
    });
    expect(error("échue").message).toMatch(/^« échue » est un champ des pièces/);
    expect(error("SOMME(encours)")).toEqual({ message: "« SOMME » attend un champ des pièces en premier argument (ex. pièces.ouvert)", start: 6, end: 13 });
    expect(error("SOMME(pièces)").message).toBe("« SOMME » attend un champ des pièces en premier argument (ex. pièces.ouvert)");
    expect(error("SOMME(1)").message).toBe("« SOMME » attend un champ des pièces en premier argument (ex. pièces.ouvert)");
    expect(error("NB(pièces.ouvert)").message).toBe("« NB » attend « pièces » en premier argument (ex. NB(pièces; échue))");
    expect(error("SOMME(pièces.ouvert; encours > 0)")).toEqual({
      message: "« encours » est un champ du client : dans « SOMME », seuls les champs des pièces sont permis (ex. pièces.ouvert)", start: 21, end: 28,
    });
    expect(error("SOMME(pièces.ouvert; [Seuil] > 0)").message).toBe("Les colonnes et champs importés ne s'utilisent pas dans « SOMME » : seuls les champs des pièces y sont permis");
    expect(error("SOMME(pièces.ouvre)").message).toBe("Champ des pièces inconnu : « pièces.ouvre ». Vouliez-vous dire « pièces.ouvert » ?");
    expect(error("SOMME(pièces.type)").message).toBe("Types incompatibles : « SOMME » attend un nombre, pas un texte");
    expect(error("SOMME(pièces.ouvert; pièces.retard)").message).toBe("« SOMME » attend une condition (oui/non) ou une période (ex. 90 j) après le premier argument");
    expect(error("SOMME(pièces.ouvert; échue; réglée)").message).toBe("« SOMME » accepte une seule condition");
    expect(error("SOMME(pièces.ouvert; 1 an; 2 mois)").message).toBe("« SOMME » accepte une seule période");
    expect(error("SOMME(pièces.ouvert; échue; 1 an; 2 mois)").message).toBe("« SOMME » attend 1 à 3 arguments");
  });

  test("aggregates do not nest", () => {
    expect(error("SOMME(pièces.ouvert; NB(pièces) > 1)")).toEqual({ message: "Les agrégats ne s'imbriquent pas : « NB » dans « SOMME »", start: 21, end: 23 });
    expect(error("NB(pièces; pièces.ouvert > MOYENNE(pièces.ouvert))").message).toBe("Les agrégats ne s'imbriquent pas : « MOYENNE » dans « NB »");
    expect(error("SOMME(pièces.ouvert; DSO(90 j) > 1)").message).toBe("Les agrégats ne s'imbriquent pas : « DSO » dans « SOMME »");
  });

  test("snapshot aggregates and scalar MIN/MAX", () => {
    expect(typed("MIN(encours; 12 mois)")).toEqual({ t: "number", kind: "snapshots", fn: "min", field: "outstanding", window: { amount: 12, unit: "month" } });
    expect(typed("MAX(non_échu; 4 sem)")).toMatchObject({ kind: "snapshots", fn: "max", field: "notDue", window: { amount: 4, unit: "week" } });
    expect(typed("MIN(encours; 1000)")).toEqual({ t: "number", kind: "fn", fn: "min", args: [{ t: "number", kind: "client", field: "outstanding" }, num(1000)] });
    expect(typed("MAX(1; 2; échu)")).toMatchObject({ kind: "fn", fn: "max", args: [num(1), num(2), { field: "overdue" }] });
    expect(error("MAX(encours)").message).toBe("« MAX » attend au moins 2 nombres, ou un champ des pièces (ex. MAX(pièces.retard; ouverte))");
    expect(error("MOYENNE(encours)").message).toBe("« MOYENNE » des photographies attend un champ et une période : MOYENNE(encours; 6 mois)");
    expect(error("MOYENNE(encours; 6)").message).toBe("« MOYENNE » attend une période (ex. 90 j, 6 mois, 1 an)");
  });

  test("window limits", () => {
    expect(typed("DSO(1095 j)")).toMatchObject({ window: days(1095) });
    expect(typed("DSO(156 semaines)")).toMatchObject({ window: { amount: 156, unit: "week" } });
    expect(typed("DSO(36 mois)")).toMatchObject({ window: { amount: 36, unit: "month" } });
    expect(typed("DSO(3 ans)")).toMatchObject({ window: { amount: 3, unit: "year" } });
    const tooLong = "La période ne peut dépasser 3 ans (1 095 j, 156 sem, 36 mois)";
    expect(error("DSO(1096 j)")).toEqual({ message: tooLong, start: 4, end: 10 });
    expect(error("VENTES(157 sem)").message).toBe(tooLong);
    expect(error("CEI(37 mois)").message).toBe(tooLong);
    expect(error("NB(pièces; 4 ans)").message).toBe(tooLong);
    expect(error("DSO(1,5 mois)").message).toBe("La période doit être un nombre entier positif (ex. 90 j)");
    expect(error("DSO(0 j)").message).toBe("La période doit être un nombre entier positif (ex. 90 j)");
    expect(error("DSO(90)").message).toBe("« DSO » attend une période (ex. 90 j, 6 mois, 1 an)");
    expect(error("DSO()")).toEqual({ message: "« DSO » attend 1 argument", start: 0, end: 5 });
    expect(error("DBT(1 an; 2 ans)").message).toBe("« DBT » attend au plus 1 argument");
  });

  test("logic and scalar functions", () => {
    expect(typed('SI(encours > 0; "oui")')).toEqual({
      t: "text", kind: "fn", fn: "if",
      args: [{ t: "boolean", kind: "op", op: ">", args: [{ t: "number", kind: "client", field: "outstanding" }, num(0)] }, { t: "text", kind: "literal", value: "oui" }, { t: "text", kind: "literal", value: null }],
    });
    expect(typed("SI(litige; 1; 2)")).toMatchObject({ t: "number", fn: "if" });
    expect(error('SI(litige; 1; "a")')).toEqual({ message: "Types incompatibles : « SI » donne un nombre si vrai et un texte sinon", start: 14, end: 17 });
    expect(error("SI(encours; 1; 2)").message).toBe("Types incompatibles : « SI » attend une valeur oui/non, pas un nombre");
    expect(error("SI(litige)").message).toBe("« SI » attend 2 à 3 arguments");
    expect(typed("ET(litige; en_pause; encours > 0)")).toMatchObject({ t: "boolean", kind: "op", op: "and", args: [{}, {}, {}] });
    expect(typed("OU(litige; en_pause)")).toMatchObject({ op: "or" });
    expect(error("ET(litige)").message).toBe("« ET » attend au moins 2 arguments");
    expect(typed("NON(litige)")).toMatchObject({ t: "boolean", op: "not" });
    expect(typed("ARRONDI(encours / 3)")).toMatchObject({ fn: "round", args: [{ op: "/" }, num(0)] });
    expect(typed("ARRONDI(encours; 2)")).toMatchObject({ fn: "round", args: [{}, num(2)] });
    expect(error("ARRONDI(encours; 7)").message).toBe("Le nombre de décimales d'« ARRONDI » doit être un entier de 0 à 6");
    expect(error("ARRONDI(encours; délai_paiement)").message).toBe("Le nombre de décimales d'« ARRONDI » doit être un entier de 0 à 6");
    expect(typed("ABS(échu - encours)")).toMatchObject({ fn: "abs" });
    expect(typed("ESTVIDE(limite_crédit)")).toMatchObject({ t: "boolean", fn: "isblank" });
    expect(typed("ESTVIDE(score)")).toMatchObject({ t: "boolean", fn: "isblank" });
    expect(error("ABS(1; 2)").message).toBe("« ABS » attend 1 argument");
    expect(error("NON(1)").message).toBe("Types incompatibles : « NON » attend une valeur oui/non, pas un nombre");
    expect(error("CNUM(encours)").message).toBe("Types incompatibles : « CNUM » attend un texte, pas un nombre");
    expect(typed("somme(pièces.ouvert)")).toMatchObject({ fn: "sum" });
  });
});
