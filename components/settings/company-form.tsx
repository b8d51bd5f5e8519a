"use client";

import { startTransition, useActionState, useEffect, useRef } from "react";
import { saveCompanyAction } from "@/app/(app)/parametrage/societe/actions";
import { Field, FieldErrorsContext } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/auth/action";
import type { Company } from "@/lib/settings/options";

const rateHelpId = "late-payment-rate-help";

export function CompanyForm({ company, ratePercent }: { company: Company; ratePercent: string }) {
  const [state, formAction, pending] = useActionState<ActionResult | null, FormData>(saveCompanyAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const formRef = useRef<HTMLFormElement>(null);
  // After a refused save, the keyboard lands on the first field to correct.
  useEffect(() => {
    if (state && !state.ok) formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [state]);

  return (
    <form
      ref={formRef}
      // Remounted when the stored values change, so a save shows them as stored (IBAN grouped by four, BIC in capitals).
      key={JSON.stringify([company, ratePercent])}
      noValidate
      onSubmit={(event) => {
        // Submitting by hand keeps what was typed when the server answers with errors.
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
    >
      <FieldErrorsContext value={errors}>
        <Card>
          <CardHeader>
            <CardTitle>Identité de la société</CardTitle>
            <CardDescription>En-tête, signature et pied de page des courriers ; disponibles dans les modèles comme clips « Société ».</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4 md:grid-cols-2">
            <Field name="name" label="Raison sociale">
              {(p) => <Input {...p} defaultValue={company.name} required autoComplete="organization" />}
            </Field>
            <Field name="city" label="Ville d'émission des courriers">
              {(p) => <Input {...p} defaultValue={company.city} placeholder="Lyon" />}
            </Field>
            <Field name="address" label="Adresse">
              {(p) => <Textarea {...p} defaultValue={company.address} rows={3} placeholder={"27 rue de la Villette\n69003 Lyon"} />}
            </Field>
            <Field name="signature" label="Signature">
              {(p) => <Textarea {...p} defaultValue={company.signature} rows={3} placeholder={"Prénom Nom\nResponsable crédit clients"} />}
            </Field>
            <Field name="phone" label="Téléphone">
              {(p) => <Input {...p} type="tel" defaultValue={company.phone} autoComplete="tel" />}
            </Field>
            <Field name="email" label="E-mail">
              {(p) => <Input {...p} type="email" defaultValue={company.email} autoComplete="email" />}
            </Field>
            <Field name="iban" label="IBAN">
              {(p) => <Input {...p} defaultValue={company.iban} className="font-mono" spellCheck={false} autoComplete="off" />}
            </Field>
            <Field name="bic" label="BIC">
              {(p) => <Input {...p} defaultValue={company.bic} className="font-mono uppercase" spellCheck={false} autoComplete="off" />}
            </Field>
            <div className="md:col-span-2">
              <Field name="legalMentions" label="Mentions légales (pied de page)">
                {(p) => (
                  <Textarea {...p} defaultValue={company.legalMentions} rows={2} placeholder="SAS au capital de … € – RCS Lyon … – TVA FR…" />
                )}
              </Field>
            </div>
          </CardContent>
        </Card>

        <Card className="mt-6">
          <CardHeader>
            <CardTitle>Pénalités de retard</CardTitle>
          </CardHeader>
          <CardContent className="max-w-sm">
            <Field name="latePaymentRatePercent" label="Taux annuel des pénalités de retard (%)">
              {(p) => (
                <Input
                  {...p}
                  defaultValue={ratePercent}
                  inputMode="decimal"
                  className="tabular"
                  aria-describedby={[p["aria-describedby"], rateHelpId].filter(Boolean).join(" ")}
                />
              )}
            </Field>
            <p id={rateHelpId} className="mt-1.5 text-xs text-muted-foreground">
              Taux de refinancement de la BCE majoré de 10 points (Code de commerce, art. L441-10), à mettre à jour chaque semestre.
            </p>
          </CardContent>
        </Card>
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? "Enregistrement…" : "Enregistrer"}
          </Button>
          <span role="status" className={state?.ok ? "text-sm text-success" : "text-sm text-destructive"}>
            {state ? (state.ok ? state.message : state.error) : null}
          </span>
        </div>
      </FieldErrorsContext>
    </form>
  );
}
