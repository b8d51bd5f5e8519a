/** Word lists for believable French companies, people and places. */
export const companyStems = [
  "Bâtiment", "Menuiserie", "Électricité", "Plomberie", "Transports", "Logistique", "Boulangerie", "Imprimerie",
  "Pharmacie", "Garage", "Couverture", "Charpente", "Peinture", "Carrelage", "Métallerie", "Chaudronnerie",
  "Paysages", "Nettoyage", "Informatique", "Conseil", "Distribution", "Négoce", "Matériaux", "Agencement",
  "Froid", "Climatisation", "Travaux Publics", "Terrassement", "Vitrerie", "Isolation", "Restauration", "Hôtellerie",
  "Textile", "Mécanique", "Usinage", "Emballages", "Librairie", "Optique", "Quincaillerie", "Sanitaire",
] as const;

/** The "Secteur" custom field of demo clients, from the trade their name says. */
export const sectorByStem: Record<(typeof companyStems)[number], string> = {
  Bâtiment: "BTP", Menuiserie: "BTP", Électricité: "BTP", Plomberie: "BTP", Couverture: "BTP", Charpente: "BTP",
  Peinture: "BTP", Carrelage: "BTP", "Travaux Publics": "BTP", Terrassement: "BTP", Vitrerie: "BTP", Isolation: "BTP",
  Agencement: "BTP", Métallerie: "BTP", Froid: "BTP", Climatisation: "BTP",
  Chaudronnerie: "Industrie", Imprimerie: "Industrie", Textile: "Industrie", Mécanique: "Industrie",
  Usinage: "Industrie", Emballages: "Industrie",
  Transports: "Transport", Logistique: "Transport",
  Distribution: "Distribution", Négoce: "Distribution", Matériaux: "Distribution", Quincaillerie: "Distribution",
  Sanitaire: "Distribution", Boulangerie: "Commerce", Pharmacie: "Commerce", Librairie: "Commerce", Optique: "Commerce",
  Garage: "Services", Nettoyage: "Services", Informatique: "Services", Conseil: "Services", Paysages: "Services",
  Restauration: "Hôtellerie-restauration", Hôtellerie: "Hôtellerie-restauration",
};

/** The "Agence" custom field of demo clients: the branch that covers their region. */
export const agencyByRegion: Record<string, string> = {
  "Île-de-France": "Paris", "Centre-Val de Loire": "Paris", "Auvergne-Rhône-Alpes": "Lyon",
  "Bourgogne-Franche-Comté": "Lyon", "Provence-Alpes-Côte d'Azur": "Marseille", Occitanie: "Marseille",
  Corse: "Marseille", "Hauts-de-France": "Lille", "Grand Est": "Lille", Normandie: "Lille",
  "Pays de la Loire": "Nantes", Bretagne: "Nantes", "Nouvelle-Aquitaine": "Nantes",
};

export const companyNames = [
  "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon",
  "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard",
  "André", "Lefèvre", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand", "Garnier",
  "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin", "Morin", "Mathieu",
  "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin", "Masson", "Sanchez", "Gérard",
  "Nguyen", "Boyer", "Denis", "Lemaire", "Duval", "Joly", "Gautier", "Roger", "Roche", "Roy", "Noël", "Meyer",
] as const;

export const companyPatterns = ["{stem} {name}", "{name} {stem}", "Ets {name}", "{name} & Fils", "{stem} {area}", "Groupe {name}"] as const;

export const areas = ["de l'Ouest", "du Centre", "du Sud", "de l'Est", "du Nord", "Atlantique", "Méditerranée", "Alpes Services"] as const;

export const legalForms = ["SAS", "SAS", "SARL", "SARL", "SA", "EURL", "SASU", "SNC"] as const;

export const womenFirstNames = [
  "Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Sandrine", "Céline", "Sophie", "Julie", "Camille",
  "Aurélie", "Émilie", "Hélène", "Valérie",
] as const;

export const menFirstNames = [
  "Jean", "Philippe", "Michel", "Alain", "Nicolas", "Christophe", "Pierre", "Stéphane", "Sébastien", "Frédéric",
  "Laurent", "Julien", "Olivier", "Thierry", "Éric", "Patrick",
] as const;

