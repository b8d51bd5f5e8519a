import { Filter } from "lucide-react";
import Link from "next/link";
import { ChoiceField, type ChoiceOption } from "@/components/forms/choice-field";
import { GetForm } from "@/components/forms/get-form";
import { RangeFields } from "@/components/forms/range-fields";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { actionTypeLabels } from "@/lib/collection/labels";
import type { AgendaSearch } from "@/lib/relance/agenda-filters";

type Option = ChoiceOption;

const typeOptions = Object.entries(actionTypeLabels).map(([id, name]) => ({ id, name }));

/**
 * The agenda filters, as a GET form on the current tab. A collector chooses between their own actions (the
 * default) and all those of their scope; the others choose a collector.
 */
export function AgendaFiltersForm({
  action,
  search,
  ownOnly,
  entities,
  collectors,
  customFields,
}: {
  action: string;
  search: AgendaSearch;
  /** Set for collectors: the choice is « mes actions » or « toutes ». */
  ownOnly: boolean;
  entities: Option[];
  collectors: Option[];
  customFields: string[];
}) {
  return (
    <GetForm action={action} className="grid gap-3 rounded-lg border bg-card p-4 sm:grid-cols-2 lg:grid-cols-6">
      {ownOnly ? (
        <ChoiceField id="a-collector" label="Chargé de recouvrement" name="collector" value={search.collector} options={[{ id: "all", name: "Toutes les actions" }]} all="Mes actions" />
      ) : (
        <ChoiceField id="a-collector" label="Chargé de recouvrement" name="collector" value={search.collector === "all" ? "" : search.collector} options={collectors} all="Tous" />
      )}
      {entities.length > 1 && <ChoiceField id="a-entity" label="Société" name="entity" value={search.entity} options={entities.map((e) => ({ id: e.id, name: e.name }))} all="Toutes" />}
      <div className={entities.length > 1 ? "space-y-1.5 lg:col-span-2" : "space-y-1.5 lg:col-span-3"}>
        <Label htmlFor="a-q">Client</Label>
        <Input id="a-q" name="q" type="search" defaultValue={search.q} placeholder="Code ou raison sociale" />
      </div>
      <ChoiceField id="a-type" label="Type d'action" name="type" value={search.type} options={typeOptions} all="Tous" />
      <div className="lg:col-span-2">
        <RangeFields id="a-period" label="Période" names={["from", "to"]} values={[search.from, search.to]} type="date" />
      </div>
      {customFields.length > 0 && (
        <>
          <ChoiceField id="a-cf" label="Champ personnalisé" name="cf" value={search.cf} options={customFields.map((name) => ({ id: name, name }))} all="Aucun" />
          <div className="space-y-1.5">
            <Label htmlFor="a-cfv">Valeur du champ</Label>
            <Input id="a-cfv" name="cfv" defaultValue={search.cfv} placeholder="ex. BTP" />
          </div>
        </>
      )}
      <div className="flex items-end gap-2 lg:col-span-2">
        <Button type="submit" className="flex-1">
          <Filter className="size-4" aria-hidden="true" /> Filtrer
        </Button>
        <Button asChild variant="ghost">
          <Link href={action}>Réinitialiser</Link>
        </Button>
      </div>
    </GetForm>
  );
}
