import type { FieldDef } from "./fields";

/** Fields of a clients file, with the header names ERPs use for each (French first, then English). */
export const CLIENT_FIELDS = [
  {
    key: "code", label: "Code client", required: true, type: "code",
    synonyms: [
      "Code client", "N° client", "Code", "Compte", "Compte client", "Compte auxiliaire", "Compte tiers",
      "Code tiers", "Tiers", "Identifiant client", "Customer code", "Customer number", "Customer ID", "Client ID",
      "Account", "Account number",
    ],
  },
  {
    key: "name", label: "Raison sociale", required: true, type: "text",
    synonyms: [
      "Raison sociale", "Nom", "Nom client", "Nom du client", "Client", "Dénomination", "Dénomination sociale",
      "Intitulé", "Intitulé compte", "Libellé", "Libellé compte", "Company name", "Company", "Customer name",
      "Customer", "Name", "Account name", "Client name", "Legal name", "Business name",
    ],
  },
  {
    key: "siren", label: "SIREN", required: false, type: "siren",
    synonyms: ["SIREN", "N° SIREN", "SIREN client"],
  },
  {
    key: "siret", label: "SIRET", required: false, type: "siret",
    synonyms: ["SIRET", "N° SIRET"],
  },
  {
    key: "vatNumber", label: "N° TVA intracommunautaire", required: false, type: "text",
    synonyms: [
      "N° TVA", "TVA intracom", "TVA intracommunautaire", "N° TVA intracommunautaire", "Identifiant TVA", "TVA",
      "VAT number", "VAT ID", "VAT",
    ],
  },
  {
    key: "address", label: "Adresse", required: false, type: "text",
    synonyms: ["Adresse", "Adresse 1", "Adresse ligne 1", "Rue", "Address", "Address 1", "Address line 1", "Street"],
  },
  {
    key: "postalCode", label: "Code postal", required: false, type: "postalCode",
    synonyms: ["Code postal", "CP", "Zip", "Zip code", "Postal code", "Postcode"],
  },
  {
    key: "city", label: "Ville", required: false, type: "text",
    synonyms: ["Ville", "Localité", "Commune", "City", "Town"],
  },
  {
    key: "country", label: "Pays", required: false, type: "country",
    synonyms: ["Pays", "Code pays", "Country", "Country code"],
  },
  {
    key: "phone", label: "Téléphone", required: false, type: "text",
    synonyms: ["Téléphone", "Tél", "Téléphone fixe", "Phone", "Phone number", "Telephone", "Telephone number"],
  },
  {
    key: "email", label: "E-mail", required: false, type: "email",
    synonyms: [
      "E-mail", "Email", "Mail", "Courriel", "Adresse e-mail", "Adresse mail", "E-mail facturation",
      "E-mail comptabilité", "Email address", "Billing email", "Accounting email",
    ],
  },
  {
    key: "contactName", label: "Contact (nom)", required: false, type: "text",
    synonyms: ["Contact", "Nom du contact", "Nom contact", "Interlocuteur", "Contact name", "Contact person"],
  },
  {
    key: "contactCivility", label: "Civilité", required: false, type: "civility",
    synonyms: ["Civilité", "Civilité contact", "Civilité du contact", "Titre", "Title", "Salutation", "Genre", "Sexe", "Gender"],
  },
  {
    key: "paymentTermsDays", label: "Délai de paiement (jours)", required: false, type: "days",
    synonyms: [
      "Délai de paiement", "Délai de règlement", "Conditions de règlement", "Conditions de paiement",
      "Condition de paiement", "Délai", "Nombre de jours", "Payment terms", "Terms", "Payment terms days",
    ],
  },
  {
    key: "creditLimit", label: "Encours autorisé", required: false, type: "amount",
    synonyms: [
      "Encours autorisé", "Encours maximum", "Encours max", "Plafond", "Plafond d'encours", "Limite de crédit",
      "Limite crédit", "Credit limit",
    ],
  },
  {
    key: "collectorEmail", label: "Chargé de recouvrement (e-mail)", required: false, type: "email",
    synonyms: [
      "Chargé de recouvrement", "Chargé recouvrement", "Gestionnaire", "Gestionnaire recouvrement",
      "Responsable recouvrement", "Recouvreur", "E-mail recouvrement", "Credit manager", "Collector",
    ],
  },
  {
    key: "salesRepEmail", label: "Commercial (e-mail)", required: false, type: "email",
    synonyms: [
      "Commercial", "E-mail commercial", "Représentant", "Vendeur", "Chargé d'affaires", "Sales rep", "Salesperson",
      "Account manager",
    ],
  },
  {
    key: "entityCode", label: "Société", required: false, type: "code",
    synonyms: [
      "Société", "Code société", "Établissement", "Code établissement", "Entité", "Dossier", "Entity", "Company code",
      "Entity code",
    ],
  },
] as const satisfies readonly FieldDef[];
