import { formatPercent } from "@/lib/format/fr";
import { type Grade, gradeMeanings } from "@/lib/scoring/grades";
import { cn } from "@/lib/utils";

// Green (safest) to red; the light middle letters take dark text to stay readable.
const colours: Record<Grade, string> = {
  A: "bg-emerald-700 text-white",
  B: "bg-lime-300 text-lime-950",
  C: "bg-amber-300 text-amber-950",
  D: "bg-orange-600 text-white",
  E: "bg-red-700 text-white",
};

/** A score letter in its colour, the probability of paying late in its title; « — » when not scored yet. */
export function GradeBadge({ grade, pLate, size = "sm", className }: { grade: Grade | null; pLate: number | null; size?: "sm" | "lg"; className?: string }) {
  if (!grade || pLate === null) return <span className="text-muted-foreground">—</span>;
  const title = `Score ${grade} : ${gradeMeanings[grade]}, probabilité de retard ${formatPercent(pLate)}`;
  return (
    <span
      title={title}
      aria-label={title}
      role="img"
      className={cn(
        "inline-flex shrink-0 items-center justify-center rounded-md font-semibold",
        size === "lg" ? "size-14 text-3xl" : "size-6 text-xs",
        colours[grade],
        className,
      )}
    >
      {grade}
    </span>
  );
}
