// French small-business vocabulary for the demo data: the trades Locod-AI's customers work in, with
// what their sites say about them. Plain data; the generators in build.ts combine it.

export type TemplateKey = "artisans" | "commerces" | "bien-etre";

export interface Trade {
  /** The ai_requests.business_type value. */
  key: string;
  label: string;
  /** What the owner is, in a sentence: "votre {noun} à Lyon". */
  noun: string;
  /** Business-name patterns: {nom} a surname, {prenom} a first name, {ville} the city. */
  names: readonly string[];
  /** What the owner calls what they sell (ai_requests.terminology, chosen in the wizard). */
  terminology: readonly string[];
  services: readonly { name: string; description: string; priceFrom: number }[];
  keywords: readonly string[];
  template: TemplateKey;
}

export const TRADES: readonly Trade[] = [
  {
    key: "boulangerie",
    noun: "boulangerie",
    label: "Boulangerie",
    names: ["Boulangerie {nom}", "Au Pain Doré", "Le Fournil de {prenom}", "Boulangerie du Marché", "Maison {nom}"],
    terminology: ["produits", "spécialités", "nos pains"],
    services: [
      {
        name: "Pain au levain",
        description: "Levain naturel, farine bio de la région, cuit au four à bois.",
        priceFrom: 3,
      },
      {
        name: "Viennoiseries pur beurre",
        description: "Croissants et pains au chocolat façonnés chaque matin.",
        priceFrom: 1,
      },
      { name: "Pâtisseries du week-end", description: "Tartes aux fruits de saison, flans et éclairs.", priceFrom: 3 },
      {
        name: "Commandes pour événements",
        description: "Pièces montées, plateaux de mignardises, pains surprise.",
        priceFrom: 35,
      },
      {
        name: "Sandwichs du midi",
        description: "Formule sandwich, boisson et dessert pour la pause déjeuner.",
        priceFrom: 8,
      },
    ],
    keywords: ["boulangerie artisanale", "pain au levain", "croissant pur beurre"],
    template: "commerces",
  },
  {
    key: "plombier",
    noun: "plombier",
    label: "Plomberie",
    names: ["Plomberie {nom}", "{nom} Plomberie Chauffage", "SOS Plomberie {ville}", "{prenom} {nom} Plombier"],
    terminology: ["prestations", "interventions", "services"],
    services: [
      { name: "Dépannage fuite d'eau", description: "Intervention en urgence 7j/7 sous 2 heures.", priceFrom: 89 },
      {
        name: "Débouchage canalisations",
        description: "Éviers, WC et colonnes, furet ou hydrocurage.",
        priceFrom: 120,
      },
      {
        name: "Installation chauffe-eau",
        description: "Fourniture et pose de ballons électriques et thermodynamiques.",
        priceFrom: 650,
      },
      {
        name: "Rénovation salle de bains",
        description: "Douche à l'italienne, meubles vasque, carrelage.",
        priceFrom: 4500,
      },
      { name: "Entretien chaudière", description: "Contrat annuel et attestation d'entretien.", priceFrom: 110 },
    ],
    keywords: ["plombier", "dépannage plomberie", "chauffe-eau"],
    template: "artisans",
  },
  {
    key: "salon_coiffure",
    noun: "salon de coiffure",
    label: "Salon de coiffure",
    names: ["Salon {prenom}", "L'Atelier de {prenom}", "Coiffure {nom}", "Hair Studio {ville}", "Les Ciseaux d'Or"],
    terminology: ["prestations", "soins", "services"],
    services: [
      { name: "Coupe femme", description: "Shampooing, coupe et brushing personnalisés.", priceFrom: 38 },
      { name: "Coupe homme", description: "Coupe aux ciseaux ou à la tondeuse, finitions.", priceFrom: 22 },
      {
        name: "Coloration végétale",
        description: "Couleurs sans ammoniaque, respectueuses du cuir chevelu.",
        priceFrom: 55,
      },
      { name: "Balayage", description: "Éclaircissement naturel sur mesure.", priceFrom: 85 },
      {
        name: "Chignon de mariée",
        description: "Essai et coiffure le jour J, à domicile sur demande.",
        priceFrom: 120,
      },
    ],
    keywords: ["coiffeur", "salon de coiffure", "coloration végétale"],
    template: "bien-etre",
  },
  {
    key: "restaurant",
    noun: "restaurant",
    label: "Restaurant",
    names: [
      "Le Bistrot de {prenom}",
      "Chez {prenom}",
      "La Table de {ville}",
      "Restaurant {nom}",
      "L'Assiette Gourmande",
    ],
    terminology: ["menu", "carte", "plats"],
    services: [
      { name: "Menu du jour", description: "Entrée, plat, dessert, produits frais du marché.", priceFrom: 16 },
      { name: "Carte des vins", description: "Une sélection de vignerons indépendants.", priceFrom: 5 },
      { name: "Privatisation", description: "Salle privatisable jusqu'à 40 couverts.", priceFrom: 600 },
      { name: "Vente à emporter", description: "Commande en ligne et retrait sur place.", priceFrom: 12 },
    ],
    keywords: ["restaurant", "cuisine maison", "menu du jour"],
    template: "commerces",
  },
  {
    key: "fleuriste",
    noun: "fleuriste",
    label: "Fleuriste",
    names: ["Les Jardins de {prenom}", "Fleurs {nom}", "Au Bouquet de {ville}", "L'Atelier Floral"],
    terminology: ["créations", "produits", "bouquets"],
    services: [
      {
        name: "Bouquets de saison",
        description: "Fleurs de producteurs locaux, composées à la demande.",
        priceFrom: 25,
      },
      { name: "Mariages", description: "Bouquet de mariée, boutonnières, décoration de salle.", priceFrom: 350 },
      { name: "Deuil", description: "Couronnes, gerbes et coussins, livraison au funérarium.", priceFrom: 70 },
      { name: "Abonnement entreprise", description: "Compositions renouvelées chaque semaine.", priceFrom: 90 },
    ],
    keywords: ["fleuriste", "livraison de fleurs", "bouquet de mariée"],
    template: "commerces",
  },
  {
    key: "electricien",
    noun: "électricien",
    label: "Électricité",
    names: ["{nom} Électricité", "Élec'{ville}", "{prenom} {nom} Électricien", "Électricité Générale {nom}"],
    terminology: ["prestations", "interventions", "services"],
    services: [
      {
        name: "Mise aux normes",
        description: "Tableau électrique, différentiels, attestation Consuel.",
        priceFrom: 900,
      },
      {
        name: "Dépannage électrique",
        description: "Panne de courant, disjonctions, recherche de défaut.",
        priceFrom: 79,
      },
      {
        name: "Borne de recharge",
        description: "Installation IRVE certifiée pour véhicule électrique.",
        priceFrom: 1200,
      },
      { name: "Domotique", description: "Volets, éclairage et chauffage pilotés à distance.", priceFrom: 450 },
    ],
    keywords: ["électricien", "mise aux normes électriques", "borne de recharge"],
    template: "artisans",
  },
  {
    key: "garage",
    noun: "garage",
    label: "Garage automobile",
    names: ["Garage {nom}", "Garage du Centre", "Auto Services {ville}", "Garage {prenom} & Fils"],
    terminology: ["prestations", "services", "interventions"],
    services: [
      { name: "Révision constructeur", description: "Entretien selon le carnet, garantie préservée.", priceFrom: 149 },
      { name: "Freinage", description: "Plaquettes, disques et liquide de frein.", priceFrom: 120 },
      { name: "Pneumatiques", description: "Montage, équilibrage et géométrie.", priceFrom: 60 },
      {
        name: "Préparation contrôle technique",
        description: "Diagnostic et réparations avant passage.",
        priceFrom: 49,
      },
    ],
    keywords: ["garage", "révision voiture", "entretien auto"],
    template: "artisans",
  },
  {
    key: "institut_beaute",
    noun: "institut de beauté",
    label: "Institut de beauté",
    names: ["Institut {prenom}", "Beauté & Sens", "L'Instant Beauté {ville}", "Institut {nom}"],
    terminology: ["soins", "prestations", "rituels"],
    services: [
      { name: "Soin du visage", description: "Nettoyage, gommage et masque adaptés à votre peau.", priceFrom: 55 },
      { name: "Épilation", description: "À la cire tiède, zones au choix.", priceFrom: 12 },
      { name: "Manucure semi-permanent", description: "Tenue trois semaines, large choix de couleurs.", priceFrom: 35 },
      { name: "Massage relaxant", description: "Modelage aux huiles chaudes, 60 minutes.", priceFrom: 65 },
    ],
    keywords: ["institut de beauté", "soin du visage", "massage"],
    template: "bien-etre",
  },
  {
    key: "boucherie",
    noun: "boucherie-charcuterie",
    label: "Boucherie-charcuterie",
    names: ["Boucherie {nom}", "Maison {nom}", "La Boucherie du Marché", "Boucherie de {ville}"],
    terminology: ["produits", "spécialités", "viandes"],
    services: [
      {
        name: "Viandes de race",
        description: "Charolais, limousine, agneau de lait, élevages partenaires.",
        priceFrom: 15,
      },
      { name: "Charcuterie maison", description: "Pâtés, terrines et saucisses préparés sur place.", priceFrom: 4 },
      { name: "Plateaux barbecue", description: "Marinades maison, prêts à griller.", priceFrom: 25 },
      { name: "Traiteur", description: "Plats cuisinés et buffets pour vos réceptions.", priceFrom: 12 },
    ],
    keywords: ["boucherie", "charcuterie artisanale", "traiteur"],
    template: "commerces",
  },
  {
    key: "kinesitherapie",
    noun: "cabinet de kinésithérapie",
    label: "Cabinet de kinésithérapie",
    names: ["Cabinet de kinésithérapie {nom}", "Kiné {ville} Centre", "Cabinet {prenom} {nom}"],
    terminology: ["soins", "séances", "prises en charge"],
    services: [
      {
        name: "Rééducation post-opératoire",
        description: "Genou, épaule, hanche, en lien avec votre chirurgien.",
        priceFrom: 16,
      },
      { name: "Kinésithérapie du sport", description: "Prévention et retour au sport après blessure.", priceFrom: 16 },
      { name: "Rééducation périnéale", description: "Après l'accouchement, sur prescription.", priceFrom: 16 },
      { name: "Drainage lymphatique", description: "Technique manuelle douce.", priceFrom: 30 },
    ],
    keywords: ["kinésithérapeute", "rééducation", "kiné du sport"],
    template: "bien-etre",
  },
  {
    key: "photographe",
    noun: "photographe",
    label: "Photographe",
    names: ["{prenom} {nom} Photographie", "Studio {nom}", "Lumière de {ville}", "L'Œil de {prenom}"],
    terminology: ["prestations", "séances", "offres"],
    services: [
      {
        name: "Reportage mariage",
        description: "Préparatifs, cérémonie et soirée, galerie en ligne.",
        priceFrom: 1400,
      },
      { name: "Portrait en studio", description: "Séance d'une heure, dix photos retouchées.", priceFrom: 150 },
      { name: "Photo d'entreprise", description: "Portraits d'équipe et photos de vos locaux.", priceFrom: 390 },
      { name: "Séance naissance", description: "À domicile, lumière naturelle.", priceFrom: 220 },
    ],
    keywords: ["photographe", "photographe mariage", "portrait"],
    template: "artisans",
  },
  {
    key: "menuisier",
    noun: "menuisier",
    label: "Menuiserie",
    names: ["Menuiserie {nom}", "L'Atelier du Bois", "{nom} Agencement", "Menuiserie de {ville}"],
    terminology: ["réalisations", "prestations", "services"],
    services: [
      { name: "Cuisines sur mesure", description: "Conception 3D, fabrication dans notre atelier.", priceFrom: 6000 },
      { name: "Dressings et placards", description: "Aménagement optimisé, finitions au choix.", priceFrom: 1500 },
      {
        name: "Fenêtres et portes",
        description: "Bois, alu ou PVC, éligibles aux aides à la rénovation.",
        priceFrom: 700,
      },
      { name: "Escaliers", description: "Droits, quart tournant ou hélicoïdaux, en chêne massif.", priceFrom: 4200 },
    ],
    keywords: ["menuisier", "cuisine sur mesure", "escalier bois"],
    template: "artisans",
  },
  {
    key: "fromagerie",
    noun: "fromagerie",
    label: "Fromagerie",
    names: ["Fromagerie {nom}", "La Cloche à Fromage", "Crèmerie de {ville}", "Fromagerie du Marché"],
    terminology: ["produits", "sélection", "spécialités"],
    services: [
      { name: "Fromages affinés", description: "Plus de 150 fromages affinés dans nos caves.", priceFrom: 4 },
      { name: "Plateaux de fromages", description: "Composés pour vos repas et réceptions.", priceFrom: 30 },
      { name: "Raclette et fondue", description: "Location d'appareils et fromages à la coupe.", priceFrom: 18 },
      { name: "Ateliers dégustation", description: "Accords fromages et vins, le samedi.", priceFrom: 35 },
    ],
    keywords: ["fromagerie", "fromage affiné", "plateau de fromages"],
    template: "commerces",
  },
  {
    key: "paysagiste",
    noun: "paysagiste",
    label: "Paysagiste",
    names: ["{nom} Paysage", "Les Jardins de {ville}", "Vert Nature {nom}", "{prenom} Création Jardins"],
    terminology: ["prestations", "réalisations", "services"],
    services: [
      { name: "Création de jardin", description: "Plans, plantations, arrosage automatique.", priceFrom: 2500 },
      { name: "Entretien annuel", description: "Tonte, taille de haies, 50 % de crédit d'impôt.", priceFrom: 45 },
      { name: "Terrasses bois", description: "Pin traité, ipé ou composite.", priceFrom: 3000 },
      { name: "Élagage", description: "Taille douce et abattage, évacuation des déchets verts.", priceFrom: 250 },
    ],
    keywords: ["paysagiste", "entretien de jardin", "terrasse bois"],
    template: "artisans",
  },
  {
    key: "osteopathe",
    noun: "ostéopathe",
    label: "Ostéopathe",
    names: ["{prenom} {nom}, ostéopathe D.O.", "Cabinet d'ostéopathie {nom}", "Ostéo {ville}"],
    terminology: ["consultations", "soins", "séances"],
    services: [
      { name: "Consultation adulte", description: "Douleurs de dos, cervicales, troubles digestifs.", priceFrom: 60 },
      {
        name: "Ostéopathie du nourrisson",
        description: "Coliques, plagiocéphalie, suivi après la naissance.",
        priceFrom: 55,
      },
      { name: "Femme enceinte", description: "Accompagnement pendant et après la grossesse.", priceFrom: 60 },
      { name: "Sportifs", description: "Préparation et récupération.", priceFrom: 60 },
    ],
    keywords: ["ostéopathe", "ostéopathie nourrisson", "mal de dos"],
    template: "bien-etre",
  },
  {
    key: "caviste",
    noun: "caviste",
    label: "Cave à vins",
    names: ["La Cave de {prenom}", "Cave {nom}", "Les Vins de {ville}", "Le Comptoir des Vignes"],
    terminology: ["sélection", "produits", "cuvées"],
    services: [
      { name: "Vins de vignerons", description: "Bio et nature, plus de 400 références.", priceFrom: 9 },
      { name: "Spiritueux", description: "Whiskies, rhums et armagnacs choisis.", priceFrom: 29 },
      { name: "Dégustations", description: "Chaque vendredi soir, en présence d'un vigneron.", priceFrom: 15 },
      { name: "Coffrets cadeaux", description: "Composés à la demande, livraison possible.", priceFrom: 35 },
    ],
    keywords: ["caviste", "vin bio", "coffret vin"],
    template: "commerces",
  },
];

