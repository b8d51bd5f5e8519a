import { Filter } from "lucide-react";
import Link from "next/link";
import { ChoiceField, type ChoiceOption } from "@/components/forms/choice-field";
import { GetForm } from "@/components/forms/get-form";
import { RangeFields } from "@/components/forms/range-fields";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ClientSearch } from "@/lib/clients/filters";
import type { CalculatedField } from "@/lib/groups/criteria";
import { grades } from "@/lib/scoring/grades";
import { CalculatedFilters } from "./calculated-filters";

type Option = ChoiceOption;

const yesNo = (yes: string, no: string) => [
  { id: "yes", name: yes },
  { id: "no", name: no },
];

/** A GET form: the filters land in the URL, so a filtered list can be shared, reloaded and exported as shown. */
export function ListFiltersForm({
  search,
  entities,
  collectors,
  salesReps,
  groups,
  calculated = [],
}: {
  search: ClientSearch;
  entities: Option[];
  collectors: Option[] | null;
  salesReps: Option[] | null;
  groups: Option[];
  /** Calculated columns offered as filters: those shown and those already filtered. */
  calculated?: CalculatedField[];
}) {
  return (
    <GetForm action="/clients" className="grid gap-3 rounded-lg border bg-card p-4 sm:grid-cols-2 lg:grid-cols-6">
      {search.sort && <input type="hidden" name="sort" value={search.sort} />}
      {search.order && <input type="hidden" name="order" value={search.order} />}
      <div className="space-y-1.5 lg:col-span-2">
        <Label htmlFor="f-q">Recherche</Label>
        <Input id="f-q" name="q" type="search" defaultValue={search.q} placeholder="Code, raison sociale ou SIREN" />
      </div>
      {entities.length > 1 && <ChoiceField id="f-entity" label="Société" name="entity" value={search.entity} options={entities} all="Toutes" />}
      {collectors && (
        <ChoiceField
          id="f-collector"
          label="Chargé de recouvrement"
          name="collector"
          value={search.collector}
          options={[...collectors, { id: "none", name: "Non attribué" }]}
          all="Tous"
        />
      )}
      {salesReps && <ChoiceField id="f-sales" label="Commercial" name="salesRep" value={search.salesRep} options={salesReps} all="Tous" />}
      {/* Groups are often named « Tous les clients »: the no-filter choice must not read the same. */}
      {groups.length > 0 && <ChoiceField id="f-group" label="Groupe" name="group" value={search.group} options={groups} all="Indifférent" />}
      <div className="space-y-1.5">
        <Label htmlFor="f-dept">Département</Label>
        <Input id="f-dept" name="dept" defaultValue={search.dept} placeholder="ex. 69, 2A" maxLength={3} />
      </div>
      <RangeFields id="f-outstanding" label="Encours (€)" names={["outstandingMin", "outstandingMax"]} values={[search.outstandingMin, search.outstandingMax]} />
      <RangeFields id="f-overdue-range" label="Échu (€)" names={["overdueMin", "overdueMax"]} values={[search.overdueMin, search.overdueMax]} />
      <ChoiceField id="f-overdue" label="Retard" name="hasOverdue" value={search.hasOverdue} options={yesNo("Avec échu", "Sans échu")} all="Indifférent" />
      <ChoiceField id="f-dispute" label="Litige" name="hasDispute" value={search.hasDispute} options={yesNo("Avec litige", "Sans litige")} all="Indifférent" />
      <ChoiceField id="f-paused" label="Relances" name="paused" value={search.paused} options={yesNo("Suspendues", "Actives")} all="Toutes" />
      <fieldset className="space-y-1.5">
        <legend className="text-sm leading-none font-medium">Score</legend>
        <div className="flex min-h-9 flex-wrap items-center gap-x-2.5 gap-y-1">
          {grades.map((g) => (
            <label key={g} className="flex items-center gap-1 text-sm">
              <input type="checkbox" name="grade" value={g} defaultChecked={search.grade?.includes(g)} className="size-4 accent-primary" aria-label={`Score ${g}`} />
              {g}
            </label>
          ))}
        </div>
      </fieldset>
      <CalculatedFilters columns={calculated} search={search.calc} />
      <div className="flex items-end gap-2 lg:col-span-2">
        <Button type="submit" className="flex-1">
          <Filter className="size-4" aria-hidden="true" /> Filtrer
        </Button>
        <Button asChild variant="ghost">
          <Link href="/clients">Réinitialiser</Link>
        </Button>
      </div>
    </GetForm>
  );
}
