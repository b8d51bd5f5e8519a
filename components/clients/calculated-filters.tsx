import { ChoiceField } from "@/components/forms/choice-field";
import { RangeFields } from "@/components/forms/range-fields";
import type { CalculatedColumnType } from "@/db/schema/calculated";
import type { CalculatedSearch } from "@/lib/clients/filters";
import { isNumericType } from "@/lib/formulas/display";
import type { CalculatedField } from "@/lib/groups/criteria";

const units: Partial<Record<CalculatedColumnType, string>> = { amount: " (€)", percent: " (%)", days: " (jours)" };

/** Filters of the clients list on calculated columns: a range on numbers (a percentage typed as 25), oui/non on booleans. */
export function CalculatedFilters({ columns, search }: { columns: CalculatedField[]; search: CalculatedSearch | undefined }) {
  return columns.map((c) => {
    const f = search?.[c.id];
    if (c.type === "boolean") {
      return (
        <ChoiceField
          key={c.id}
          id={`f-calc-${c.id}`}
          label={c.name}
          name={`calcFlag.${c.id}`}
          value={f?.flag}
          options={[{ id: "yes", name: "Oui" }, { id: "no", name: "Non" }]}
          all="Indifférent"
        />
      );
    }
    if (!isNumericType(c.type)) return null;
    return (
      <RangeFields
        key={c.id}
        id={`f-calc-${c.id}`}
        label={`${c.name}${units[c.type] ?? ""}`}
        names={[`calcMin.${c.id}`, `calcMax.${c.id}`]}
        values={[f?.min, f?.max]}
      />
    );
  });
}
