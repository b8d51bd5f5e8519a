import {
  AlertTriangle,
  CircleCheck,
  CirclePause,
  CirclePlay,
  FileText,
  FileUp,
  Gavel,
  HandCoins,
  ListTodo,
  Mail,
  MessageCircle,
  MessageSquare,
  Phone,
  UserRoundCog,
  Users,
} from "lucide-react";
import { CommentForm } from "@/components/clients/comment-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { TIMELINE_LIMIT, type TimelineEvent } from "@/db/queries/client-timeline";
import { type ActionOutcome, actionOutcomeLabels, actionStatusLabels, actionTypeLabels, promiseStatusLabels } from "@/lib/collection/labels";
import { type DisputeOutcome, disputeOutcomeLabels } from "@/lib/disputes/labels";
import { formatDate, formatDateTime, formatMoney } from "@/lib/format/fr";
import { cn } from "@/lib/utils";

type Icon = typeof Phone;
const actionIcons: Record<string, Icon> = { call: Phone, email: Mail, letter: FileText, sms: MessageSquare, task: ListTodo, formal_notice: Gavel };
const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? "s" : ""}`;

type View = { icon: Icon; tone: string; title: string; badge?: { label: string; variant: "success" | "warning" | "destructive" | "secondary" }; lines: string[] };

/** How each kind of event reads: an icon, a title, an optional status and the details below. */
function describe(e: TimelineEvent): View {
  switch (e.kind) {
    case "action": {
      const variant = e.status === "error" ? "destructive" : e.status === "cancelled" ? "secondary" : e.status === "simulated" ? "warning" : "success";
      return {
        icon: actionIcons[e.subject ?? ""] ?? ListTodo,
        tone: e.status === "error" ? "bg-destructive/10 text-destructive" : "bg-primary/10 text-primary",
        title: actionTypeLabels[e.subject ?? ""] ?? "Action",
        badge: { label: actionStatusLabels[e.status ?? ""] ?? e.status ?? "", variant },
        // A call's outcome is stored as its code; a sent action's subject as written.
        lines: [e.body && (actionOutcomeLabels[e.body as ActionOutcome] ?? e.body), e.note].filter((l): l is string => Boolean(l)),
      };
    }
    case "comment":
      return { icon: MessageCircle, tone: "bg-info/10 text-info", title: "Commentaire", lines: [e.body ?? ""] };
    case "promise":
      return {
        icon: HandCoins,
        tone: "bg-success/12 text-success",
        title: `Promesse de règlement de ${formatMoney(e.amount)} pour le ${formatDate(e.date)}`,
        badge: { label: promiseStatusLabels[e.status ?? ""] ?? "", variant: e.status === "broken" ? "destructive" : e.status === "kept" ? "success" : "secondary" },
        lines: [],
      };
    case "dispute_opened":
      return { icon: AlertTriangle, tone: "bg-warning/25 text-warning-foreground", title: `Litige ouvert sur ${e.subject ?? "le compte"}`, lines: e.body ? [`Motif : ${e.body}`] : [] };
    case "dispute_closed": {
      const outcome = disputeOutcomeLabels[e.status as DisputeOutcome];
      return {
        icon: CircleCheck,
        tone: "bg-success/12 text-success",
        title: `${outcome ? "Litige résolu" : "Litige levé"} sur ${e.subject ?? "le compte"}`,
        lines: [outcome && `Résultat : ${outcome}`, e.body && `Motif initial : ${e.body}`].filter((l): l is string => Boolean(l)),
      };
    }
    case "import": {
      const created = e.created ?? 0;
      const count = e.documents ?? 0;
      return {
        icon: FileUp,
        tone: "bg-muted text-muted-foreground",
        title: `Import « ${e.subject} »`,
        lines: [`${plural(count, "pièce")} du client${created > 0 ? `, dont ${plural(created, "nouvelle")}` : ""}`],
      };
    }
    case "assignment": {
      const role = e.subject === "salesRep" ? "Commercial" : "Chargé de recouvrement";
      return {
        icon: UserRoundCog,
        tone: "bg-muted text-muted-foreground",
        title: e.body ? `${role} : ${e.body}` : `${role} retiré`,
        badge: e.status === "transfer" ? { label: "Transfert de portefeuille", variant: "secondary" } : undefined,
        lines: e.note ? [`Auparavant : ${e.note}`] : [],
      };
    }
    case "group":
      return { icon: Users, tone: "bg-muted text-muted-foreground", title: e.body ? `Groupe forcé : ${e.body}` : "Groupe de nouveau calculé selon ses critères", lines: [] };
    case "pause":
      return {
        icon: CirclePause,
        tone: "bg-warning/25 text-warning-foreground",
        title: e.date ? `Suspension des relances jusqu'au ${formatDate(e.date)}` : "Suspension des relances",
        lines: e.body ? [e.body] : [],
      };
    case "resume":
      return { icon: CirclePlay, tone: "bg-success/12 text-success", title: "Reprise des relances", lines: [] };
  }
}

