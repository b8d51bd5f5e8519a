import { describe, expect, test } from "vitest";
import type { Expr } from "./ast";
import { parseFormula } from "./parse";

function parse(text: string): Expr {
  const result = parseFormula(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.expr;
}

/** The tree without positions, in a compact prefix notation, to read precedence at a glance. */
function shape(expr: Expr): string {
  switch (expr.kind) {
    case "number": return String(expr.value);
    case "string": return JSON.stringify(expr.value);
    case "duration": return `${expr.value.amount}${expr.value.unit}`;
    case "name": return expr.name;
    case "ref": return `[${expr.name}]`;
    case "call": return `${expr.name}(${expr.args.map(shape).join("; ")})`;
    case "unary": return `(${expr.op} ${shape(expr.operand)})`;
    case "percent": return `(% ${shape(expr.operand)})`;
    case "binary": return `(${expr.op} ${shape(expr.left)} ${shape(expr.right)})`;
  }
}

const error = (text: string) => {
  const result = parseFormula(text);
  if (result.ok) throw new Error(`« ${text} » should not parse`);
  return result.error;
};

describe("parseFormula", () => {
  test("precedence and associativity", () => {
    expect(shape(parse("1 + 2 * 3"))).toBe("(+ 1 (* 2 3))");
    expect(shape(parse("(1 + 2) * 3"))).toBe("(* (+ 1 2) 3)");
    expect(shape(parse("-2 %"))).toBe("(- (% 2))");
    expect(shape(parse("a = b + 1"))).toBe("(= a (+ b 1))");
    expect(shape(parse("10 - 4 - 3"))).toBe("(- (- 10 4) 3)");
    expect(shape(parse("8 / 4 / 2"))).toBe("(/ (/ 8 4) 2)");
    expect(shape(parse("- - 1"))).toBe("(- (- 1))");
    expect(shape(parse("2 × 3 − 1"))).toBe("(- (* 2 3) 1)");
    expect(shape(parse("a + b > c * 2"))).toBe("(> (+ a b) (* c 2))");
  });

  test("every comparison operator, with its Unicode spellings", () => {
    const ops = { "=": "=", "<>": "<>", "≠": "<>", "<": "<", ">": ">", "<=": "<=", "≤": "<=", ">=": ">=", "≥": ">=" };
    for (const [typed, op] of Object.entries(ops)) expect(shape(parse(`a ${typed} 1`))).toBe(`(${op} a 1)`);
  });

  test("comparisons do not chain", () => {
    expect(error("a < b < c")).toEqual({
      message: "Comparaisons enchaînées : écrivez ET(a < b; b < c) ou ajoutez des parenthèses", start: 6, end: 7,
    });
    expect(error("SI(a = b = c; 1)")).toMatchObject({ start: 9, end: 10 });
    expect(shape(parse("(a < b) = VRAI"))).toBe("(= (< a b) VRAI)");
  });

  test("numbers with a decimal comma or dot", () => {
    expect(parse("0,5")).toEqual({ kind: "number", value: 0.5, start: 0, end: 3 });
    expect(parse("0.5")).toMatchObject({ value: 0.5 });
    expect(parse("1E3")).toMatchObject({ value: 1000 });
    expect(shape(parse("ARRONDI(1,25; 1)"))).toBe("ARRONDI(1.25; 1)");
  });

  test("strings with doubled quotes", () => {
    expect(parse('"dit ""oui"""')).toEqual({ kind: "string", value: 'dit "oui"', start: 0, end: 13 });
    expect(parse('""')).toMatchObject({ value: "" });
  });

  test("durations in every unit", () => {
    expect(parse("90 j")).toEqual({ kind: "duration", value: { amount: 90, unit: "day" }, start: 0, end: 4 });
    expect(shape(parse("90j"))).toBe("90day");
    expect(shape(parse("2 jours"))).toBe("2day");
    expect(shape(parse("1 JOUR"))).toBe("1day");
    expect(shape(parse("4 sem"))).toBe("4week");
    expect(shape(parse("3 semaines"))).toBe("3week");
    expect(shape(parse("6 mois"))).toBe("6month");
    expect(shape(parse("1 an"))).toBe("1year");
    expect(shape(parse("2 ans"))).toBe("2year");
  });

  test("names, dotted pièce fields, references and calls keep their spans", () => {
    expect(parse("pièces.ouvert")).toEqual({ kind: "name", name: "pièces.ouvert", start: 0, end: 13 });
    expect(parse("[Taux d'échu 90 j glissants]")).toEqual({ kind: "ref", name: "Taux d'échu 90 j glissants", start: 0, end: 28 });
    const call = parse("SOMME(pièces.ouvert; pièces.retard > 30)");
    expect(shape(call)).toBe("SOMME(pièces.ouvert; (> pièces.retard 30))");
    expect(call).toMatchObject({ start: 0, end: 40, nameSpan: { start: 0, end: 5 } });
    if (call.kind !== "call") throw new Error();
    expect(call.args[1]).toMatchObject({ start: 21, end: 39 });
    expect(parse("DBT()")).toMatchObject({ kind: "call", args: [] });
    expect(parse("-x")).toMatchObject({ start: 0, end: 2 });
    expect(parse("30 %")).toMatchObject({ kind: "percent", start: 0, end: 4 });
  });

  test("the issue's and seeded examples parse", () => {
    expect(shape(parse("MOYENNE(échu; 90 j) / MOYENNE(encours; 90 j)"))).toBe("(/ MOYENNE(échu; 90day) MOYENNE(encours; 90day))");
    expect(shape(parse("MOYENNE(encours; 6 mois)"))).toBe("MOYENNE(encours; 6month)");
    expect(shape(parse("DSO(90 j)"))).toBe("DSO(90day)");
    expect(shape(parse("NB(pièces; échue)"))).toBe("NB(pièces; échue)");
    expect(shape(parse("DBT(90 j) + CEI(3 mois) + VENTES(12 mois)"))).toBe("(+ (+ DBT(90day) CEI(3month)) VENTES(12month))");
  });

  test("French errors with their positions", () => {
    const cases: [string, string, number, number][] = [
      ["(1 + 2", "Parenthèse fermante manquante", 0, 1],
      ["SOMME(pièces.ouvert", "Parenthèse fermante manquante", 5, 6],
      ["1 + 2)", "Parenthèse fermante en trop", 5, 6],
      ["SOMME(a b)", "Séparateur « ; » manquant avant « b »", 8, 9],
      ["(a b)", "Opérateur manquant avant « b »", 3, 4],
      ["1 +", "Formule incomplète après « + »", 3, 3],
      ["SOMME(;a)", "Valeur manquante avant « ; »", 6, 7],
      ["SOMME(a;)", "Valeur manquante avant « ) »", 8, 9],
      ["= 3", "« = » inattendu : une valeur est attendue", 0, 1],
      ["a; b", "« ; » inattendu : il ne sépare que les arguments d'une fonction", 1, 2],
      ["encours $ 2", "Caractère inattendu : « $ »", 8, 9],
      ["a € b", "Caractère inattendu : « € »", 2, 3],
      ['"abc', "Guillemet fermant manquant", 0, 4],
      ["[Taux", "Crochet fermant manquant", 0, 5],
      ["[ ]", "Nom de colonne manquant entre les crochets", 0, 3],
      ["3 moi", "Opérateur manquant avant « moi »", 2, 5],
      ["", "La formule est vide", 0, 0],
      ["1 000", "Opérateur manquant avant « 000 »", 2, 5],
      ["1,", "Caractère inattendu : « , »", 1, 2],
    ];
    for (const [text, message, start, end] of cases) expect(error(text), text).toEqual({ message, start, end });
    expect(error("'texte'").message).toBe("Caractère inattendu : « ' ». Les textes s'écrivent entre guillemets droits : \"texte\"");
  });

  test("size limits", () => {
    expect(error("1 + ".repeat(500) + "1")).toEqual({ message: "La formule dépasse 2 000 caractères", start: 2000, end: 2001 });
    expect(error(`"${"x".repeat(201)}"`)).toEqual({ message: "Texte trop long (200 caractères au plus)", start: 0, end: 203 });
    expect(parseFormula(`"${"x".repeat(200)}"`).ok).toBe(true);
    expect(error("(".repeat(40) + "1" + ")".repeat(40))).toMatchObject({ message: "Trop de parenthèses imbriquées (32 au plus)", start: 32 });
    expect(parseFormula("-".repeat(1500) + "1").ok).toBe(true);
  });

  test("injection-looking input is a plain literal or refused", () => {
    expect(parse(`"'); drop table clients; --"`)).toEqual({ kind: "string", value: "'); drop table clients; --", start: 0, end: 28 });
    expect(parse("[encours; drop table clients]")).toMatchObject({ kind: "ref", name: "encours; drop table clients" });
    expect(error("encours; drop table clients")).toMatchObject({ start: 7, end: 8 });
    expect(error("1e309")).toEqual({ message: "Nombre trop grand : « 1e309 » (1 000 000 000 000 au plus)", start: 0, end: 5 });
    expect(error("1000000000001").message).toMatch(/^Nombre trop grand/);
    expect(error("1 or 1=1")).toEqual({ message: "Opérateur manquant avant « or »", start: 2, end: 4 });
    // `--` is two minus signs here, not a comment: the checker then refuses the unknown name.
    expect(shape(parse("encours -- commentaire"))).toBe("(- encours (- commentaire))");
    expect(error("encours /* x */")).toMatchObject({ message: "« * » inattendu : une valeur est attendue" });
  });
});