export const streets = [
  "rue de la République", "avenue Jean Jaurès", "rue Victor Hugo", "boulevard Gambetta", "rue Pasteur",
  "avenue de la Gare", "rue du Général de Gaulle", "rue des Écoles", "place de l'Église", "rue de l'Industrie",
  "zone artisanale des Prés", "chemin des Vignes", "rue du Moulin", "avenue Foch", "rue Nationale",
] as const;

/** City, postal code, département, region. */
export const cities: readonly [string, string, string, string][] = [
  ["Paris", "75011", "75", "Île-de-France"], ["Paris", "75015", "75", "Île-de-France"],
  ["Boulogne-Billancourt", "92100", "92", "Île-de-France"], ["Nanterre", "92000", "92", "Île-de-France"],
  ["Saint-Denis", "93200", "93", "Île-de-France"], ["Créteil", "94000", "94", "Île-de-France"],
  ["Versailles", "78000", "78", "Île-de-France"], ["Évry-Courcouronnes", "91000", "91", "Île-de-France"],
  ["Lyon", "69003", "69", "Auvergne-Rhône-Alpes"], ["Villeurbanne", "69100", "69", "Auvergne-Rhône-Alpes"],
  ["Grenoble", "38000", "38", "Auvergne-Rhône-Alpes"], ["Clermont-Ferrand", "63000", "63", "Auvergne-Rhône-Alpes"],
  ["Saint-Étienne", "42000", "42", "Auvergne-Rhône-Alpes"], ["Annecy", "74000", "74", "Auvergne-Rhône-Alpes"],
  ["Marseille", "13008", "13", "Provence-Alpes-Côte d'Azur"], ["Aix-en-Provence", "13100", "13", "Provence-Alpes-Côte d'Azur"],
  ["Nice", "06000", "06", "Provence-Alpes-Côte d'Azur"], ["Toulon", "83000", "83", "Provence-Alpes-Côte d'Azur"],
  ["Avignon", "84000", "84", "Provence-Alpes-Côte d'Azur"], ["Bordeaux", "33000", "33", "Nouvelle-Aquitaine"],
  ["Mérignac", "33700", "33", "Nouvelle-Aquitaine"], ["Limoges", "87000", "87", "Nouvelle-Aquitaine"],
  ["Poitiers", "86000", "86", "Nouvelle-Aquitaine"], ["Pau", "64000", "64", "Nouvelle-Aquitaine"],
  ["Lille", "59000", "59", "Hauts-de-France"], ["Roubaix", "59100", "59", "Hauts-de-France"],
  ["Amiens", "80000", "80", "Hauts-de-France"], ["Arras", "62000", "62", "Hauts-de-France"],
  ["Toulouse", "31000", "31", "Occitanie"], ["Montpellier", "34000", "34", "Occitanie"],
  ["Nîmes", "30000", "30", "Occitanie"], ["Perpignan", "66000", "66", "Occitanie"],
  ["Nantes", "44000", "44", "Pays de la Loire"], ["Angers", "49000", "49", "Pays de la Loire"],
  ["Le Mans", "72000", "72", "Pays de la Loire"], ["Rennes", "35000", "35", "Bretagne"],
  ["Brest", "29200", "29", "Bretagne"], ["Vannes", "56000", "56", "Bretagne"],
  ["Strasbourg", "67000", "67", "Grand Est"], ["Mulhouse", "68100", "68", "Grand Est"],
  ["Reims", "51100", "51", "Grand Est"], ["Metz", "57000", "57", "Grand Est"], ["Nancy", "54000", "54", "Grand Est"],
  ["Rouen", "76000", "76", "Normandie"], ["Le Havre", "76600", "76", "Normandie"], ["Caen", "14000", "14", "Normandie"],
  ["Dijon", "21000", "21", "Bourgogne-Franche-Comté"], ["Besançon", "25000", "25", "Bourgogne-Franche-Comté"],
  ["Tours", "37000", "37", "Centre-Val de Loire"], ["Orléans", "45000", "45", "Centre-Val de Loire"],
  ["Ajaccio", "20000", "2A", "Corse"], ["Bastia", "20200", "2B", "Corse"],
];

export const contactRoles = ["facturation", "comptabilité", "direction"] as const;
