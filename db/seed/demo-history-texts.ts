/** What the demo collectors wrote over the past weeks: call notes by outcome, tasks, comments and their replies. */
import type { ActionOutcome } from "@/lib/collection/labels";

export const callNotes: Partial<Record<ActionOutcome, string[]>> = {
  reached: [
    "Comptable jointe : facture bien reçue, en attente de validation par la direction.",
    "Le règlement est en cours de traitement, je rappelle la semaine prochaine.",
    "Le client demande un duplicata de la facture, renvoyé par e-mail.",
    "Interlocuteur joint : la facture attend le visa du conducteur de travaux.",
    "Bon de livraison manquant, transmis ce jour à la comptabilité fournisseurs.",
  ],
  not_reached: ["Standard injoignable.", "Ligne occupée, rappeler en fin de matinée.", "Numéro erroné, coordonnées à vérifier."],
  voicemail: [
    "Message laissé sur la messagerie de la comptabilité.",
    "Message laissé à l'assistante, rappel demandé.",
    "Message laissé au gérant, absent jusqu'à lundi.",
  ],
  promise: [
    "Virement promis par la comptable.",
    "Règlement prévu lors de la prochaine campagne de paiements.",
    "Chèque annoncé, envoi cette semaine.",
    "Le gérant s'engage à régler dès réception du paiement de son propre client.",
  ],
  already_paid: [
    "Le client indique avoir réglé par virement : paiement à rapprocher.",
    "Règlement envoyé la semaine dernière d'après la comptable.",
  ],
};

export const taskNotes = [
  "Relevé de compte envoyé au client pour rapprochement.",
  "Adresse de facturation mise à jour après échange avec le client.",
  "Dossier transmis au commercial pour un point avec le gérant.",
  "Copies des bons de livraison signés demandées au dépôt.",
];

export const comments = [
  "Le client conteste les frais de livraison sur la dernière facture : à voir avec le commercial avant de relancer.",
  "Changement de comptable chez le client : nouvelle interlocutrice à partir du mois prochain.",
  "Client en difficulté de trésorerie, il demande un échéancier sur trois mois. Qu'en penses-tu ?",
  "Bon de commande manquant sur deux factures, le client bloque le paiement en attendant.",
  "Le client a changé de banque : les prochains virements arriveront d'un nouveau compte.",
  "Le gérant souhaite être appelé directement plutôt que la comptabilité.",
];

export const replies = [
  "Je passe chez eux jeudi, je fais le point avec le gérant.",
  "Vu avec le client : il confirme le règlement en fin de mois.",
  "D'accord pour l'échéancier, à condition que la première échéance tombe ce mois-ci.",
  "Je leur renvoie aujourd'hui les bons de commande signés.",
];
