import { KeyRound } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { type Role, roleLabels } from "@/lib/auth/roles";
import { LogoutItem } from "./logout-item";

function initials(name: string) {
  return name
    .split(/\s+/)
    .map((part) => part[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
}

export function UserMenu({ user }: { user: { name: string; email: string; role: Role } }) {
  return (
    // Not modal: a modal menu hides the page from screen readers while its links stay focusable behind it.
    <DropdownMenu modal={false}>
      <DropdownMenuTrigger asChild>
        {/* Named by what it shows, the name and the role (WCAG 2.5.3); the initials are decoration. */}
        <Button variant="ghost" className="gap-2 px-2">
          <span aria-hidden="true" className="flex size-8 items-center justify-center rounded-full bg-primary text-xs font-semibold text-primary-foreground">
            {initials(user.name)}
          </span>
          <span className="sr-only text-left text-sm leading-tight md:not-sr-only md:block">
            <span className="block font-medium">{user.name}</span>
            <span className="block text-xs text-muted-foreground">{roleLabels[user.role]}</span>
          </span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-56">
        <DropdownMenuLabel>
          <span className="block">{user.name}</span>
          <span className="block text-xs font-normal text-muted-foreground">{user.email}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/compte/cles-api">
            <KeyRound className="size-4" aria-hidden="true" /> Clés d&apos;API
          </Link>
        </DropdownMenuItem>
        <LogoutItem />
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
