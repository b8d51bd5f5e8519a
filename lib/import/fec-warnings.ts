/** What a FEC says about itself that an admin should know before trusting the figures drawn from it. */
import type { ImportWarning } from "@/db/schema";
import { formatDate, formatInteger, formatMoney } from "@/lib/format/fr";
import { addDaysToDate, parseDate } from "./date";
import { fromCents } from "./decimal";
import { type FecLine, isUnusableEntryNum } from "./fec";
import type { UnbalancedGroup } from "./fec-lettering";
import type { ClientRow } from "./rows";
import { importWarning } from "./warnings";

const PAYMENT_CHANNEL =
  /\b(?:recettes?|esp[eè]ces|caisse|cb|carte bancaire|cartes? bleues?|ch[eè]ques?|virements?|tpe|stripe|paypal|sumup|comptant|ventes? comptoir)\b/i;
// Name of a FEC file: SIREN + "FEC" + closing date of the fiscal year (article A47 A-1 du LPF).
const FILE_CLOSING_DATE = /FEC(\d{8})/i;

type FecStats = {
  lines: number;
  unusableEntryNums: number;
  emptyValidDates: number;
  emptyValidDateRows: number[];
  firstDate: string;
  lastDate: string;
  closingDate: string | null;
};

export function createFecStats(fileName: string | undefined) {
  const name = fileName ? FILE_CLOSING_DATE.exec(fileName) : null;
  const closing = name ? parseDate(name[1]) : null;
  const stats: FecStats = {
    lines: 0, unusableEntryNums: 0, emptyValidDates: 0, emptyValidDateRows: [], firstDate: "", lastDate: "",
    closingDate: closing?.ok ? closing.value : null,
  };
  return {
    add(line: FecLine) {
      stats.lines++;
      if (isUnusableEntryNum(line.EcritureNum)) stats.unusableEntryNums++;
      if (line.ValidDate === "") {
        stats.emptyValidDates++;
        if (stats.emptyValidDateRows.length < 5) stats.emptyValidDateRows.push(line.row);
      }
      const date = parseDate(line.EcritureDate);
      if (date.ok && date.value) {
        if (!stats.firstDate || date.value < stats.firstDate) stats.firstDate = date.value;
        if (date.value > stats.lastDate) stats.lastDate = date.value;
      }
    },
    result: () => stats,
  };
}

export function fecWarnings(
  stats: FecStats,
  unbalanced: readonly UnbalancedGroup[],
  clients: readonly ClientRow[],
): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  if (unbalanced.length > 0) {
    const residual = unbalanced.reduce((sum, g) => sum + (g.residualCents < 0n ? -g.residualCents : g.residualCents), 0n);
    const plural = unbalanced.length > 1;
    warnings.push(
      importWarning(
        "fec_unbalanced_lettering",
        `${formatInteger(unbalanced.length)} groupe${plural ? "s" : ""} de lettrage ne s'équilibre${plural ? "nt" : ""} pas ` +
          `dans le fichier (écart total ${formatMoney(fromCents(residual))}) : lettré${plural ? "s" : ""} contre des pièces ` +
          "absentes du fichier, souvent un à-nouveau global. Le reste est laissé ouvert sur les pièces les plus récentes.",
        unbalanced.length,
        unbalanced.map((g) => g.rows[0]),
        fromCents(residual),
      ),
    );
  }
  const channels = clients.filter((c) => PAYMENT_CHANNEL.test(c.name));
  if (channels.length > 0) {
    const names = channels.slice(0, 3).map((c) => `« ${c.name} » (${c.code})`).join(", ");
    warnings.push(
      importWarning(
        "fec_payment_channel_accounts",
        `${formatInteger(channels.length)} compte${channels.length > 1 ? "s" : ""} auxiliaire${channels.length > 1 ? "s" : ""} ` +
          `ressemble${channels.length > 1 ? "nt" : ""} à un moyen de paiement plutôt qu'à un client : ${names}` +
          `${channels.length > 3 ? "…" : ""}. Vérifiez qu'il s'agit bien de clients à relancer.`,
        channels.length,
        channels.map((c) => c.row),
      ),
    );
  }
  if (stats.lines > 0 && stats.unusableEntryNums === stats.lines) {
    warnings.push(
      importWarning(
        "fec_entry_numbers_zero",
        "EcritureNum est vide ou nul sur toutes les lignes : chaque pièce est identifiée par son journal, sa PieceRef, " +
          "sa PieceDate et son groupe de lignes consécutives.",
        stats.lines,
      ),
    );
  } else if (stats.unusableEntryNums > 0) {
    warnings.push(
      importWarning(
        "fec_entry_numbers_zero",
        `EcritureNum est vide ou nul sur ${formatInteger(stats.unusableEntryNums)} ligne${stats.unusableEntryNums > 1 ? "s" : ""} : ` +
          "ces pièces sont identifiées par leur journal, leur PieceRef, leur PieceDate et leur groupe de lignes.",
        stats.unusableEntryNums,
      ),
    );
  }
  if (stats.emptyValidDates > 0) {
    warnings.push(
      importWarning(
        "fec_empty_valid_date",
        `ValidDate est vide sur ${formatInteger(stats.emptyValidDates)} ligne${stats.emptyValidDates > 1 ? "s" : ""} : ` +
          "écritures non validées (brouillard) ou export incomplet.",
        stats.emptyValidDates,
        stats.emptyValidDateRows,
      ),
    );
  }
  const closing = stats.closingDate;
  if (closing && stats.lastDate && (stats.lastDate > closing || stats.lastDate < addDaysToDate(closing, -366))) {
    warnings.push(
      importWarning(
        "fec_period_mismatch",
        `Les écritures vont du ${formatDate(stats.firstDate)} au ${formatDate(stats.lastDate)}, mais le nom du fichier ` +
          `indique une clôture au ${formatDate(closing)} : vérifiez qu'il s'agit du bon exercice.`,
        1,
      ),
    );
  }
  return warnings;
}
