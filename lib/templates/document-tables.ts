/** The documents clips: HTML tables for email and letter, a short list for SMS. */
import { formatDate, formatInteger, formatMoney } from "@/lib/format/fr";
import { escapeHtml } from "./escape-html";
import { money, type Prepared, type PreparedDocument } from "./prepare";

// Inline styles: email clients drop <style> blocks.
const tableStyle = "border-collapse:collapse;width:100%";
const cellStyle = "border:1px solid #d4d4d8;padding:4px 8px";
const numberStyle = `${cellStyle};text-align:right;white-space:nowrap`;

type Column = { label: string; numeric?: boolean };

function row(cells: string[], columns: Column[], tag: "td" | "th"): string {
  const html = cells.map(
    (cell, i) => `<${tag} style="${columns[i].numeric ? numberStyle : cellStyle}">${escapeHtml(cell)}</${tag}>`,
  );
  return `<tr>${html.join("")}</tr>`;
}

function table(columns: Column[], rows: string[][], total: string[]): string {
  const head = row(
    columns.map((c) => c.label),
    columns,
    "th",
  );
  const body = rows.map((cells) => row(cells, columns, "td")).join("");
  const foot = row(total, columns, "th");
  return `<table style="${tableStyle}"><thead>${head}</thead><tbody>${body}</tbody><tfoot>${foot}</tfoot></table>`;
}

// Credit notes and unapplied payments are owed to the client: they are never late.
const late = (d: PreparedDocument) => (d.overdue && !d.isCredit ? formatInteger(d.daysLate) : "—");

const creditLabels: Partial<Record<PreparedDocument["type"], string>> = {
  credit_note: "avoir",
  payment: "règlement non affecté",
};

export function documentsTableHtml(p: Prepared): string {
  if (p.documents.length === 0) return "<p>Aucune pièce.</p>";
  const columns: Column[] = [
    { label: "Numéro" },
    { label: "Date" },
    { label: "Échéance" },
    { label: "Montant", numeric: true },
    { label: "Reste dû", numeric: true },
    { label: "Jours de retard", numeric: true },
  ];
  const rows = p.documents.map((d) => [
    d.number,
    formatDate(d.issueDate),
    formatDate(d.dueDate),
    formatMoney(d.amount, d.currency),
    formatMoney(d.openAmount, d.currency),
    late(d),
  ]);
  return table(columns, rows, ["Total", "", "", money(p.amountCents), money(p.openCents), ""]);
}

export function penaltiesTableHtml(p: Prepared): string {
  const overdue = p.documents.filter((d) => d.bearsPenalty);
  if (overdue.length === 0) return "<p>Aucune facture échue.</p>";
  const columns: Column[] = [
    { label: "Numéro" },
    { label: "Échéance" },
    { label: "Reste dû", numeric: true },
    { label: "Jours de retard", numeric: true },
    { label: "Pénalités de retard", numeric: true },
    { label: "Indemnité forfaitaire", numeric: true },
  ];
  const rows = overdue.map((d) => [
    d.number,
    formatDate(d.dueDate),
    formatMoney(d.openAmount, d.currency),
    late(d),
    money(d.penaltyCents),
    money(d.indemnityCents),
  ]);
  return table(columns, rows, ["Total", "", "", "", money(p.penaltyCents), money(p.indemnityCents)]);
}

/** « FA-001 : 1 234,56 € (échue le 01/10/2026) », one line per document, at most `maxLines`, then « et 2 autres ». */
export function documentsListText(p: Prepared, maxLines: number): string {
  const lines = p.documents.slice(0, maxLines).map((d) => {
    const due = d.isCredit
      ? (creditLabels[d.type] ?? "en votre faveur")
      : `${d.overdue ? "échue le" : "échéance le"} ${formatDate(d.dueDate)}`;
    return `${d.number} : ${formatMoney(d.openAmount, d.currency)} (${due})`;
  });
  const rest = p.documents.length - lines.length;
  if (rest > 0) lines.push(`et ${rest} ${rest === 1 ? "autre" : "autres"}`);
  return lines.join("\n");
}
