import { MessageSquare, NotebookPen } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FEED_PAGE_SIZE, listCommentsFeed } from "@/db/queries/comments-feed";
import { requireUser } from "@/lib/auth/session";
import { actionTypeLabels } from "@/lib/collection/labels";
import { formatDateTime } from "@/lib/format/fr";
import { AgendaTabs } from "@/components/relance/agenda/agenda-tabs";
import { RowLink } from "@/components/ui/row-link";

export const metadata: Metadata = { title: "Réponses et commentaires" };

const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export default async function CommentsFeedPage({ searchParams }: { searchParams: Promise<{ avant?: string }> }) {
  const { db, scope } = await requireUser("relance.work");
  const { avant } = await searchParams;
  const before = avant && instantPattern.test(avant) ? avant : null;
  const feed = await listCommentsFeed(db, scope, { before });

  return (
    <div className="space-y-6">
      <AgendaTabs current="comments" />
      <div className="max-w-4xl space-y-6">
        <div>
          <h2 className="text-xl font-semibold">Réponses et commentaires</h2>
          <p className="text-sm text-muted-foreground">
            Les commentaires et réponses sur vos clients et leurs actions, et les notes laissées en traitant les actions, du plus récent au plus ancien.
          </p>
        </div>
        {feed.length === 0 ? (
          <EmptyState
            icon={MessageSquare}
            title={before ? "Rien de plus ancien" : "Aucun commentaire pour l'instant"}
            description="Les commentaires ajoutés sur les fiches clients et les notes d'appel apparaîtront ici."
          />
        ) : (
          <ol className="space-y-3" aria-label="Commentaires">
            {feed.map((item) => (
              <li key={item.id} className="rounded-lg border bg-card p-4">
                <article aria-label={`${item.kind === "note" ? "Note" : "Commentaire"} de ${item.author ?? "utilisateur supprimé"} sur ${item.clientName}`} className="space-y-2">
                  <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
                    {item.kind === "note" ? (
                      <NotebookPen className="size-4 text-muted-foreground" aria-hidden="true" />
                    ) : (
                      <MessageSquare className="size-4 text-muted-foreground" aria-hidden="true" />
                    )}
                    <span className="font-medium">{item.author ?? "Utilisateur supprimé"}</span>
                    <span className="text-muted-foreground">sur</span>
                    <RowLink href={`/clients/${item.clientId}`} className="font-medium text-primary hover:underline">
                      {item.clientName}
                    </RowLink>
                    <span className="font-mono text-xs text-muted-foreground">{item.clientCode}</span>
                    {item.actionType && (
                      <Badge variant="outline">
                        {item.kind === "note" ? "Note · " : ""}
                        {actionTypeLabels[item.actionType] ?? item.actionType}
                      </Badge>
                    )}
                    {item.replyTo && <Badge variant="secondary">Réponse</Badge>}
                    <time dateTime={item.at} className="ml-auto text-xs text-muted-foreground">
                      {formatDateTime(item.at)}
                    </time>
                  </div>
                  {item.replyTo && (
                    <blockquote className="border-l-2 pl-3 text-sm text-muted-foreground">
                      {item.replyTo.author ?? "Utilisateur supprimé"} : {item.replyTo.body}
                    </blockquote>
                  )}
                  <p className="whitespace-pre-line text-sm">{item.body}</p>
                </article>
              </li>
            ))}
          </ol>
        )}
        {feed.length === FEED_PAGE_SIZE && (
          <Button variant="outline" asChild>
            <Link href={`/relance/commentaires?avant=${encodeURIComponent(feed[feed.length - 1].at)}`}>Plus anciens</Link>
          </Button>
        )}
      </div>
    </div>
  );
}