// prettier-ignore
export const SURNAMES = [
  "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
  "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
  "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand",
  "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin",
  "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin", "Masson",
  "Sanchez", "Gérard", "Nguyen", "Boyer", "Denis", "Lemaire", "Duval", "Joly", "Gautier", "Roger",
] as const;

// prettier-ignore
export const FIRST_NAMES = [
  "Julie", "Camille", "Léa", "Manon", "Chloé", "Sarah", "Emma", "Inès", "Claire", "Isabelle",
  "Nathalie", "Sandrine", "Céline", "Aurélie", "Élodie", "Thomas", "Nicolas", "Julien", "Maxime", "Pierre",
  "Hugo", "Lucas", "Antoine", "Romain", "Laurent", "Olivier", "Stéphane", "Mathieu", "Karim", "Yann",
] as const;

export const CITIES = [
  { name: "Lyon", postalCode: "69003" },
  { name: "Nantes", postalCode: "44000" },
  { name: "Bordeaux", postalCode: "33000" },
  { name: "Lille", postalCode: "59000" },
  { name: "Toulouse", postalCode: "31000" },
  { name: "Rennes", postalCode: "35000" },
  { name: "Strasbourg", postalCode: "67000" },
  { name: "Montpellier", postalCode: "34000" },
  { name: "Annecy", postalCode: "74000" },
  { name: "Dijon", postalCode: "21000" },
  { name: "Tours", postalCode: "37000" },
  { name: "Angers", postalCode: "49000" },
  { name: "Grenoble", postalCode: "38000" },
  { name: "Aix-en-Provence", postalCode: "13100" },
  { name: "Reims", postalCode: "51100" },
  { name: "Brest", postalCode: "29200" },
  { name: "Limoges", postalCode: "87000" },
  { name: "Clermont-Ferrand", postalCode: "63000" },
  { name: "Metz", postalCode: "57000" },
  { name: "Caen", postalCode: "14000" },
  { name: "La Rochelle", postalCode: "17000" },
  { name: "Pau", postalCode: "64000" },
] as const;

