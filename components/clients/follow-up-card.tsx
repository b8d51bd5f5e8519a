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

const muted = (text: string) => <span className="font-normal text-muted-foreground">{text}</span>;

function Item({ label, children, edit }: { label: string; children: React.ReactNode; edit?: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="flex min-h-7 items-center justify-between gap-1 text-sm font-medium">
        <span className="min-w-0">{children}</span>
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
        <dl className="grid grid-cols-2 gap-x-6 gap-y-3">
          <Item label="Chargé de recouvrement" edit={canAssign && <AssignDialog clientId={f.clientId} assignment="collector" currentId={f.collectorId} people={people} />}>
            {f.collectorName ?? muted("Non attribué")}
          </Item>
          <Item label="Commercial" edit={canAssign && <AssignDialog clientId={f.clientId} assignment="salesRep" currentId={f.salesRepId} people={people} />}>
            {f.salesRepName ?? muted("Aucun")}
          </Item>
          <Item label={f.forcedGroupId ? "Groupe (forcé)" : "Groupe (automatique)"} edit={canAssign && <ForcedGroupDialog clientId={f.clientId} forcedGroupId={f.forcedGroupId} groups={groups} />}>
            {group ? group.name : muted(groups.length === 0 ? "Aucun groupe défini" : "Aucun")}
          </Item>
          <Item label="Scénario">{group?.scenarioName ?? muted("—")}</Item>
        </dl>
        <div className="flex flex-wrap items-start justify-between gap-2 border-t pt-4">
          <div className="space-y-1">
            {paused ? <Badge variant="warning">Relances suspendues jusqu&apos;au {formatDate(f.pausedUntil)}</Badge> : <Badge variant="success">Relances actives</Badge>}
            {paused && f.pauseReason && <p className="text-sm text-muted-foreground">Motif : {f.pauseReason}</p>}
          </div>
          {canEdit && (paused ? <ResumeDialog clientId={f.clientId} /> : <PauseDialog clientId={f.clientId} today={today} />)}
        </div>
      </CardContent>
    </Card>
  );
}
