import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ThreadPageView } from "@/components/threads/thread-page-view";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { getThread, markThreadRead } from "@/db/queries/threads";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { formatMoney } from "@/lib/format/fr";
import { isUuid } from "@/lib/ids";

export const metadata: Metadata = { title: "Discussion" };

/**
 * Where every discussion notification points. Whoever sees the client reads the thread on the fiche; a participant
 * who does not gets the thread and the client's summary, nothing more.
 */
export default async function DiscussionPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, scope } = await requireUser("clients.read");
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const thread = await getThread(db, scope, id);
  if (!thread) notFound();
  if (thread.clientVisible) redirect(`/clients/${thread.clientId}?discussion=${thread.id}`);
  await markThreadRead(db, scope, id);

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-semibold">Discussion</h1>
      <Card>
        <CardHeader className="pb-2">
          <CardTitle className="flex flex-wrap items-baseline gap-2">
            {thread.client.name} <span className="font-mono text-sm font-normal text-muted-foreground">{thread.client.code}</span>
          </CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-2 gap-3 text-sm">
            <div>
              <dt className="text-muted-foreground">Encours</dt>
              <dd className="tabular font-medium">{formatMoney(thread.client.outstanding)}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Échu</dt>
              <dd className="tabular font-medium">{formatMoney(thread.client.overdue)}</dd>
            </div>
          </dl>
          <p className="mt-3 text-xs text-muted-foreground">Vous avez été invité à cette discussion ; le reste du dossier client ne vous est pas accessible.</p>
        </CardContent>
      </Card>
      <ThreadPageView thread={thread} canWrite={can(scope.role, "discussions.write")} />
    </div>
  );
}
