"use client";

import { useState } from "react";
import { selectClassName } from "@/components/forms/field";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { Analysis } from "@/lib/import/analyze";
import { describeEncodingDetection } from "@/lib/import/encoding-evidence";
import { ENCODING_LABELS, type TextEncoding } from "@/lib/import/encoding-labels";
import { fieldsFor } from "@/lib/import/fields";
import { ColumnMapping } from "./column-mapping";
import { ImportWarnings } from "./import-warnings";
import { PreviewTable } from "./preview-table";

export type Choices = {
  sheet?: string;
  encoding?: TextEncoding;
  separator?: string;
  headerRow?: number;
  dateOrder?: "dmy" | "mdy";
  mapping?: Record<number, string>;
  swapExcelDates?: boolean;
  createClients?: boolean;
};

const separators: [string, string][] = [[";", "Point-virgule (;)"], [",", "Virgule (,)"], ["\t", "Tabulation"], ["|", "Barre verticale (|)"]];

export function AnalysisPanel({
  kind,
  analysis,
  busy,
  committing,
  onChange,
  onCommit,
}: {
  kind: "clients" | "documents" | "fec" | "payments";
  analysis: Analysis;
  busy: boolean;
  committing: boolean;
  onChange: (choices: Choices) => void;
  onCommit: (
    choices: Required<Pick<Choices, "headerRow" | "dateOrder" | "mapping">> & Choices,
    acceptRowErrors: boolean,
    saveProfileAs: string,
    confirmSettle: boolean,
  ) => void;
}) {
  const [acceptRowErrors, setAcceptRowErrors] = useState(false);
  const [profileName, setProfileName] = useState("");
  const [confirmSettle, setConfirmSettle] = useState(false);
  const needsConfirmation = analysis.snapshot?.needsConfirmation ?? false;
  const swapOffered = analysis.warnings.some((w) => w.code === "excel_dates_swap_suspected" || w.code === "excel_dates_swapped");
  const unknownClients = analysis.warnings.some((w) => w.code === "unknown_clients");
  const current = {
    sheet: analysis.layout.sheet,
    encoding: analysis.layout.encoding,
    separator: analysis.layout.separator,
    headerRow: analysis.headerRow,
    dateOrder: analysis.dateOrder,
    mapping: analysis.mapping,
    swapExcelDates: analysis.swapExcelDates,
    createClients: analysis.createClients,
  };
  const change = (patch: Choices) => onChange({ ...current, ...patch });
  const fields = kind === "fec" ? [] : fieldsFor(kind);

  return (
    <>
      <Card aria-busy={busy}>
        <CardHeader>
          <CardTitle>2. Lecture du fichier</CardTitle>
          <CardDescription>Détecté automatiquement ; corrigez si besoin, l&apos;aperçu se met à jour.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {analysis.layout.format === "xlsx" ? (
            <div className="space-y-1.5">
              <Label htmlFor="sheet">Feuille</Label>
              <select id="sheet" className={selectClassName} value={analysis.layout.sheet ?? analysis.sheets[0]} onChange={(e) => change({ sheet: e.target.value, headerRow: undefined, mapping: undefined })}>
                {analysis.sheets.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            </div>
          ) : (
            <>
              <div className="space-y-1.5">
                <Label htmlFor="encoding">Encodage</Label>
                <select id="encoding" className={selectClassName} value={analysis.layout.encoding} onChange={(e) => change({ encoding: e.target.value as TextEncoding })}>
                  {Object.entries(ENCODING_LABELS).map(([value, label]) => (
                    <option key={value} value={value}>{label}</option>
                  ))}
                </select>
                {analysis.encodingEvidence && <p className="text-xs text-muted-foreground">{describeEncodingDetection(analysis.encodingEvidence)}</p>}
              </div>
              <div className="space-y-1.5">
                <Label htmlFor="separator">Séparateur</Label>
                <select id="separator" className={selectClassName} value={analysis.layout.separator} onChange={(e) => change({ separator: e.target.value, headerRow: undefined, mapping: undefined })}>
                  {separators.map(([value, label]) => (
                    <option key={label} value={value}>{label}</option>
                  ))}
                </select>
              </div>
            </>
          )}
          <div className="space-y-1.5">
            <Label htmlFor="header-row">Ligne d&apos;en-tête</Label>
            <select id="header-row" className={selectClassName} value={analysis.headerRow} onChange={(e) => change({ headerRow: Number(e.target.value), mapping: undefined })}>
              {Array.from({ length: 20 }, (_, i) => (
                <option key={i} value={i}>Ligne {i + 1}</option>
              ))}
            </select>
          </div>
          {kind !== "fec" && (
            <div className="space-y-1.5">
              <Label htmlFor="date-order">Format des dates</Label>
              <select id="date-order" className={selectClassName} value={analysis.dateOrder} onChange={(e) => change({ dateOrder: e.target.value as "dmy" | "mdy" })}>
                <option value="dmy">Jour/mois/année (23/11/2026)</option>
                <option value="mdy">Mois/jour/année (11/23/2026)</option>
              </select>
            </div>
          )}
        </CardContent>
      </Card>

      {kind !== "fec" && (
        <Card>
          <CardHeader>
            <CardTitle>3. Correspondance des colonnes</CardTitle>
            <CardDescription>
              Proposée d&apos;après les noms de colonnes ; les champs marqués * sont obligatoires.
              {kind === "clients" &&
                " Une colonne sans équivalent peut être conservée comme champ personnalisé : elle s'affiche alors au choix dans la liste des clients."}
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {analysis.headers.map((header, column) => (
              <ColumnMapping
                key={column}
                kind={kind}
                column={column}
                header={header}
                value={analysis.mapping[column]}
                probable={analysis.probable.includes(column)}
                fields={fields}
                onChange={(key) => {
                  const mapping = { ...analysis.mapping };
                  if (key) mapping[column] = key;
                  else delete mapping[column];
                  change({ mapping });
                }}
              />
            ))}
          </CardContent>
        </Card>
      )}

      <Card>
        <CardHeader>
          <CardTitle>{kind === "fec" ? "3" : "4"}. Aperçu et validation</CardTitle>
          <CardDescription>
            {analysis.rows.length} premières lignes ;{" "}
            {analysis.previewErrors === 0 ? "aucune erreur détectée." : `${analysis.previewErrors} cellule(s) en erreur (en rouge, survolez pour le motif).`}
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          {analysis.mappingError && (
            <Alert variant="destructive" role="alert">
              <AlertDescription>{analysis.mappingError}</AlertDescription>
            </Alert>
          )}
          <ImportWarnings warnings={analysis.warnings} />
          {swapOffered && (
            <FileOption checked={analysis.swapExcelDates} disabled={busy} onChange={(swapExcelDates) => change({ swapExcelDates })}>
              Inverser jour et mois des dates Excel
            </FileOption>
          )}
          {kind === "documents" && (unknownClients || analysis.createClients) && (
            <FileOption checked={analysis.createClients} disabled={busy} onChange={(createClients) => change({ createClients })}>
              Créer les clients inconnus
            </FileOption>
          )}
          {analysis.snapshot?.message && (
            <Alert variant={needsConfirmation ? "destructive" : "default"} role={needsConfirmation ? "alert" : "status"}>
              <AlertDescription className="space-y-2">
                <p>{analysis.snapshot.message}</p>
                {needsConfirmation && (
                  <label className="flex items-center gap-2 font-medium">
                    <input type="checkbox" checked={confirmSettle} onChange={(e) => setConfirmSettle(e.target.checked)} className="accent-primary" />
                    Je confirme que le fichier est complet : solder les pièces absentes
                  </label>
                )}
              </AlertDescription>
            </Alert>
          )}
          <PreviewTable analysis={analysis} fields={fields} />
          <fieldset className="space-y-2 text-sm">
            <legend className="font-medium">Si des lignes sont en erreur</legend>
            <label className="flex items-center gap-2">
              <input type="radio" name="on-error" checked={!acceptRowErrors} onChange={() => setAcceptRowErrors(false)} className="accent-primary" />
              Refuser tout le fichier (rien n&apos;est modifié)
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="on-error" checked={acceptRowErrors} onChange={() => setAcceptRowErrors(true)} className="accent-primary" />
              Importer uniquement les lignes valides
            </label>
          </fieldset>
          {kind !== "fec" && (
            <div className="max-w-md space-y-1.5">
              <Label htmlFor="profile-name">Enregistrer cette correspondance sous le nom (facultatif)</Label>
              <Input id="profile-name" value={profileName} maxLength={100} placeholder="ex. Export Sage 100 — pièces" onChange={(e) => setProfileName(e.target.value)} />
            </div>
          )}
          {committing && (
            <div role="progressbar" aria-label="Import en cours" className="h-2 w-full overflow-hidden rounded-full bg-muted">
              <div className="h-full w-1/3 animate-pulse rounded-full bg-primary" />
            </div>
          )}
          <Button
            disabled={busy || committing || Boolean(analysis.mappingError) || (needsConfirmation && !confirmSettle)}
            onClick={() =>
              onCommit({ ...current, headerRow: analysis.headerRow, dateOrder: analysis.dateOrder, mapping: analysis.mapping }, acceptRowErrors, profileName.trim(), confirmSettle)
            }
          >
            {committing ? "Import en cours…" : "Importer"}
          </Button>
        </CardContent>
      </Card>
    </>
  );
}

/** An option a warning offers; ticking it analyses the file again with it, so the preview shows its effect. */
function FileOption({
  checked,
  disabled,
  onChange,
  children,
}: {
  checked: boolean;
  disabled: boolean;
  onChange: (checked: boolean) => void;
  children: React.ReactNode;
}) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} disabled={disabled} className="accent-primary" />
      {children}
    </label>
  );
}
