/**
 * Checks of a file against what is already stored, run on the staged documents before anything is written: the
 * share of the book a snapshot would settle, and numbers that only differ from stored ones by leading zeros.
 */
import type { Tx } from "@/db/client";
import { paddedNumberCollisions, type SnapshotImpact, snapshotImpact } from "@/db/queries/import-inspect";
import { formatInteger, formatMoney, formatPercent } from "@/lib/format/fr";
import { type ImportWarning, importWarning } from "./warnings";

/** Above this share of a société's open items (by count or by amount), a snapshot must be confirmed. */
export const SNAPSHOT_SAFE_SHARE = 0.2;

export type SnapshotCheck = { impacts: SnapshotImpact[]; needsConfirmation: boolean; message: string | null };
export type StoredChecks = { warnings: ImportWarning[]; snapshot: SnapshotCheck | null };

export async function checkAgainstStored(tx: Tx, mode: "snapshot" | "incremental"): Promise<StoredChecks> {
  const collisions = await paddedNumberCollisions(tx);
  const warnings: ImportWarning[] = [];
  if (collisions.length > 0) {
    const examples = collisions.slice(0, 3).map((c) => `« ${c.number} » / « ${c.stored} »`).join(", ");
    warnings.push(
      importWarning(
        "padded_number_collision",
        `${formatInteger(collisions.length)} numéro(s) de pièce ne diffèrent d'un numéro déjà enregistré que par des zéros ` +
          `en tête (${examples}) : probablement la même pièce importée deux fois sous deux formes.`,
        collisions.length,
        collisions.map((c) => c.row),
      ),
    );
  }
  return { warnings, snapshot: mode === "snapshot" ? judgeSnapshot(await snapshotImpact(tx)) : null };
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

export function judgeSnapshot(impacts: SnapshotImpact[]): SnapshotCheck {
  const risky = impacts.filter(
    (i) =>
      i.settleCount > 0 &&
      (share(i.settleCount, i.openCount) > SNAPSHOT_SAFE_SHARE ||
        share(Number(i.settleAmount), Number(i.openAmount)) > SNAPSHOT_SAFE_SHARE),
  );
  const settleCount = impacts.reduce((sum, i) => sum + i.settleCount, 0);
  const describe = (i: SnapshotImpact) =>
    `${formatInteger(i.settleCount)} pièce(s) ouverte(s) sur ${formatInteger(i.openCount)} de la société ${i.entityCode} ` +
    `pour ${formatMoney(i.settleAmount)} (${formatPercent(share(Number(i.settleAmount), Number(i.openAmount)))} de son encours)`;
  if (settleCount === 0) return { impacts, needsConfirmation: false, message: "La photographie complète ne soldera aucune pièce." };
  return {
    impacts,
    needsConfirmation: risky.length > 0,
    message:
      `La photographie complète soldera ${impacts.filter((i) => i.settleCount > 0).map(describe).join(" ; ")}.` +
      (risky.length > 0 ? ` C'est plus de ${formatPercent(SNAPSHOT_SAFE_SHARE)} du portefeuille : confirmez que le fichier est complet.` : ""),
  };
}
