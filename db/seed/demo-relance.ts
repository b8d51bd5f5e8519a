/** The demo's default relance scenario « Standard » and the templates it sends. No group: supervisors create them. */
import type { Queryable } from "../client";
import { recomputeGroupMembership } from "../queries/group-membership";
import { groups, scenarios, scenarioSteps, templates } from "../schema";

type TemplateName = "Rappel avant échéance" | "Relance amiable" | "Lettre de relance" | "Mise en demeure" | "Relance SMS";

export const demoTemplates: { name: TemplateName; channel: "email" | "letter" | "sms"; subject: string | null; body: string }[] = [
  {
    name: "Rappel avant échéance",
    channel: "email",
    subject: "Rappel : factures arrivant à échéance — {{societe.nom}}",
    body: `<p>{{contact.civilite}} {{contact.nom}},</p>
<p>Nous nous permettons de vous rappeler que les factures ci-dessous arrivent prochainement à échéance :</p>
{{pieces.tableau}}
<p>Le montant à régler s'élève à <strong>{{totaux.reste_du}}</strong>. Vous pouvez effectuer votre virement sur notre compte <strong>{{societe.iban}}</strong>, en indiquant les numéros de factures en référence.</p>
<p>Si votre règlement est déjà programmé, nous vous en remercions et vous prions de ne pas tenir compte de ce message.</p>
<p>Pour toute question, {{gestionnaire.nom}} reste à votre disposition au {{gestionnaire.telephone}} ou à l'adresse {{gestionnaire.email}}.</p>
<p>Bien cordialement,</p>
<p>{{societe.signature}}</p>`,
  },
  {
    name: "Relance amiable",
    channel: "email",
    subject: "Factures échues — {{client.raison_sociale}} (compte {{client.code}})",
    body: `<p>{{contact.civilite}} {{contact.nom}},</p>
<p>Sauf erreur ou omission de notre part, les factures suivantes, arrivées à échéance, restent impayées à ce jour :</p>
{{pieces.tableau}}
<p>Le montant restant dû s'élève à <strong>{{totaux.reste_du}}</strong>. Nous vous remercions de bien vouloir procéder à son règlement dans les meilleurs délais, par virement sur notre compte <strong>{{societe.iban}}</strong>.</p>
<p>Si votre paiement a été émis entre-temps, nous vous prions de ne pas tenir compte de ce message. En cas de difficulté ou de désaccord sur l'une de ces factures, n'hésitez pas à nous en faire part afin que nous trouvions ensemble une solution.</p>
<p>Bien cordialement,</p>
<p>{{gestionnaire.nom}}<br>{{gestionnaire.telephone}} · {{gestionnaire.email}}</p>
<p>{{societe.signature}}</p>`,
  },
  {
    name: "Lettre de relance",
    channel: "letter",
    subject: "Relance pour factures impayées — compte client {{client.code}}",
    body: `<p>{{contact.civilite}} {{contact.nom}},</p>
<p>Malgré notre précédent rappel, nous constatons que les factures suivantes demeurent impayées à ce jour :</p>
{{pieces.tableau}}
<p>Le solde restant dû s'élève à <strong>{{totaux.reste_du}}</strong>. Nous vous demandons de bien vouloir régulariser cette situation sous quinze jours, par virement sur notre compte <strong>{{societe.iban}}</strong>, en rappelant les références des factures.</p>
<p>Nous vous rappelons que, conformément à nos conditions générales de vente et à l'article L441-10 du Code de commerce, tout retard de paiement entraîne l'application de pénalités de retard et d'une indemnité forfaitaire pour frais de recouvrement de {{penalites.indemnite_forfaitaire}} par facture.</p>
<p>Si votre règlement nous est parvenu entre-temps, nous vous prions de ne pas tenir compte de ce courrier. {{gestionnaire.nom}}, votre interlocuteur, se tient à votre disposition au {{gestionnaire.telephone}} pour tout renseignement.</p>
<p>Nous vous prions d'agréer, {{contact.civilite}} {{contact.nom}}, l'expression de nos salutations distinguées.</p>
<p>{{societe.signature}}</p>`,
  },
  {
    name: "Mise en demeure",
    channel: "letter",
    subject: "Mise en demeure de payer",
    body: `<p><strong>Lettre recommandée avec accusé de réception</strong></p>
<p>{{contact.civilite}} {{contact.nom}},</p>
<p>Malgré nos relances successives, restées sans effet, vous demeurez redevable envers {{societe.nom}} des sommes suivantes :</p>
{{pieces.tableau}}
<p>En application de l'article L441-10 du Code de commerce, ces factures portent de plein droit, depuis leur échéance, des pénalités de retard au taux annuel de {{penalites.taux}}. S'y ajoute, pour chaque facture payée en retard, l'indemnité forfaitaire pour frais de recouvrement de {{penalites.indemnite_forfaitaire}} prévue à l'article D441-5 du même code :</p>
{{pieces.tableau_penalites}}
<p>Par la présente, nous vous <strong>mettons en demeure</strong> de nous régler la somme de <strong>{{totaux.reste_du}}</strong> en principal, ainsi que <strong>{{penalites.total_avec_indemnites}}</strong> au titre des pénalités de retard et indemnités forfaitaires, dans un délai de <strong>huit jours</strong> à compter de la réception du présent courrier, par virement sur notre compte {{societe.iban}}.</p>
<p>À défaut de règlement dans ce délai, nous engagerons sans autre avis les procédures judiciaires nécessaires au recouvrement de notre créance, les frais correspondants restant à votre charge.</p>
<p>Veuillez agréer, {{contact.civilite}} {{contact.nom}}, nos salutations distinguées.</p>
<p>{{societe.signature}}</p>`,
  },
  {
    name: "Relance SMS",
    channel: "sms",
    subject: null,
    body: "{{societe.nom}} : sauf erreur, {{totaux.reste_du}} restent dus sur vos factures échues (compte {{client.code}}). Merci de régulariser. Contact : {{gestionnaire.telephone}}",
  },
];

