"use client";

import { useRouter } from "next/navigation";

/**
 * A filters form whose URL keeps only the fields the user filled in (a plain GET form would list every empty
 * one); without JavaScript it still submits as an ordinary GET form.
 */
export function GetForm({ action, className, children }: { action: string; className?: string; children: React.ReactNode }) {
  const router = useRouter();
  return (
    <form
      method="get"
      action={action}
      className={className}
      onSubmit={(event) => {
        event.preventDefault();
        const query = new URLSearchParams();
        for (const [key, value] of new FormData(event.currentTarget)) {
          if (typeof value === "string" && value.trim() !== "") query.append(key, value.trim());
        }
        router.push(query.size ? `${action}?${query}` : action);
      }}
    >
      {children}
    </form>
  );
}
