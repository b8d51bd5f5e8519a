import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { ClientPaymentPlan, PlanInstalment } from "@/db/queries/payment-plans";
import { formatDate, formatMoney } from "@/lib/format/fr";
import { CancelPaymentPlanButton } from "./cancel-payment-plan-button";

const planBadges: Record<ClientPaymentPlan["status"], { label: string; variant: "info" | "success" | "destructive" | "secondary" }> = {
  active: { label: "En cours", variant: "info" },
  kept: { label: "Tenu", variant: "success" },
  broken: { label: "Rompu", variant: "destructive" },
  cancelled: { label: "Annulé", variant: "secondary" },
};

function InstalmentBadge({ line, today, active }: { line: PlanInstalment; today: string; active: boolean }) {
  if (line.paidOn) return <Badge variant="success">Payée le {formatDate(line.paidOn)}</Badge>;
  if (line.dueDate < today) return <Badge variant="destructive">{active ? "En retard" : "Impayée"}</Badge>;
  return <Badge variant="outline">À venir</Badge>;
}

/** The client's échéanciers, active first: their pièces, what is paid so far and each instalment's state. */
export function PaymentPlansCard({ plans, today, canWork }: { plans: ClientPaymentPlan[]; today: string; canWork: boolean }) {
  return (
    <Card data-testid="payment-plans-card">
      <CardHeader className="pb-3">
        <CardTitle>Échéanciers</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4 text-sm">
        {plans.length === 0 && <p className="text-muted-foreground">Aucun échéancier.</p>}
        {plans.map((plan) => {
          const badge = planBadges[plan.status];
          const active = plan.status === "active";
          return (
            <section key={plan.id} aria-label={`Échéancier du ${formatDate(plan.createdOn)}`} className="space-y-2 border-b pb-3 last:border-b-0 last:pb-0">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-medium">
                  {formatMoney(plan.amount)} en {plan.instalments.length} échéance{plan.instalments.length > 1 ? "s" : ""}
                </span>
                <Badge variant={badge.variant}>
                  {badge.label}
                  {plan.endedOn && !active ? ` le ${formatDate(plan.endedOn)}` : ""}
                </Badge>
              </div>
              <p className="text-xs text-muted-foreground">
                Du {formatDate(plan.createdOn)}
                {plan.createdBy ? `, par ${plan.createdBy}` : ""} · {plan.documents.map((d) => d.number).join(", ")} · réglé {formatMoney(plan.paid)}
              </p>
              <ol className="space-y-1">
                {plan.instalments.map((line) => (
                  <li key={line.seq} className="flex items-center justify-between gap-2">
                    <span className="tabular">
                      {formatDate(line.dueDate)} · {formatMoney(line.amount)}
                    </span>
                    <InstalmentBadge line={line} today={today} active={active} />
                  </li>
                ))}
              </ol>
              {active && canWork && <CancelPaymentPlanButton planId={plan.id} />}
            </section>
          );
        })}
      </CardContent>
    </Card>
  );
}
