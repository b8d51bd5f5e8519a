"use client";

import { LogOut } from "lucide-react";
import { useTransition } from "react";
import { logoutAction } from "@/app/(app)/actions";
import { DropdownMenuItem } from "@/components/ui/dropdown-menu";

export function LogoutItem() {
  const [pending, startTransition] = useTransition();
  return (
    <DropdownMenuItem
      disabled={pending}
      onSelect={(event) => {
        // The menu unmounts on select; the action is started here so nothing depends on its DOM.
        event.preventDefault();
        startTransition(() => logoutAction());
      }}
    >
      <LogOut className="size-4" aria-hidden="true" /> {pending ? "Déconnexion…" : "Se déconnecter"}
    </DropdownMenuItem>
  );
}
