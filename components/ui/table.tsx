import { cn } from "@/lib/utils";

/**
 * `numeric` right-aligns and uses tabular figures so amounts line up. `sticky` marks the column that names the
 * row (a client, a pièce): on a phone the table scrolls sideways inside its box and that column stays in view.
 */
type NumericProp = { numeric?: boolean; sticky?: boolean };

const stickyCell =
  "max-sm:sticky max-sm:left-0 max-sm:z-[1] max-sm:max-w-[45vw] max-sm:bg-card max-sm:whitespace-normal max-sm:shadow-[inset_-1px_0_0_var(--color-border)]";

export function Table({ className, ...props }: React.ComponentProps<"table">) {
  return (
    <div className="relative w-full overflow-x-auto">
      <table className={cn("w-full caption-bottom text-sm", className)} {...props} />
    </div>
  );
}

export function TableHeader({ className, ...props }: React.ComponentProps<"thead">) {
  return <thead className={cn("[&_tr]:border-b", className)} {...props} />;
}

export function TableBody({ className, ...props }: React.ComponentProps<"tbody">) {
  return <tbody className={cn("[&_tr:last-child]:border-0", className)} {...props} />;
}

export function TableFooter({ className, ...props }: React.ComponentProps<"tfoot">) {
  return <tfoot className={cn("border-t bg-muted/60 font-semibold [&>tr]:last:border-b-0", className)} {...props} />;
}

export function TableRow({ className, ...props }: React.ComponentProps<"tr">) {
  return <tr className={cn("border-b transition-colors hover:bg-muted/50 data-[state=selected]:bg-muted", className)} {...props} />;
}

export function TableHead({ className, numeric, sticky, ...props }: React.ComponentProps<"th"> & NumericProp) {
  return (
    <th
      className={cn(
        "h-10 px-3 text-left align-middle text-xs font-medium uppercase tracking-wide whitespace-nowrap text-muted-foreground",
        numeric && "text-right",
        sticky && stickyCell,
        className,
      )}
      {...props}
    />
  );
}

export function TableCell({ className, numeric, sticky, ...props }: React.ComponentProps<"td"> & NumericProp) {
  return (
    <td
      className={cn(
        // On a touch screen a link in a row is a 44 px target (WCAG 2.5.5).
        "px-3 py-2 align-middle pointer-coarse:[&_a]:inline-flex pointer-coarse:[&_a]:min-h-11 pointer-coarse:[&_a]:items-center",
        numeric && "tabular text-right whitespace-nowrap",
        sticky && stickyCell,
        className,
      )}
      {...props}
    />
  );
}

export function TableCaption({ className, ...props }: React.ComponentProps<"caption">) {
  return <caption className={cn("mt-4 text-sm text-muted-foreground", className)} {...props} />;
}
