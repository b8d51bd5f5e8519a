"use client";

import { FileSpreadsheet, Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { commitImportAction } from "@/app/(app)/import/actions";
import { selectClassName } from "@/components/forms/field";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { Analysis } from "@/lib/import/analyze";
import { AnalysisPanel, type Choices } from "./analysis-panel";

type Kind = "clients" | "documents" | "fec" | "payments";
const kinds: { value: Kind; label: string; description: string }[] = [
  { value: "clients", label: "Clients", description: "Codes, raisons sociales, SIREN, adresses, chargés de recouvrement" },
  { value: "documents", label: "Pièces comptables", description: "Factures, avoirs et règlements non lettrés" },
  { value: "fec", label: "FEC", description: "Fichier des écritures comptables : comptes 411 et lettrage" },
  { value: "payments", label: "Règlements", description: "Encaissements reçus, affectés aux factures par numéro ou à la plus ancienne" },
];

type Upload = { uploadId: string; fileName: string; analysis: Analysis };

/** The import wizard: kind and file → detection and mapping with a validated preview → commit and result. */
export function ImportWizard({ profiles }: { profiles: { name: string; kind: Kind; mode?: "snapshot" | "incremental" }[] }) {
  const [kind, setKind] = useState<Kind>("documents");
  const [profile, setProfile] = useState("");
  const [mode, setMode] = useState<"snapshot" | "incremental">("incremental");
  const [terms, setTerms] = useState(30);
  const [upload, setUpload] = useState<Upload | null>(null);
  const [error, setError] = useState<string | null>(null);
  const router = useRouter();
  const [analyzing, startAnalyzing] = useTransition();
  const [committing, startCommitting] = useTransition();

  function analyze(form: FormData) {
    setError(null);
    form.set("mode", mode);
    startAnalyzing(async () => {
      const response = await fetch("/api/imports/analyze", { method: "POST", body: form });
      const body = await response.json();
      if (!response.ok) {
        setError(body.error ?? "Analyse impossible.");
        if (body.uploadId) setUpload(null);
        return;
      }
      setUpload(body);
    });
  }

  function reanalyze(choices: Choices) {
    if (!upload) return;
    const form = new FormData();
    form.set("kind", kind);
    form.set("uploadId", upload.uploadId);
    form.set("fileName", upload.fileName);
    for (const [key, value] of Object.entries(choices)) {
      if (value !== undefined) form.set(key, typeof value === "string" ? value : JSON.stringify(value));
    }
    analyze(form);
  }

  function commit(
    choices: Required<Pick<Choices, "headerRow" | "dateOrder" | "mapping">> & Choices,
    acceptRowErrors: boolean,
    saveProfileAs: string,
    confirmSettle: boolean,
  ) {
    if (!upload) return;
    startCommitting(async () => {
      const result = await commitImportAction(null, {
        uploadId: upload.uploadId,
        fileName: upload.fileName,
        kind,
        mode,
        acceptRowErrors,
        sheet: choices.sheet,
        encoding: choices.encoding,
        separator: choices.separator as ";" | "," | "\t" | "|" | undefined,
        headerRow: Number(choices.headerRow),
        dateOrder: choices.dateOrder,
        mapping: choices.mapping,
        fecDefaultTermsDays: kind === "fec" ? terms : undefined,
        saveProfileAs: saveProfileAs || undefined,
        swapExcelDates: choices.swapExcelDates,
        createClients: kind === "documents" ? choices.createClients : undefined,
        confirmSettle,
      });
      if (result.ok) router.push(`/import/${result.data.importId}`);
      else setError(result.error);
    });
  }

  // A payments file adds payments and never settles what it does not list: it is always incremental.
  function selectKind(next: Kind) {
    setKind(next);
    if (next === "payments") setMode("incremental");
  }

  // A profile replays the mode it was saved with; without one the wizard stays incremental, the safe default.
  function chooseProfile(name: string) {
    setProfile(name);
    setMode(profiles.find((p) => p.name === name)?.mode ?? "incremental");
  }

  function restart() {
    setUpload(null);
    setError(null);
  }

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader>
          <CardTitle>1. Quoi importer</CardTitle>
          <CardDescription>Choisissez le type de données puis déposez le fichier exporté de votre ERP.</CardDescription>
        </CardHeader>
        <CardContent>
          <form
            className="space-y-5"
            onSubmit={(event) => {
              event.preventDefault();
              const form = new FormData(event.currentTarget);
              form.set("kind", kind);
              if (profile) form.set("profile", profile);
              analyze(form);
            }}
          >
            <fieldset className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" disabled={Boolean(upload)}>
              <legend className="sr-only">Type d&apos;import</legend>
              {kinds.map((k) => (
                <label
                  key={k.value}
                  className="flex cursor-pointer gap-3 rounded-lg border p-4 has-[:checked]:border-primary has-[:checked]:bg-primary/5 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring"
                >
                  <input type="radio" name="kindChoice" value={k.value} checked={kind === k.value} onChange={() => selectKind(k.value)} className="mt-1 accent-primary" />
                  <span>
                    <span className="block font-medium">{k.label}</span>
                    <span className="block text-xs text-muted-foreground">{k.description}</span>
                  </span>
                </label>
              ))}
            </fieldset>
            {kind !== "fec" && profiles.some((p) => p.kind === kind) && (
              <div className="max-w-md space-y-1.5">
                <Label htmlFor="import-profile">Correspondance enregistrée</Label>
                <select id="import-profile" value={profile} onChange={(e) => chooseProfile(e.target.value)} className={selectClassName} disabled={Boolean(upload)}>
                  <option value="">Aucune : proposition automatique</option>
                  {profiles
                    .filter((p) => p.kind === kind)
                    .map((p) => (
                      <option key={p.name}>{p.name}</option>
                    ))}
                </select>
              </div>
            )}
            {kind !== "clients" && kind !== "payments" && (
              <div className="grid gap-4 sm:grid-cols-2">
                <div className="space-y-1.5">
                  <Label htmlFor="import-mode">Mode</Label>
                  <select id="import-mode" value={mode} onChange={(e) => setMode(e.target.value as typeof mode)} className={selectClassName} disabled={Boolean(upload)}>
                    <option value="snapshot">Photographie complète : les pièces absentes du fichier sont soldées</option>
                    <option value="incremental">Incrémental : ajoute et met à jour, ne solde rien</option>
                  </select>
                </div>
                {kind === "fec" && (
                  <div className="space-y-1.5">
                    <Label htmlFor="import-terms">Délai de paiement par défaut (jours)</Label>
                    <Input id="import-terms" type="number" min={0} max={365} value={terms} onChange={(e) => setTerms(Number(e.target.value))} disabled={Boolean(upload)} />
                  </div>
                )}
              </div>
            )}
            {!upload && (
              <div className="flex flex-wrap items-end gap-3">
                <div className="space-y-1.5">
                  <Label htmlFor="import-file">Fichier à importer</Label>
                  <Input id="import-file" name="file" type="file" accept=".xlsx,.csv,.txt" required className="w-96" />
                </div>
                <Button type="submit" disabled={analyzing}>
                  <Upload className="size-4" aria-hidden="true" /> {analyzing ? "Analyse…" : "Analyser le fichier"}
                </Button>
              </div>
            )}
            {upload && (
              <p className="flex items-center gap-2 text-sm">
                <FileSpreadsheet className="size-4 text-primary" aria-hidden="true" />
                <span className="font-medium">{upload.fileName}</span>
                <Button type="button" variant="link" size="sm" onClick={restart}>
                  Changer de fichier
                </Button>
              </p>
            )}
          </form>
        </CardContent>
      </Card>
      {error && (
        <Alert variant="destructive" role="alert">
          <AlertTitle>Import impossible</AlertTitle>
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      )}
      {upload && (
        <AnalysisPanel
          key={upload.uploadId}
          kind={kind}
          analysis={upload.analysis}
          busy={analyzing}
          committing={committing}
          onChange={reanalyze}
          onCommit={commit}
        />
      )}
    </div>
  );
}
