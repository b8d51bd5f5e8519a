import { Field, selectClassName } from "@/components/forms/field";
import { civilities, normaliseCivility } from "@/lib/contacts/civility";

/** « Civilité » of a person (contact or user): Madame, Monsieur or not said; older spellings shown normalised. */
export function CivilityField({ value }: { value?: string | null }) {
  return (
    <Field name="civility" label="Civilité">
      {(p) => (
        <select {...p} defaultValue={normaliseCivility(value) ?? ""} className={selectClassName}>
          <option value="">—</option>
          {civilities.map((civility) => (
            <option key={civility} value={civility}>
              {civility}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
