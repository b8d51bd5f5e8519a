import { Input } from "@/components/ui/input";

/** Two inputs under one label, for "from / to" filters in GET forms. */
export function RangeFields({
  id,
  label,
  names,
  values,
  type = "amount",
}: {
  id: string;
  label: string;
  names: [string, string];
  values: [string | number | undefined, string | number | undefined];
  type?: "amount" | "date";
}) {
  const input = (i: 0 | 1) =>
    type === "date" ? (
      <Input type="date" name={names[i]} aria-label={`${label} ${i === 0 ? "à partir du" : "jusqu'au"}`} defaultValue={values[i]} />
    ) : (
      <Input name={names[i]} inputMode="decimal" aria-label={`${label} ${i === 0 ? "minimum" : "maximum"}`} placeholder={i === 0 ? "min" : "max"} defaultValue={values[i]} />
    );
  return (
    <div role="group" aria-labelledby={id} className="space-y-1.5">
      <p id={id} className="text-sm leading-none font-medium">
        {label}
      </p>
      <div className="flex items-center gap-2">
        {input(0)}
        <span className="text-muted-foreground" aria-hidden="true">
          –
        </span>
        {input(1)}
      </div>
    </div>
  );
}
