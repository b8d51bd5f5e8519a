import { selectClassName } from "@/components/forms/field";
import { Label } from "@/components/ui/label";

export type ChoiceOption = { id: string; name: string };

/** A labelled select of a filters form whose empty first option (`all`) means « no filter ». */
export function ChoiceField({ id, label, name, value, options, all }: { id: string; label: string; name: string; value?: string; options: ChoiceOption[]; all: string }) {
  return (
    <div className="space-y-1.5">
      <Label htmlFor={id}>{label}</Label>
      <select id={id} name={name} defaultValue={value ?? ""} className={selectClassName}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}
