"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { authedAction } from "@/lib/auth/action";
import { columnsCookie } from "@/lib/clients/columns";

/** Remembers the user's clients-list columns for a year; unknown keys are dropped when the list reads them. */
export const chooseColumnsAction = authedAction(
  "clients.read",
  z.object({ columns: z.array(z.string().min(1).max(80)).max(40) }),
  async ({ columns }) => {
    (await cookies()).set(columnsCookie, encodeURIComponent(columns.join(",")), { path: "/", maxAge: 31_536_000, sameSite: "lax", httpOnly: true });
    return { ok: true, data: undefined };
  },
);
