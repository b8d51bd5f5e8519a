import { createDocument } from "zod-openapi";
import { actionsPaths } from "./contract/actions";
import { clientsPaths } from "./contract/clients";
import { disputesPaths } from "./contract/disputes";
import { importsPaths } from "./contract/imports";
import { kpisPaths } from "./contract/kpis";
import { piecesPaths } from "./contract/pieces";
import { promisesPaths } from "./contract/promises";
import { threadsPaths } from "./contract/threads";

const description = `API REST d'Encaisse : lire l'encours, les pièces, les actions et les litiges, et pousser des fichiers depuis
votre ERP, votre BI ou votre CRM, avec les mêmes droits et le même périmètre que l'utilisateur de la clé.

- **Authentification** : \`Authorization: Bearer <clé>\`. Créez une clé dans Encaisse (menu de votre compte → Clés d'API) ;
  elle n'est affichée qu'une fois.
- **Limite** : 600 requêtes par minute et par clé par défaut ; au-delà, 429 avec \`Retry-After\`.
- **Pagination** : par curseur ; passez \`next_cursor\` en \`cursor\` jusqu'à ce qu'il vaille null.
- **Cache** : chaque lecture porte un \`ETag\` ; renvoyez-le en \`If-None-Match\` pour recevoir 304 s'il n'a pas changé.
- **Idempotence** : un POST avec l'en-tête \`Idempotency-Key\` rejoué sous 24 h renvoie la même réponse sans refaire l'opération.
- **Erreurs** : RFC 9457 (\`application/problem+json\`), titres en français, détail par champ dans \`errors\`.
- **Montants** : chaînes décimales exactes (\`"1250.00"\`) ; dates \`AAAA-MM-JJ\`.`;

/** zod writes ±2⁵³−1 as the bounds of every integer: true, but noise in every field of the reference. */
function withoutSafeIntegerBounds({ jsonSchema }: { jsonSchema: { minimum?: number; maximum?: number } }) {
  if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
  if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
}

/** The OpenAPI 3.1 document of `/api/v1`, generated from the zod schemas the routes validate with. */
export function openApiDocument() {
  return createDocument({
    openapi: "3.1.0",
    info: { title: "API Encaisse", version: "1.0.0", description },
    servers: [{ url: "/api/v1", description: "Cette instance" }],
    security: [{ cleApi: [] }],
    components: { securitySchemes: { cleApi: { type: "http", scheme: "bearer", description: "Clé d'API Encaisse (enc_…)." } } },
    tags: [
      { name: "Clients", description: "Clients de votre périmètre : encours, échu, affectation, suspension des relances." },
      { name: "Pièces", description: "Factures, avoirs et règlements des clients de votre périmètre, avec les filtres de la liste Pièces." },
      { name: "Actions", description: "Actions de relance : lire l'agenda, noter ou planifier un appel, enregistrer un résultat." },
      { name: "Promesses", description: "Promesses de paiement : leurs pièces ne sont plus relancées tant qu'elles sont en attente." },
      { name: "Litiges", description: "Litiges sur les pièces : ouverture, suivi, responsable, résolution ; les pièces d'un litige actif ne sont pas relancées." },
      { name: "Discussions", description: "Discussions internes sur un client, une pièce, un litige ou une action, avec mentions et notifications." },
      { name: "Indicateurs", description: "Les indicateurs de la page d'accueil : encours, échu, DSO, CEI, balance âgée." },
      { name: "Imports", description: "Envoyer un fichier de l'ERP avec un profil d'import et suivre son import (administrateurs)." },
    ],
    paths: {
      ...clientsPaths,
      ...piecesPaths,
      ...actionsPaths,
      ...promisesPaths,
      ...disputesPaths,
      ...threadsPaths,
      ...kpisPaths,
      ...importsPaths,
    },
  }, { override: withoutSafeIntegerBounds });
}
