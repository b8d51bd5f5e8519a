"use server";

import { headers } from "next/headers";
import { AuthError } from "next-auth";
import { LoginThrottled, signIn } from "@/lib/auth/config";
import { waitInWords } from "@/lib/auth/login-throttle";
import { requestOrigin } from "@/lib/auth/request-origin";
import { safeReturnPath } from "@/lib/auth/return-path";

export type LoginState = { error: string } | null;

export async function loginAction(_previous: LoginState, form: FormData): Promise<LoginState> {
  try {
    await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirectTo: safeReturnPath(form.get("callbackUrl"), requestOrigin(await headers())),
    });
    return null;
  } catch (error) {
    if (error instanceof LoginThrottled) {
      return {
        error: `Trop de tentatives échouées : par sécurité, patientez ${waitInWords(error.waitSeconds)} avant de réessayer.`,
      };
    }
    if (error instanceof AuthError) return { error: "Adresse e-mail ou mot de passe incorrect." };
    throw error;
  }
}