export const standardScenario = {
  name: "Standard",
  description: "Scénario par défaut : un rappel avant l'échéance, puis relance amiable, appel, lettre et mise en demeure.",
  steps: [
    { label: "E-mail préventif", offsetDays: -5, actionType: "email", template: "Rappel avant échéance", mode: "automatic", minAmount: "0" },
    { label: "E-mail de relance", offsetDays: 5, actionType: "email", template: "Relance amiable", mode: "automatic", minAmount: "0" },
    { label: "Appel de relance", offsetDays: 15, actionType: "call", template: null, mode: "manual", minAmount: "0" },
    { label: "Lettre de relance", offsetDays: 30, actionType: "letter", template: "Lettre de relance", mode: "automatic_to_confirm", minAmount: "0" },
    { label: "Mise en demeure", offsetDays: 45, actionType: "formal_notice", template: "Mise en demeure", mode: "automatic_to_confirm", minAmount: "500" },
  ],
} as const satisfies {
  name: string;
  description: string;
  steps: readonly { label: string; offsetDays: number; actionType: string; template: TemplateName | null; mode: string; minAmount: string }[];
};

/** Inserts the demo templates and the « Standard » scenario; returns the scenario's id. */
export async function seedDemoRelance(db: Queryable, today: string): Promise<string> {
  const rows = await db.insert(templates).values(demoTemplates).returning({ id: templates.id, name: templates.name });
  const templateId = new Map(rows.map((r) => [r.name, r.id]));
  const [scenario] = await db.insert(scenarios).values({ name: standardScenario.name, description: standardScenario.description }).returning({ id: scenarios.id });
  await db.insert(scenarioSteps).values(
    standardScenario.steps.map(({ template, ...step }, i) => ({
      ...step,
      scenarioId: scenario.id,
      position: i + 1,
      templateId: template ? templateId.get(template)! : null,
      recipientRole: "facturation",
    })),
  );
  // One catch-all group, so every demo client follows the scenario until supervisors refine the groups.
  await db.insert(groups).values({ name: "Tous les clients", priority: 1, criteria: [], scenarioId: scenario.id });
  await recomputeGroupMembership(db, today);
  return scenario.id;
}
