import { FileText, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { TemplateChannelBadge } from "@/components/relance/template-channel-badge";
import { TemplateRowActions } from "@/components/relance/template-row-actions";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listTemplates } from "@/db/queries/templates";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime, formatInteger } from "@/lib/format/fr";
import { channelLabels, isTemplateChannel, templateChannels } from "@/lib/templates/channels";
import { cn } from "@/lib/utils";

export const metadata: Metadata = { title: "Modèles" };

function NewTemplateMenu() {
  return (
    // Not modal: a modal menu hides the page from screen readers while its links stay focusable behind it.
    <DropdownMenu modal={false}>
      <DropdownMenuTrigger asChild>
        <Button>
          <Plus aria-hidden="true" /> Nouveau modèle
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        {templateChannels.map((c) => (
          <DropdownMenuItem key={c} asChild>
            <Link href={`/relance/modeles/nouveau?canal=${c}`}>{channelLabels[c]}</Link>
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

export default async function TemplatesPage({ searchParams }: { searchParams: Promise<{ canal?: string }> }) {
  const { db } = await requireUser("relance.configure");
  const { canal } = await searchParams;
  const channel = isTemplateChannel(canal) ? canal : null;
  const all = await listTemplates(db);
  const shown = channel ? all.filter((t) => t.channel === channel) : all;
  const count = (c: string | null) => (c ? all.filter((t) => t.channel === c).length : all.length);
  const filters = [{ key: null, label: "Tous" }, ...templateChannels.map((c) => ({ key: c, label: channelLabels[c] }))];

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Modèles</h1>
          <p className="text-sm text-muted-foreground">Textes des e-mails, courriers et SMS de relance, complétés pour chaque client par des champs.</p>
        </div>
        <NewTemplateMenu />
      </div>
      {all.length === 0 ? (
        <EmptyState
          icon={FileText}
          title="Aucun modèle"
          description="Rédigez un premier modèle d'e-mail, de courrier ou de SMS : les étapes des scénarios s'en servent pour relancer vos clients."
          action={<NewTemplateMenu />}
        />
      ) : (
        <>
          <nav aria-label="Filtrer par canal" className="flex flex-wrap gap-2">
            {filters.map((f) => (
              <Link
                key={f.label}
                href={f.key ? `/relance/modeles?canal=${f.key}` : "/relance/modeles"}
                aria-current={f.key === channel ? "page" : undefined}
                className={cn(
                  "rounded-full border px-3 py-1 text-sm outline-none transition-colors focus-visible:ring-2 focus-visible:ring-ring",
                  f.key === channel ? "border-primary bg-primary text-primary-foreground" : "bg-background hover:bg-accent",
                )}
              >
                {f.label} <span className={cn("tabular", f.key === channel ? "opacity-80" : "text-muted-foreground")}>{formatInteger(count(f.key))}</span>
              </Link>
            ))}
          </nav>
          {shown.length === 0 ? (
            <EmptyState icon={FileText} title={`Aucun modèle ${channel === "letter" ? "de courrier" : channel === "sms" ? "de SMS" : "d'e-mail"}`} action={<Button asChild variant="outline"><Link href={`/relance/modeles/nouveau?canal=${channel}`}>Créer un modèle</Link></Button>} />
          ) : (
            <div className="rounded-lg border bg-card">
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead>Modèle</TableHead>
                    <TableHead>Canal</TableHead>
                    <TableHead>Objet</TableHead>
                    <TableHead>Utilisé par</TableHead>
                    <TableHead>Modifié le</TableHead>
                    <TableHead className="text-right">
                      <span className="sr-only">Actions</span>
                    </TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {shown.map((t) => (
                    <TableRow key={t.id}>
                      <TableCell className="font-medium">
                        <Link href={`/relance/modeles/${t.id}`} className="hover:underline">
                          {t.name}
                        </Link>
                      </TableCell>
                      <TableCell>
                        <TemplateChannelBadge channel={t.channel} />
                      </TableCell>
                      <TableCell className="max-w-sm truncate">{t.subject ?? <span className="text-muted-foreground">—</span>}</TableCell>
                      <TableCell className="max-w-xs whitespace-normal">
                        {t.scenarioNames.length > 0 ? (
                          <>
                            {t.scenarioNames.join(", ")}
                            <span className="block text-xs text-muted-foreground">
                              {formatInteger(t.steps)} étape{t.steps > 1 ? "s" : ""}
                            </span>
                          </>
                        ) : (
                          <span className="text-muted-foreground">Aucun scénario</span>
                        )}
                      </TableCell>
                      <TableCell className="tabular text-muted-foreground">{formatDateTime(t.updatedAt)}</TableCell>
                      <TableCell>
                        <TemplateRowActions id={t.id} name={t.name} usedBy={t.scenarioNames} />
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
        </>
      )}
    </div>
  );
}
