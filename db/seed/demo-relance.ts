/** The demo's default relance scenario « Standard » and the templates it sends. No group: supervisors create them. */
import type { Queryable } from "../client";
import { recomputeGroupMembership } from "../queries/group-membership";
import { groups, scenarios, scenarioSteps, templates } from "../schema";

type TemplateName = "Rappel avant échéance" | "Relance amiable" | "Lettre de relance" | "Mise en demeure" | "Relance SMS";

// Letters end on the closing formula: the letter layout prints the signature and, for a formal notice, the postal
// mention itself. E-mails carry their own signature.
export const demoTemplates: { name: TemplateName; channel: "email" | "letter" | "sms"; subject: string | null; body: string }[] = [
  {
    name: "Rappel avant échéance",
    channel: "email",
    subject: "Échéance prochaine de vos factures – {{societe.nom}}",
    body: `<p>{{contact.salutation}}</p>
<p>Nous nous permettons de vous rappeler que les factures ci-dessous arriveront prochainement à échéance :</p>
{{pieces.tableau}}
<p>Le montant à régler s'élève à <strong>{{totaux.reste_du}}</strong>. Le règlement peut être effectué par virement sur notre compte <strong>{{societe.iban}}</strong>, en rappelant les numéros de factures en référence.</p>
<p>Si votre règlement est déjà programmé, nous vous en remercions et vous prions de ne pas tenir compte de ce message. {{gestionnaire.nom}}, {{gestionnaire.interlocuteur}}, reste à votre disposition au {{gestionnaire.telephone}} ou à l'adresse {{gestionnaire.email}}.</p>
<p>Nous vous prions d'agréer, {{contact.titre}}, nos sincères salutations.</p>
<p>{{societe.signature}}<br>{{societe.nom}}</p>`,
  },
  {
    name: "Relance amiable",
    channel: "email",
    subject: "Factures échues – {{client.raison_sociale}} (compte {{client.code}})",
    body: `<p>{{contact.salutation}}</p>
<p>Sauf erreur ou omission de notre part, les factures ci-dessous, arrivées à échéance, restent impayées à ce jour :</p>
{{pieces.tableau}}
<p>Nous vous remercions de bien vouloir procéder au règlement de la somme de <strong>{{totaux.reste_du}}</strong> dans les meilleurs délais, par virement sur notre compte <strong>{{societe.iban}}</strong>, en rappelant les numéros de factures.</p>
<p>Si votre paiement a été émis entre-temps, nous vous prions de ne pas tenir compte de ce message. Si l'une de ces factures appelle une remarque de votre part, {{gestionnaire.nom}}, {{gestionnaire.interlocuteur}}, se tient à votre disposition au {{gestionnaire.telephone}} ou à l'adresse {{gestionnaire.email}} afin que nous trouvions ensemble une solution.</p>
<p>Nous vous prions d'agréer, {{contact.titre}}, nos salutations distinguées.</p>
<p>{{societe.signature}}<br>{{societe.nom}}</p>`,
  },
  {
    name: "Lettre de relance",
    channel: "letter",
    subject: "Deuxième relance – factures impayées (compte client {{client.code}})",
    body: `<p>{{contact.salutation}}</p>
<p>Nous vous avons récemment signalé que les factures ci-dessous étaient arrivées à échéance. Sauf erreur de notre part, elles demeurent impayées à ce jour :</p>
{{pieces.tableau}}
<p>Nous vous demandons de bien vouloir nous régler la somme de <strong>{{totaux.reste_du}}</strong> sous quinze jours, par virement sur notre compte <strong>{{societe.iban}}</strong> en rappelant les numéros de factures, ou par chèque à l'ordre de {{societe.nom}}.</p>
<p>Nous vous rappelons qu'en application de l'article L441-10 du Code de commerce, tout retard de paiement rend exigibles de plein droit des pénalités de retard au taux annuel de {{penalites.taux}}, ainsi qu'une indemnité forfaitaire pour frais de recouvrement de {{penalites.indemnite_forfaitaire}} par facture.</p>
<p>Si votre règlement nous est parvenu entre-temps, nous vous prions de ne pas tenir compte de la présente. Pour toute question, {{gestionnaire.nom}}, {{gestionnaire.interlocuteur}}, se tient à votre disposition au {{gestionnaire.telephone}}.</p>
<p>Nous vous prions d'agréer, {{contact.titre}}, l'expression de nos salutations distinguées.</p>`,
  },
  {
    name: "Mise en demeure",
    channel: "letter",
    subject: "Mise en demeure de payer – compte client {{client.code}}",
    body: `<p>{{contact.salutation}}</p>
<p>Malgré nos relances successives, restées sans effet, vous demeurez redevable envers {{societe.nom}} des factures ci-dessous, échues et non réglées :</p>
{{pieces.tableau}}
<p>En application de l'article L441-10 du Code de commerce, ces factures portent de plein droit, depuis leur date d'échéance, des pénalités de retard au taux annuel de {{penalites.taux}}. Chaque facture payée en retard donne lieu en outre à une indemnité forfaitaire pour frais de recouvrement de {{penalites.indemnite_forfaitaire}} (article D441-5 du même code), soit {{penalites.indemnites}} pour {{penalites.factures}} :</p>
{{pieces.tableau_penalites}}
<p>Par la présente, nous vous <strong>mettons en demeure</strong> de nous régler, dans un délai de <strong>huit jours</strong> à compter de sa réception :</p>
<ul><li>la somme de <strong>{{totaux.reste_du}}</strong> en principal ;</li><li>{{penalites.total}} de pénalités de retard, arrêtées au {{date.aujourdhui}} ;</li><li>{{penalites.indemnites}} d'indemnités forfaitaires pour frais de recouvrement,</li></ul>
<p>soit un total de <strong>{{penalites.total_a_payer}}</strong>, par virement sur notre compte {{societe.iban}} en rappelant les numéros de factures.</p>
<p>À défaut de règlement dans ce délai, nous engagerons sans autre avis toute procédure judiciaire utile au recouvrement de notre créance, les frais en résultant restant à votre charge. La présente lettre vaut mise en demeure au sens de l'article 1344 du Code civil.</p>
<p>{{gestionnaire.nom}}, {{gestionnaire.interlocuteur}}, se tient à votre disposition au {{gestionnaire.telephone}} pour toute question relative à ce dossier.</p>
<p>Nous vous prions d'agréer, {{contact.titre}}, l'expression de nos salutations distinguées.</p>`,
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
