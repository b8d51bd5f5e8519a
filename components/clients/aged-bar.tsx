import { formatMoney } from "@/lib/format/fr";

const bucketColours = ["bg-amber-300", "bg-orange-400", "bg-orange-600", "bg-red-600", "bg-red-800", "bg-red-900", "bg-red-950", "bg-black", "bg-black"];

/** A client's encours as one bar: not yet due, then each aging bucket, darker as it gets older. */
export function AgedBar({ outstanding, aged, labels }: { outstanding: string; aged: number[] | null; labels: string[] }) {
  const total = Number(outstanding);
  if (!(total > 0)) return <span className="text-xs text-muted-foreground">—</span>;
  const buckets = aged ?? [];
  const notDue = Math.max(0, total - buckets.reduce((sum, v) => sum + v, 0));
  const segments = [
    { label: "Non échu", value: notDue, colour: "bg-emerald-500" },
    ...buckets.map((value, i) => ({ label: labels[i] ?? "", value, colour: bucketColours[i] })),
  ].filter((s) => s.value > 0);
  const summary = segments.map((s) => `${s.label} : ${formatMoney(s.value)}`).join(" · ");
  return (
    <div role="img" aria-label={`Balance âgée — ${summary}`} title={summary} className="flex h-2.5 w-28 overflow-hidden rounded-full bg-muted">
      {segments.map((s) => (
        <div key={s.label} className={s.colour} style={{ width: `${(s.value / total) * 100}%` }} />
      ))}
    </div>
  );
}
