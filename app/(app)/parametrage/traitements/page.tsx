import type { Metadata } from "next";
import { RunJobButton } from "@/components/settings/run-job-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listJobRuns } from "@/db/queries/job-runs";
import { runsWithoutInput } from "@/inngest/define-job";
import type { DispatchReport } from "@/inngest/functions/send-action";
import { jobs } from "@/inngest/functions";
import { requireUser } from "@/lib/auth/session";
import type { EvaluationReport } from "@/lib/collection/evaluate";
import { inngestConfigured } from "@/lib/env";
import { formatDate, formatDateTime, formatDuration, formatInteger, formatMoney } from "@/lib/format/fr";

export const metadata: Metadata = { title: "Traitements planifiés" };

const statusBadge = {
  running: <Badge variant="info">En cours</Badge>,
  succeeded: <Badge variant="success">Réussi</Badge>,
  failed: <Badge variant="destructive">Échec</Badge>,
};

type NightlyReport = {
  evaluation: EvaluationReport;
  groups: { moved: number };
  sending?: DispatchReport;
  promises?: { kept: number; broken: number };
  /** Reports written before sending existed. */
  dueToSend?: number;
};

function sendingSummary({ sending, dueToSend }: NightlyReport): string {
  if (!sending) return `${formatInteger(dueToSend ?? 0)} envoi(s) à faire`;
  if (sending.queued > 0) return `${formatInteger(sending.queued)} envoi(s) confié(s) à Inngest`;
  const parts = [`${formatInteger(sending.sent)} envoi(s)`];
  if (sending.errors > 0) parts.push(`${formatInteger(sending.errors)} en erreur`);
  if (sending.deferred > 0) parts.push(`${formatInteger(sending.deferred)} reporté(s)`);
  return parts.join(", ");
}

function summary(report: Record<string, unknown>) {
  if (report.evaluation) {
    const nightly = report as NightlyReport;
    const { evaluation: e, groups, promises } = nightly;
    return [
      `${formatInteger(e.createdActions)} action(s) créée(s) couvrant ${formatInteger(e.coveredDocuments)} pièce(s)`,
      `${formatInteger(e.cancelledEmpty + e.cancelledOffScenario)} annulée(s)`,
      sendingSummary(nightly),
      ...(promises && promises.kept + promises.broken > 0
        ? [`promesses : ${formatInteger(promises.kept)} tenue(s), ${formatInteger(promises.broken)} non tenue(s)`]
        : []),
      `${formatInteger(groups.moved)} client(s) changé(s) de groupe`,
    ].join(" · ");
  }
  if (Array.isArray(report.files)) return `${report.files.length} fichier(s) importé(s) depuis le dossier de dépôt`;
  if (typeof report.clients !== "number") return "—";
  return `${formatInteger(report.clients)} clients · encours ${formatMoney(String(report.outstanding))} · échu ${formatMoney(String(report.overdue))}`;
}

export default async function JobsPage() {
  const { db } = await requireUser("jobs.run");
  const runs = await listJobRuns(db, 30);
  const names = new Map(jobs.map((job) => [job.id, job.name]));

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader>
          <CardTitle>Traitements</CardTitle>
          <CardDescription>
            {inngestConfigured
              ? "Les traitements sont orchestrés par Inngest."
              : "Les traitements s'exécutent dans l'application, selon leur planification (heure de Paris)."}
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-3">
          {jobs
            .filter(runsWithoutInput)
            .map((job) => (
            <div key={job.id} className="flex flex-wrap items-center justify-between gap-3 rounded-md border p-3">
              <div>
                <p className="font-medium">{job.name}</p>
                <p className="text-xs text-muted-foreground">
                  {job.cron?.label ?? job.onDemand?.label}
                </p>
              </div>
              <RunJobButton jobId={job.id} jobName={job.name} label="Lancer maintenant" />
            </div>
          ))}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Dernières exécutions</CardTitle>
        </CardHeader>
        <CardContent className="p-0">
          {runs.length === 0 ? (
            <EmptyState title="Aucune exécution pour le moment" description="La première aura lieu cette nuit, ou lancez-la maintenant." />
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Traitement</TableHead>
                  <TableHead>Date traitée</TableHead>
                  <TableHead>Début</TableHead>
                  <TableHead>Durée</TableHead>
                  <TableHead>Statut</TableHead>
                  <TableHead>Résultat</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {runs.map((run) => (
                  <TableRow key={run.id}>
                    <TableCell className="font-medium">{names.get(run.job) ?? run.job}</TableCell>
                    <TableCell>{formatDate(run.runDate)}</TableCell>
                    <TableCell>{formatDateTime(run.startedAt)}</TableCell>
                    <TableCell className="tabular">
                      {formatDuration(run.startedAt, run.finishedAt)}
                    </TableCell>
                    <TableCell>{statusBadge[run.status]}</TableCell>
                    <TableCell className="text-sm text-muted-foreground">{run.error ?? summary(run.report)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
