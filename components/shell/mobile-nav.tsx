"use client";

import { Menu } from "lucide-react";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetDescription, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import { Logo } from "./logo";
import { type Item, NavLinks } from "./sidebar";

/** The menu on phones and tablets: a drawer from the left, closed again by a choice, Escape or a tap outside. */
export function MobileNav({ items }: { items: Item[] }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [openedOn, setOpenedOn] = useState(pathname);
  // A navigation not started from the drawer (back button, a link behind it) closes it too.
  if (open && openedOn !== pathname) setOpen(false);

  return (
    <Sheet
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setOpenedOn(pathname);
      }}
    >
      <SheetTrigger asChild>
        <Button variant="ghost" size="icon" className="-ml-2 size-11 lg:hidden" aria-label="Ouvrir le menu">
          <Menu className="size-5" aria-hidden="true" />
        </Button>
      </SheetTrigger>
      <SheetContent side="left" className="border-sidebar-border bg-sidebar text-sidebar-foreground">
        <div className="flex h-14 items-center px-4">
          <Logo compact={false} />
        </div>
        <SheetTitle className="sr-only">Menu</SheetTitle>
        <SheetDescription className="sr-only">Pages de l&apos;application</SheetDescription>
        <NavLinks items={items} onNavigate={() => setOpen(false)} />
      </SheetContent>
    </Sheet>
  );
}