export const TONES = ["chaleureux", "professionnel", "familial", "haut de gamme", "dynamique"] as const;

export const AUDIENCES = [
  "habitants du quartier",
  "familles",
  "professionnels et entreprises",
  "touristes",
  "jeunes actifs",
  "seniors",
] as const;

export const REJECTION_REASONS = [
  "Demande incomplète : pas de description de l'activité, merci de compléter l'étape 2 du wizard.",
  "Images demandées protégées par des droits d'auteur (logos de marques).",
  "Contenu demandé hors charte (promesses de santé non vérifiables).",
  "Doublon d'une demande déjà traitée pour ce site.",
  "Adresse et coordonnées incohérentes, à confirmer avec le client.",
] as const;

export const CANCELLATION_NOTES = [
  "Annulé par le client : changement de nom de l'entreprise en cours.",
  "Annulé par le client : préfère rédiger les textes lui-même.",
  "Annulé par le client : demande envoyée deux fois par erreur.",
  "Annulé par le client : projet de site reporté.",
] as const;

export const FEEDBACK_NOTES: Record<1 | 2 | 3 | 4 | 5, readonly string[]> = {
  1: ["Les textes ne correspondent pas du tout à mon activité.", "Trop générique, j'ai tout réécrit."],
  2: ["Le ton est trop commercial pour ma clientèle.", "Les tarifs indiqués sont faux."],
  3: ["Correct mais j'ai dû corriger plusieurs phrases.", "Bien dans l'ensemble, quelques fautes de frappe."],
  4: ["Très bien, quelques ajustements mineurs.", "Bon travail, rapide."],
  5: [
    "Parfait, exactement ce que je voulais !",
    "Super, mes clients adorent le nouveau site.",
    "Rien à redire, merci !",
  ],
};

export const ADMIN_NOTES = [
  "Relu et ajusté le ton avant livraison.",
  "Tarifs vérifiés avec la grille fournie par le client.",
  "Images régénérées une fois (cadrage).",
  "Client rappelé pour préciser les horaires d'ouverture.",
  "RAS.",
] as const;

export const USER_AGENTS = [
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
  "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
] as const;
