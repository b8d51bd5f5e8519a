"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/auth/config";
import { env } from "@/lib/env";

export type LoginState = { error: string } | null;

/** Keeps only the path of the requested page, so a crafted link can never send the user to another site. */
function safeRedirect(target: FormDataEntryValue | null): string {
  if (typeof target !== "string") return "/";
  try {
    const url = new URL(target, "http://encaisse.local");
    return url.pathname.startsWith("/login") ? "/" : url.pathname + url.search;
  } catch {
    return "/";
  }
}

export async function loginAction(_previous: LoginState, form: FormData): Promise<LoginState> {
  try {
    await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirectTo: safeRedirect(form.get("callbackUrl")),
    });
    return null;
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "rate_limited") {
      return {
        error: `Trop de tentatives échouées : par sécurité, ce compte est bloqué ${env.LOGIN_WINDOW_MINUTES} minutes. Réessayez plus tard.`,
      };
    }
    if (error instanceof AuthError) return { error: "Adresse e-mail ou mot de passe incorrect." };
    throw error;
  }
}
