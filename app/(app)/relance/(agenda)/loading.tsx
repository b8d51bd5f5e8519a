import { Skeleton } from "@/components/ui/skeleton";

export default function AgendaLoading() {
  return (
    <div className="space-y-4" aria-busy="true" aria-label="Chargement de l'agenda">
      <Skeleton className="h-28 w-full" />
      <div className="flex gap-2 border-b pb-2">
        <Skeleton className="h-7 w-48" />
        <Skeleton className="h-7 w-56" />
        <Skeleton className="h-7 w-28" />
      </div>
      {Array.from({ length: 8 }, (_, i) => (
        <Skeleton key={i} className="h-12 w-full" />
      ))}
    </div>
  );
}
