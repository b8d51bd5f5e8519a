import { Filter } from "lucide-react";
import { selectClassName } from "@/components/forms/field";
import { GetForm } from "@/components/forms/get-form";
import { RangeFields } from "@/components/forms/range-fields";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { DocumentSearch } from "@/lib/documents/filters";

/** A GET form: filters land in the URL, so a filtered list can be shared, reloaded and exported as shown. */
export function DocumentFiltersForm({
  search,
  agingLabels,
  entities,
}: {
  search: DocumentSearch;
  agingLabels: string[];
  entities: { id: string; name: string }[];
}) {
  return (
    <GetForm action="/pieces" className="grid gap-3 rounded-lg border bg-card p-4 sm:grid-cols-3 lg:grid-cols-5">
      <div className="space-y-1.5 lg:col-span-2">
        <Label htmlFor="f-q">Recherche</Label>
        <Input id="f-q" name="q" defaultValue={search.q} placeholder="N° de pièce, code ou raison sociale" />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="f-status">État</Label>
        <select id="f-status" name="status" defaultValue={search.status ?? "open"} className={selectClassName}>
          <option value="open">Ouvertes</option>
          <option value="settled">Soldées</option>
        </select>
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="f-due">Échéance</Label>
        <select id="f-due" name="due" defaultValue={search.due ?? ""} className={selectClassName}>
          <option value="">Toutes</option>
          <option value="overdue">Échues</option>
          <option value="not_due">Non échues</option>
        </select>
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="f-disputed">Litige</Label>
        <select id="f-disputed" name="disputed" defaultValue={search.disputed ?? ""} className={selectClassName}>
          <option value="">Indifférent</option>
          <option value="yes">En litige</option>
          <option value="no">Sans litige</option>
        </select>
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="f-age">Ancienneté du retard</Label>
        <select id="f-age" name="age" defaultValue={search.age ?? ""} className={selectClassName}>
          <option value="">Toutes</option>
          {agingLabels.map((label, i) => (
            <option key={label} value={i}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {entities.length > 1 && (
        <div className="space-y-1.5">
          <Label htmlFor="f-entity">Société</Label>
          <select id="f-entity" name="entity" defaultValue={search.entity ?? ""} className={selectClassName}>
            <option value="">Toutes</option>
            {entities.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <RangeFields id="f-issued" label="Date de pièce" names={["issuedFrom", "issuedTo"]} values={[search.issuedFrom, search.issuedTo]} type="date" />
      <RangeFields id="f-due-range" label="Date d'échéance" names={["dueFrom", "dueTo"]} values={[search.dueFrom, search.dueTo]} type="date" />
      <RangeFields id="f-amount" label="Montant (€)" names={["amountMin", "amountMax"]} values={[search.amountMin, search.amountMax]} />
      <RangeFields id="f-plate" label="Probabilité de retard (%)" names={["pLateMin", "pLateMax"]} values={[search.pLateMin, search.pLateMax]} />
      {/* The type is chosen with the tabs above the form; filtering keeps it. */}
      <input type="hidden" name="type" value={search.type} />
      {search.client && <input type="hidden" name="client" value={search.client} />}
      {search.sort && <input type="hidden" name="sort" value={search.sort} />}
      {search.order && <input type="hidden" name="order" value={search.order} />}
      <div className="flex items-end">
        <Button type="submit" className="w-full">
          <Filter className="size-4" aria-hidden="true" /> Filtrer
        </Button>
      </div>
    </GetForm>
  );
}
