import Link from "next/link";
import type { ComponentProps } from "react";

/**
 * A link from a row of a list to a page rendered on each request (a fiche client, a filtered list). Not
 * prefetched: every row on screen would otherwise have the server render its whole page, for nothing.
 */
export function RowLink(props: Omit<ComponentProps<typeof Link>, "prefetch">) {
  return <Link {...props} prefetch={false} />;
}
