/** The score letters and the probability of paying late each one covers (A p < 15 %, …, E p ≥ 70 %). */
export const grades = ["A", "B", "C", "D", "E"] as const;
export type Grade = (typeof grades)[number];

const upperBounds: Record<Exclude<Grade, "E">, number> = { A: 0.15, B: 0.3, C: 0.5, D: 0.7 };

export function gradeOf(pLate: number): Grade {
  return (Object.keys(upperBounds) as Exclude<Grade, "E">[]).find((g) => pLate < upperBounds[g]) ?? "E";
}

/** What each letter means, for a legend or a badge's title. */
export const gradeMeanings: Record<Grade, string> = {
  A: "risque très faible (moins de 15 %)",
  B: "risque faible (15 à 30 %)",
  C: "risque modéré (30 à 50 %)",
  D: "risque élevé (50 à 70 %)",
  E: "risque très élevé (70 % et plus)",
};
