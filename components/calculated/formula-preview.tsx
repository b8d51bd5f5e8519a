"use client";

import { useEffect, useRef, useState } from "react";
import { type FormulaPreview as Preview, previewCalculatedColumnAction } from "@/app/(app)/parametrage/colonnes/actions";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { CalculatedColumnType } from "@/db/schema/calculated";
import type { FormulaError } from "@/lib/formulas/ast";
import { formatCalculated } from "@/lib/formulas/display";

type Draft = { id?: string; name: string; type: CalculatedColumnType; formula: string };

/**
 * `onError` must be stable (a state setter). The preview of a draft formula, asked of the server once typing pauses: its error (for the field) or ten clients
 * of the user's scope. Answers to older drafts are dropped.
 */
export function useFormulaPreview(draft: Draft, onError: (error: FormulaError | null) => void) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [answered, setAnswered] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const latest = useRef(0);
  const { id, name, type, formula } = draft;
  const key = JSON.stringify([id, name, type, formula]);

  useEffect(() => {
    const ticket = ++latest.current;
    const timer = setTimeout(async () => {
      const result = await previewCalculatedColumnAction(null, { id, name, type, formula }).catch(() => null);
      if (ticket !== latest.current) return;
      setAnswered(key);
      if (!result || !result.ok) {
        setFailure(result?.error ?? "L'aperçu n'a pas pu être calculé.");
        return;
      }
      setFailure(null);
      setPreview(result.data);
      onError(result.data.kind === "error" ? result.data.error : null);
    }, 400);
    return () => clearTimeout(timer);
  }, [key, id, name, type, formula, onError]);

  return { preview, loading: answered !== key, failure };
}

export function FormulaPreview({ type, preview, loading, failure }: { type: CalculatedColumnType; preview: Preview | null; loading: boolean; failure: string | null }) {
  const status = loading ? "Calcul de l'aperçu…" : failure;
  return (
    <section aria-labelledby="formula-preview-title" aria-busy={loading} className="space-y-2">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="formula-preview-title" className="text-sm font-medium">
          Aperçu sur dix clients de votre portefeuille
        </h2>
        <p role="status" className="text-xs text-muted-foreground">
          {status}
        </p>
      </div>
      {preview?.kind === "rows" && preview.rows.length > 0 ? (
        <div className={loading ? "rounded-lg border bg-card opacity-60 transition-opacity" : "rounded-lg border bg-card"}>
          <Table aria-label="Aperçu de la colonne">
            <TableHeader>
              <TableRow>
                <TableHead>Code</TableHead>
                <TableHead>Client</TableHead>
                <TableHead className="text-right">Valeur</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {preview.rows.map((row) => (
                <TableRow key={row.id}>
                  <TableCell className="font-mono text-xs">{row.code}</TableCell>
                  <TableCell>{row.name}</TableCell>
                  <TableCell className="tabular text-right">{formatCalculated(type, row.value)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : (
        <p className="rounded-lg border border-dashed px-4 py-6 text-center text-sm text-muted-foreground">
          {preview?.kind === "rows"
            ? "Aucun client dans votre portefeuille."
            : preview?.kind === "error"
              ? "Corrigez la formule pour voir l'aperçu."
              : "Écrivez une formule : les valeurs de dix clients s'afficheront ici."}
        </p>
      )}
      {preview?.kind === "rows" && (
        <p className="text-xs text-muted-foreground">
          {preview.materialised
            ? "Colonne lue sur les pièces ou l'historique : ses valeurs sont calculées chaque nuit et après chaque import."
            : "Colonne lue sur la fiche du client seulement : calculée à la volée."}
        </p>
      )}
    </section>
  );
}
