import { Layers, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { GroupRowActions } from "@/components/relance/group-row-actions";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listCalculatedFields } from "@/db/queries/calculated-fields";
import { previewGroups } from "@/db/queries/group-membership";
import { listGroups } from "@/db/queries/groups";
import { listEntities, listUsers } from "@/db/queries/users";
import { requireUser } from "@/lib/auth/session";
import { today } from "@/lib/dates";
import { formatInteger, formatMoney } from "@/lib/format/fr";
import { summariseCriteria } from "@/lib/groups/summary";

export const metadata: Metadata = { title: "Groupes" };

const clientsLabel = (n: number) => `${formatInteger(n)} client${n > 1 ? "s" : ""}`;

export default async function GroupsPage() {
  const { db } = await requireUser("relance.configure");
  const [groups, entities, users, calculated] = await Promise.all([listGroups(db), listEntities(db), listUsers(db), listCalculatedFields(db)]);
  const preview = await previewGroups(db, groups, today());
  const names = new Map([...entities.map((e) => [e.id, e.name] as const), ...users.map((u) => [u.id, u.name] as const)]);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Groupes</h1>
          <p className="text-sm text-muted-foreground">
            Un client rejoint le premier groupe, dans l&apos;ordre de priorité, dont il remplit tous les critères.
          </p>
        </div>
        <Button asChild>
          <Link href="/relance/groupes/nouveau">
            <Plus aria-hidden="true" /> Nouveau groupe
          </Link>
        </Button>
      </div>
      {groups.length === 0 ? (
        <EmptyState
          icon={Layers}
          title="Aucun groupe"
          description={`Créez un premier groupe pour répartir vos clients et leur associer un scénario de relance. ${clientsLabel(preview.noGroup.clients)} sans groupe pour l'instant.`}
          action={
            <Button asChild>
              <Link href="/relance/groupes/nouveau">Créer un groupe</Link>
            </Button>
          }
        />
      ) : (
        <div className="rounded-lg border bg-card">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead className="w-12 text-right">Rang</TableHead>
                <TableHead>Groupe</TableHead>
                <TableHead>Scénario</TableHead>
                <TableHead className="text-right">Clients</TableHead>
                <TableHead className="text-right">Encours</TableHead>
                <TableHead className="text-right">
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {groups.map((group, i) => (
                <TableRow key={group.id}>
                  <TableCell className="tabular text-right text-muted-foreground">{i + 1}</TableCell>
                  <TableCell className="max-w-xl whitespace-normal">
                    <p className="font-medium">{group.name}</p>
                    <p className="text-xs text-muted-foreground">{summariseCriteria(group.criteria, names, calculated)}</p>
                  </TableCell>
                  <TableCell>{group.scenarioName ?? <span className="text-muted-foreground">Aucun scénario</span>}</TableCell>
                  <TableCell className="tabular text-right">{clientsLabel(preview.groups[i].clients)}</TableCell>
                  <TableCell className="tabular text-right">{formatMoney(preview.groups[i].outstanding)}</TableCell>
                  <TableCell>
                    <GroupRowActions id={group.id} name={group.name} first={i === 0} last={i === groups.length - 1} />
                  </TableCell>
                </TableRow>
              ))}
              <TableRow className="bg-muted/40">
                <TableCell />
                <TableCell>
                  <p className="font-medium">Sans groupe</p>
                  <p className="text-xs text-muted-foreground">Clients qui ne remplissent les critères d&apos;aucun groupe</p>
                </TableCell>
                <TableCell className="text-muted-foreground">—</TableCell>
                <TableCell className="tabular text-right">{clientsLabel(preview.noGroup.clients)}</TableCell>
                <TableCell className="tabular text-right">{formatMoney(preview.noGroup.outstanding)}</TableCell>
                <TableCell />
              </TableRow>
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
}
