import { Filter } from "lucide-react";
import { selectClassName } from "@/components/forms/field";
import { GetForm } from "@/components/forms/get-form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { DisputeSearch } from "@/lib/disputes/filters";
import { disputeCategories, disputeCategoryLabels, disputeStatuses, disputeStatusLabels } from "@/lib/disputes/labels";

/** A GET form: the filters land in the URL, so a filtered list of cases can be shared and reloaded. */
export function DisputeFiltersForm({ search, owners }: { search: DisputeSearch; owners: { id: string; name: string }[] }) {
  return (
    <GetForm action="/litiges" className="grid gap-3 rounded-lg border bg-card p-4 sm:grid-cols-3 lg:grid-cols-6">
      <div className="space-y-1.5 lg:col-span-2">
        <Label htmlFor="l-q">Client</Label>
        <Input id="l-q" name="q" defaultValue={search.q} placeholder="Code ou raison sociale" />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="l-statut">Statut</Label>
        <select id="l-statut" name="statut" defaultValue={search.statut} className={selectClassName}>
          <option value="actifs">À traiter</option>
          <option value="tous">Tous</option>
          {disputeStatuses.map((s) => (
            <option key={s} value={s}>
              {disputeStatusLabels[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="l-categorie">Catégorie</Label>
        <select id="l-categorie" name="categorie" defaultValue={search.categorie ?? ""} className={selectClassName}>
          <option value="">Toutes</option>
          {disputeCategories.map((c) => (
            <option key={c} value={c}>
              {disputeCategoryLabels[c]}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="l-responsable">Responsable</Label>
        <select id="l-responsable" name="responsable" defaultValue={search.responsable ?? ""} className={selectClassName}>
          <option value="">Tous</option>
          {owners.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <label className="flex h-9 items-center gap-2 text-sm">
          <input type="checkbox" name="depasse" value="1" defaultChecked={search.depasse === "1"} className="size-4 accent-primary" />
          Cible dépassée
        </label>
        <Button type="submit" variant="outline">
          <Filter className="size-4" aria-hidden="true" /> Filtrer
        </Button>
      </div>
    </GetForm>
  );
}
