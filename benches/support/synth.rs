//! Deterministic synthetic French news text for the benches and scale measurements: our own
//! word lists and sentence frames (invented towns and people), drawn by a fixed-seed generator,
//! so every run measures the same bytes. Not a dev-set text, not tuned to any article.

/// A small fixed-seed generator (xorshift64*): same seed, same text, on every platform.
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (0 is replaced by a fixed odd constant).
    pub fn new(seed: u64) -> Self {
        Self(if seed == 0 {
            0x9E37_79B9_7F4A_7C15
        } else {
            seed
        })
    }
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }
}

const TOWNS: &[&str] = &[
    "Montbrac",
    "Sorlanges",
    "Castelvieil",
    "Vérane-le-Haut",
    "Pradelles-sur-Orbe",
    "Saint-Aubin-des-Rives",
    "Lormont-Val",
    "Brézolles",
];
const PEOPLE: &[&str] = &[
    "Hélène Vasseur",
    "Paul Aubert",
    "Nadia Benali",
    "Jean-Marc Colin",
    "Claire Dufresne",
    "Yves Le Goff",
    "Sophie Marchand",
    "Karim Haddad",
];
const ROLES: &[&str] = &[
    "la maire",
    "le préfet",
    "la présidente du conseil départemental",
    "le directeur des services techniques",
    "l’adjointe chargée des transports",
    "le porte-parole de l’association",
];
const SUBJECTS: &[&str] = &[
    "Le conseil municipal",
    "La communauté de communes",
    "L’association des riverains",
    "La direction régionale",
    "Le syndicat des transports",
    "La chambre de commerce",
    "Le collectif d’habitants",
    "L’agence de l’eau",
];
const VERBS: &[&str] = &[
    "a voté",
    "a présenté",
    "a annoncé",
    "a validé",
    "a financé",
    "a contesté",
    "a lancé",
    "a reporté",
];
const OBJECTS: &[&str] = &[
    "un plan de rénovation des écoles",
    "la construction d’une passerelle piétonne",
    "un budget de fonctionnement en hausse",
    "la réouverture de la piscine municipale",
    "une nouvelle ligne de bus vers la gare",
    "le projet de médiathèque",
    "la rénovation thermique des logements sociaux",
    "un programme de plantation d’arbres",
    "la création d’une piste cyclable",
    "l’extension de la zone d’activités",
];
const COMPLEMENTS: &[&str] = &[
    "malgré l’opposition d’une partie des élus",
    "après plusieurs mois de concertation",
    "pour un montant de {n} millions d’euros",
    "avec le soutien de la région",
    "lors de la séance de {d}",
    "au terme d’un débat animé",
    "dans un calendrier serré",
    "pour {n} 000 habitants concernés",
];
const QUOTES: &[&str] = &[
    "Nous avons entendu les inquiétudes des habitants",
    "Ce chantier est attendu depuis des années",
    "Le calendrier sera tenu si la météo le permet",
    "Il faut désormais passer aux actes",
    "Les familles seront les premières à en profiter",
];
const MONTHS: &[&str] = &[
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "septembre",
    "octobre",
    "novembre",
];
const FACTS: &[&str] = &[
    "Les travaux doivent durer {n} mois et mobiliser une trentaine d’entreprises locales.",
    "Selon les services techniques, près de {n} 500 passages par jour sont attendus.",
    "Le coût total est estimé à {n},{m} millions d’euros, dont un tiers pris en charge par l’État.",
    "Une réunion publique est prévue le {day} {month} à la salle des fêtes de {town}.",
    "En {year}, un premier projet avait été abandonné faute de financement.",
    "Le taux de fréquentation a progressé de {n} % en un an.",
];

fn fill(rng: &mut Rng, frame: &str) -> String {
    let mut s = frame.to_string();
    for (key, value) in [
        ("{n}", (2 + rng.below(40)).to_string()),
        ("{m}", rng.below(10).to_string()),
        ("{day}", (1 + rng.below(28)).to_string()),
        ("{year}", (2005 + rng.below(18)).to_string()),
        ("{month}", rng.pick(MONTHS).to_string()),
        ("{town}", rng.pick(TOWNS).to_string()),
        ("{d}", format!("{} {}", 1 + rng.below(28), rng.pick(MONTHS))),
    ] {
        s = s.replace(key, &value);
    }
    s
}

fn sentence(rng: &mut Rng) -> String {
    match rng.below(6) {
        0 => format!(
            "« {} », a déclaré {}, {}.",
            rng.pick(QUOTES),
            rng.pick(ROLES),
            rng.pick(PEOPLE)
        ),
        1 | 2 => {
            let frame = rng.pick(FACTS);
            fill(rng, frame)
        }
        _ => {
            let frame = rng.pick(COMPLEMENTS);
            let complement = fill(rng, frame);
            format!(
                "{} de {} {} {} {}.",
                rng.pick(SUBJECTS),
                rng.pick(TOWNS),
                rng.pick(VERBS),
                rng.pick(OBJECTS),
                complement
            )
        }
    }
}

/// A paragraph of two to five sentences.
pub fn paragraph(rng: &mut Rng) -> String {
    let n = 2 + rng.below(4);
    (0..n).map(|_| sentence(rng)).collect::<Vec<_>>().join(" ")
}

/// A brief of at least `bytes` bytes: a title line, then paragraphs separated by blank lines.
pub fn brief(seed: u64, bytes: usize) -> String {
    let mut rng = Rng::new(seed);
    let town = rng.pick(TOWNS);
    let mut out = format!("{town} : {} en débat\n\n", rng.pick(OBJECTS));
    while out.len() < bytes {
        out.push_str(&paragraph(&mut rng));
        out.push_str("\n\n");
    }
    out
}
