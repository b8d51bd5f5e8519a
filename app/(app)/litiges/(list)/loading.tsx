import { Skeleton } from "@/components/ui/skeleton";

// Not at the level of /litiges/[id]: a loading boundary there would send 404s with status 200.

export default function Loading() {
  return (
    <div className="space-y-4" aria-busy="true" aria-label="Chargement">
      <Skeleton className="h-8 w-40" />
      <Skeleton className="h-24 w-full" />
      <Skeleton className="h-96 w-full" />
    </div>
  );
}
