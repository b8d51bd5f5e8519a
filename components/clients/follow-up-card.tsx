import { AssignDialog, ForcedGroupDialog, PauseDialog, ResumeDialog } from "@/components/clients/follow-up-dialogs";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { Role } from "@/lib/auth/roles";
import { formatDate } from "@/lib/format/fr";

type Person = { id: string; name: string; role: Role };
type GroupChoice = { id: string; name: string; scenarioName: string | null };

export type FollowUp = {
  clientId: string;
  collectorId: string | null;
  collectorName: string | null;
  salesRepId: string | null;
  salesRepName: string | null;
  groupId: string | null;
  forcedGroupId: string | null;
  pausedUntil: string | null;
  pauseReason: string | null;
};

function Row({ label, children, edit }: { label: string; children: React.ReactNode; edit?: React.ReactNode }) {
  return (
    <div className="flex min-h-8 items-center justify-between gap-3 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="flex items-center gap-1 text-right font-medium">
        {children}
        {edit}
      </dd>
    </div>
  );
}

/** Who follows the client, how it is chased (group, scenario) and whether its reminders are paused. */
export function FollowUpCard({
  followUp: f,
  today,
  groups,
  people,
  canAssign,
  canEdit,
}: {
  followUp: FollowUp;
  today: string;
  groups: GroupChoice[];
  people: Person[];
  canAssign: boolean;
  canEdit: boolean;
}) {
  const group = groups.find((g) => g.id === f.groupId);
  const paused = f.pausedUntil !== null && f.pausedUntil >= today;
  return (
    <Card>
      <CardHeader className="pb-3">
        <CardTitle>Recouvrement</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        <dl className="space-y-1">
          <Row label="Chargé de recouvrement" edit={canAssign && <AssignDialog clientId={f.clientId} assignment="collector" currentId={f.collectorId} people={people} />}>
            {f.collectorName ?? <span className="text-muted-foreground">Non attribué</span>}
          </Row>
          <Row label="Commercial" edit={canAssign && <AssignDialog clientId={f.clientId} assignment="salesRep" currentId={f.salesRepId} people={people} />}>
            {f.salesRepName ?? <span className="text-muted-foreground">Aucun</span>}
          </Row>
          <Row label="Groupe" edit={canAssign && <ForcedGroupDialog clientId={f.clientId} forcedGroupId={f.forcedGroupId} groups={groups} />}>
            {group ? group.name : <span className="text-muted-foreground">{groups.length === 0 ? "Aucun groupe défini" : "Aucun"}</span>}
            <Badge variant="secondary">{f.forcedGroupId ? "forcé" : "automatique"}</Badge>
          </Row>
          <Row label="Scénario">{group?.scenarioName ?? <span className="text-muted-foreground">—</span>}</Row>
          <Row label="Relances">
            {paused ? <Badge variant="warning">Suspendues jusqu&apos;au {formatDate(f.pausedUntil)}</Badge> : <Badge variant="success">Actives</Badge>}
          </Row>
        </dl>
        {paused && f.pauseReason && <p className="rounded-md bg-muted px-3 py-2 text-sm">Motif : {f.pauseReason}</p>}
        {canEdit && (paused ? <ResumeDialog clientId={f.clientId} /> : <PauseDialog clientId={f.clientId} today={today} />)}
      </CardContent>
    </Card>
  );
}
