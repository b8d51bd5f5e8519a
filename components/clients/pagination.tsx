import Link from "next/link";
import { Button } from "@/components/ui/button";
import { formatInteger } from "@/lib/format/fr";

function href(params: Record<string, string>, page: number) {
  const search = new URLSearchParams(Object.entries(params).filter(([, v]) => v));
  if (page > 1) search.set("page", String(page));
  const query = search.toString();
  return query ? `?${query}` : "?";
}

export function Pagination({
  page,
  pageSize,
  total,
  params,
}: {
  page: number;
  pageSize: number;
  total: number;
  params: Record<string, string>;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages === 1) return null;
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between text-sm">
      <p className="text-muted-foreground">
        Page {formatInteger(page)} sur {formatInteger(pages)}
      </p>
      <div className="flex gap-2">
        <Button asChild variant="outline" size="sm" aria-disabled={page <= 1} className={page <= 1 ? "pointer-events-none opacity-50" : ""}>
          <Link href={href(params, page - 1)}>Précédente</Link>
        </Button>
        <Button asChild variant="outline" size="sm" aria-disabled={page >= pages} className={page >= pages ? "pointer-events-none opacity-50" : ""}>
          <Link href={href(params, page + 1)}>Suivante</Link>
        </Button>
      </div>
    </nav>
  );
}