const sentChannels = new Set(["email", "letter", "sms", "formal_notice"]);

/** What a sent action sent: its e-mail, letter PDF or SMS, as it went out. */
function sentContentHref(e: TimelineEvent): string | null {
  if (e.kind !== "action" || (e.status !== "sent" && e.status !== "simulated") || !sentChannels.has(e.subject ?? "")) return null;
  return `/relance/actions/${e.key.slice("action:".length)}/apercu`;
}

export function ClientTimeline({
  clientId,
  events,
  canComment,
  canOpenSent = false,
}: {
  clientId: string;
  events: TimelineEvent[];
  canComment: boolean;
  /** Links sent actions to what they sent (the preview route needs relance.work). */
  canOpenSent?: boolean;
}) {
  return (
    <Card>
      <CardHeader className="pb-3">
        <CardTitle>Historique</CardTitle>
      </CardHeader>
      <CardContent className="space-y-6">
        {canComment && <CommentForm clientId={clientId} />}
        {events.length === 0 ? (
          <p className="text-sm text-muted-foreground">Aucun événement : les relances, commentaires, promesses, litiges, imports et changements de portefeuille de ce client s&apos;afficheront ici.</p>
        ) : (
          <ol className="relative space-y-5 before:absolute before:top-2 before:bottom-2 before:left-4 before:w-px before:bg-border" aria-label="Historique du client">
            {events.map((event) => {
              const view = describe(event);
              return (
                <li key={event.key} className="relative flex gap-3">
                  <span className={cn("relative z-10 flex size-8 shrink-0 items-center justify-center rounded-full ring-4 ring-card", view.tone)}>
                    <view.icon className="size-4" aria-hidden="true" />
                  </span>
                  <div className="min-w-0 flex-1 pt-1 text-sm">
                    <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                      <p className="font-medium">{view.title}</p>
                      {view.badge && <Badge variant={view.badge.variant}>{view.badge.label}</Badge>}
                    </div>
                    <p className="text-xs text-muted-foreground">
                      <time dateTime={event.at}>{formatDateTime(event.at)}</time>
                      {event.actor && ` · ${event.actor}`}
                    </p>
                    {canOpenSent && sentContentHref(event) && (
                      <a href={sentContentHref(event)!} target="_blank" rel="noopener" className="mt-1 inline-block text-primary underline-offset-4 hover:underline">
                        {event.subject === "email" ? "Voir l'e-mail" : event.subject === "sms" ? "Voir le SMS" : "Voir le courrier (PDF)"}
                        {event.status === "simulated" ? " (simulé, non envoyé)" : event.subject === "email" || event.subject === "sms" ? " envoyé" : ""}
                      </a>
                    )}
                    {view.lines.map((line, i) => (
                      <p key={i} className={cn("mt-1 break-words whitespace-pre-wrap", event.kind === "comment" && "rounded-md bg-muted px-3 py-2")}>
                        {line}
                      </p>
                    ))}
                  </div>
                </li>
              );
            })}
          </ol>
        )}
        {events.length >= TIMELINE_LIMIT && <p className="text-xs text-muted-foreground">Seuls les {TIMELINE_LIMIT} derniers événements sont affichés.</p>}
      </CardContent>
    </Card>
  );
}
