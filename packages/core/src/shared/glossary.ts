/**
 * The legal and school terms Lantern uses, in every language it writes, in one place. The English
 * source is docs/glossary.md; each term here has its short form (what a sentence says), its full
 * name, and a plain explanation with the citation, in English and Spanish. Screens (the web's
 * `glossary.*` messages), PDFs and notices take a term from here, so "IEP" is "Programa de
 * Educación Individualizado (IEP)" in every Spanish page and document. A web test checks that a
 * Spanish message whose English says a term says the Spanish term too.
 *
 * The Spanish is written for Lantern's families: plain words, the forms California's Spanish
 * special-education documents use, acronyms kept where families meet them in English (IEP, FAPE).
 */
export const GLOSSARY_LANGUAGES = ["en", "es"] as const;
export type GlossaryLanguage = (typeof GLOSSARY_LANGUAGES)[number];

export type GlossaryEntry = {
  /** What a sentence says: "IEP", "504 plan". */
  readonly term: string;
  /** The full name, said once where the term first appears. */
  readonly name: string;
  /** A plain explanation, grade 8 or lower, with its citation. */
  readonly explanation: string;
};

export type GlossaryTerm = {
  readonly [L in GlossaryLanguage]: GlossaryEntry;
} & {
  /** Where the law defines it (LAW.md's citations); empty for a school word the rules do not define. */
  readonly citation: string;
  /**
   * Other English forms a sentence may use for this term (lower case), matched as whole words
   * when checking a translation ("504 plans", "section 504 plan").
   */
  readonly englishForms: readonly string[];
  /** Spanish forms that count as the term (lower case): the term, its plural. */
  readonly spanishForms: readonly string[];
};

export const GLOSSARY = {
  iep: {
    citation: "34 CFR 300.320",
    englishForms: ["iep", "ieps", "individualized education program"],
    spanishForms: ["iep", "programa de educación individualizado"],
    en: {
      term: "IEP",
      name: "Individualized Education Program",
      explanation:
        "An Individualized Education Program (IEP) is a written plan for a child who gets special education. It says what the school will do to help the child learn (34 CFR 300.320).",
    },
    es: {
      term: "IEP",
      name: "Programa de Educación Individualizado",
      explanation:
        "El Programa de Educación Individualizado (IEP) es un plan escrito para un niño que recibe educación especial. Dice lo que la escuela hará para ayudarlo a aprender (34 CFR 300.320).",
    },
  },
  section504: {
    citation: "34 CFR Part 104",
    englishForms: ["504 plan", "504 plans", "section 504 plan"],
    spanishForms: ["plan 504", "planes 504"],
    en: {
      term: "504 plan",
      name: "Section 504 plan",
      explanation:
        "A Section 504 plan lists the supports and changes a school makes so a student with a disability can take part in school on equal terms (34 CFR Part 104).",
    },
    es: {
      term: "Plan 504",
      name: "Plan de la Sección 504",
      explanation:
        "El Plan 504 dice qué apoyos y cambios hace la escuela para que un estudiante con una discapacidad participe en la escuela igual que los demás (34 CFR Parte 104).",
    },
  },
  specialEducation: {
    citation: "34 CFR 300.39",
    englishForms: ["special education"],
    spanishForms: ["educación especial"],
    en: {
      term: "special education",
      name: "special education",
      explanation: "Teaching planned for a child's needs, at no cost to the family (34 CFR 300.39).",
    },
    es: {
      term: "educación especial",
      name: "educación especial",
      explanation: "Enseñanza pensada para lo que el niño necesita, sin costo para la familia (34 CFR 300.39).",
    },
  },
  plaafp: {
    citation: "34 CFR 300.320(a)(1)",
    englishForms: ["plaafp", "present levels"],
    spanishForms: ["plaafp", "niveles actuales"],
    en: {
      term: "present levels",
      name: "Present levels of academic achievement and functional performance (PLAAFP)",
      explanation:
        "Where the student is now in school work and daily skills, and how the disability affects learning (34 CFR 300.320(a)(1)).",
    },
    es: {
      term: "niveles actuales",
      name: "Niveles actuales de logro académico y rendimiento funcional (PLAAFP)",
      explanation:
        "Cómo le va al estudiante hoy en las clases y en las tareas de cada día, y cómo la discapacidad afecta su aprendizaje (34 CFR 300.320(a)(1)).",
    },
  },
  fape: {
    citation: "34 CFR 300.17; 34 CFR 104.33",
    englishForms: ["fape", "free appropriate public education"],
    spanishForms: ["fape", "educación pública gratuita y apropiada"],
    en: {
      term: "FAPE",
      name: "Free appropriate public education",
      explanation:
        "The schooling, at no cost to the family, that the law says every child with a disability must get (34 CFR 300.17; 34 CFR 104.33).",
    },
    es: {
      term: "FAPE",
      name: "Educación pública gratuita y apropiada",
      explanation:
        "La educación, sin costo para la familia, que la ley dice que todo niño con una discapacidad debe recibir (34 CFR 300.17; 34 CFR 104.33).",
    },
  },
  lre: {
    citation: "34 CFR 300.114",
    englishForms: ["lre", "least restrictive environment"],
    spanishForms: ["lre", "ambiente menos restrictivo"],
    en: {
      term: "least restrictive environment",
      name: "Least restrictive environment (LRE)",
      explanation:
        "A child learns with children who do not have disabilities as much as is right for the child (34 CFR 300.114).",
    },
    es: {
      term: "ambiente menos restrictivo",
      name: "Ambiente menos restrictivo (LRE)",
      explanation: "El niño aprende junto a niños sin discapacidades todo lo que sea bueno para él (34 CFR 300.114).",
    },
  },
  relatedServices: {
    citation: "34 CFR 300.34",
    englishForms: ["related services", "related service"],
    spanishForms: ["servicios relacionados", "servicio relacionado"],
    en: {
      term: "related services",
      name: "Related services",
      explanation:
        "Related services are extra supports a child needs to benefit from special education, like speech therapy or counseling (34 CFR 300.34).",
    },
    es: {
      term: "servicios relacionados",
      name: "Servicios relacionados",
      explanation:
        "Los servicios relacionados son apoyos extra que el niño necesita para aprovechar la educación especial, como terapia del habla o consejería (34 CFR 300.34).",
    },
  },
  accommodation: {
    citation: "34 CFR 104.33",
    englishForms: ["accommodation", "accommodations"],
    spanishForms: ["adaptación", "adaptaciones"],
    en: {
      term: "accommodation",
      name: "Accommodation",
      explanation:
        "A change in how a student learns or takes a test (more time, breaks, a quiet room) that does not change what is taught.",
    },
    es: {
      term: "adaptación",
      name: "Adaptación",
      explanation:
        "Un cambio en cómo el estudiante aprende o toma un examen (más tiempo, descansos, un lugar tranquilo). No cambia lo que se enseña.",
    },
  },
  priorWrittenNotice: {
    citation: "34 CFR 300.503",
    englishForms: ["prior written notice", "pwn"],
    spanishForms: ["notificación previa por escrito"],
    en: {
      term: "prior written notice",
      name: "Prior written notice",
      explanation:
        "The school's letter that explains, before it acts, what it wants to change or refuses to change, and why (34 CFR 300.503).",
    },
    es: {
      term: "notificación previa por escrito",
      name: "Notificación previa por escrito",
      explanation:
        "La carta de la escuela que explica, antes de actuar, qué quiere cambiar o qué se niega a cambiar, y por qué (34 CFR 300.503).",
    },
  },
  meetingNotice: {
    citation: "34 CFR 300.322(b)",
    englishForms: ["meeting notice", "notice of the meeting"],
    spanishForms: ["aviso de la reunión"],
    en: {
      term: "meeting notice",
      name: "Notice of the meeting",
      explanation:
        "The school's letter that says when and where the meeting is, why, and who will come (34 CFR 300.322(b)).",
    },
    es: {
      term: "aviso de la reunión",
      name: "Aviso de la reunión",
      explanation:
        "La carta de la escuela que dice cuándo y dónde es la reunión, para qué es y quiénes van a ir (34 CFR 300.322(b)).",
    },
  },
  proceduralSafeguards: {
    citation: "34 CFR 300.504",
    englishForms: ["procedural safeguards"],
    spanishForms: ["garantías procesales"],
    en: {
      term: "procedural safeguards",
      name: "Procedural safeguards notice",
      explanation: "The explanation of parents' rights, given at least once a school year (34 CFR 300.504).",
    },
    es: {
      term: "garantías procesales",
      name: "Aviso de garantías procesales",
      explanation:
        "La explicación de los derechos de los padres. La escuela la da por lo menos una vez cada año escolar (34 CFR 300.504).",
    },
  },
  esy: {
    citation: "34 CFR 300.106",
    englishForms: ["extended school year", "esy"],
    spanishForms: ["año escolar extendido"],
    en: {
      term: "extended school year",
      name: "Extended school year (ESY)",
      explanation: "Services after the regular school year ends, when the child needs them (34 CFR 300.106).",
    },
    es: {
      term: "año escolar extendido",
      name: "Año escolar extendido (ESY)",
      explanation: "Servicios después de que termina el año escolar, si el niño los necesita (34 CFR 300.106).",
    },
  },
  recordOfAccess: {
    citation: "34 CFR 300.614; 34 CFR 99.32",
    englishForms: ["record of access"],
    spanishForms: ["registro de acceso"],
    en: {
      term: "record of access",
      name: "Record of access",
      explanation:
        "The list of who looked at or changed a student's record, when and why (34 CFR 300.614; 34 CFR 99.32).",
    },
    es: {
      term: "registro de acceso",
      name: "Registro de acceso",
      explanation:
        "La lista de quién vio o cambió el expediente del estudiante, cuándo y por qué (34 CFR 300.614; 34 CFR 99.32).",
    },
  },
  caseManager: {
    /** A school role, not a term of the federal rules. */
    citation: "",
    englishForms: ["case manager"],
    spanishForms: ["encargado del caso"],
    en: {
      term: "case manager",
      name: "Case manager",
      explanation:
        "The case manager is the school staff member who keeps a student's plan on track and is the family's main contact.",
    },
    es: {
      term: "encargado del caso",
      name: "Encargado del caso",
      explanation:
        "El encargado del caso es la persona de la escuela que cuida que el plan del estudiante se cumpla. Es el contacto principal de la familia.",
    },
  },
  guardian: {
    citation: "34 CFR 300.30",
    englishForms: ["guardian", "guardians"],
    spanishForms: ["tutor", "tutores"],
    en: {
      term: "guardian",
      name: "Parent or guardian",
      explanation: "A parent or guardian has the legal right to take part in decisions about the child's education.",
    },
    es: {
      term: "tutor",
      name: "Padre, madre o tutor",
      explanation:
        "El padre, la madre o el tutor legal tiene derecho a participar en las decisiones sobre la educación del niño.",
    },
  },
  advocate: {
    citation: "34 CFR 300.321(a)(6)",
    englishForms: ["advocate", "advocates"],
    spanishForms: ["defensor", "defensores"],
    en: {
      term: "advocate",
      name: "Advocate",
      explanation: "An advocate is a person a parent invited to help them and to see their child's records.",
    },
    es: {
      term: "defensor",
      name: "Defensor",
      explanation:
        "Un defensor es una persona que el padre o la madre invitó para ayudarle y para ver el expediente de su hijo.",
    },
  },
  makeUpMinutes: {
    citation: "34 CFR 300.17(d)",
    englishForms: ["make-up minutes", "make-up minute"],
    spanishForms: ["minutos de reposición", "minuto de reposición"],
    en: {
      term: "make-up minutes",
      name: "Make-up minutes under the district's policy",
      explanation:
        "Service minutes missed for reasons the district counts as the school's, minus the ones made up. Whether a child is owed more help is decided case by case, so this number is not a legal finding.",
    },
    es: {
      term: "minutos de reposición",
      name: "Minutos de reposición según la política del distrito",
      explanation:
        "Minutos de servicio que se perdieron por razones que el distrito cuenta como de la escuela, menos los que ya se repusieron. Si el niño tiene derecho a más ayuda se decide caso por caso, así que este número no es una decisión legal.",
    },
  },
  deadline: {
    citation: "34 CFR 300.324(b)",
    englishForms: ["deadline", "deadlines"],
    spanishForms: ["fecha límite", "fechas límite"],
    en: {
      term: "deadlines",
      name: "Deadlines",
      explanation:
        "Some steps must happen by a date the law sets, such as the yearly review of an IEP (34 CFR 300.324(b)).",
    },
    es: {
      term: "fechas límite",
      name: "Fechas límite",
      explanation:
        "Algunos pasos deben ocurrir antes de una fecha que fija la ley, como la revisión anual del IEP (34 CFR 300.324(b)).",
    },
  },
} as const satisfies Record<string, GlossaryTerm>;

export type GlossaryKey = keyof typeof GLOSSARY;

/** A term in a language: its short form, full name and explanation. */
export function glossaryEntry(key: GlossaryKey, language: string): GlossaryEntry {
  const lang: GlossaryLanguage = language.toLowerCase().startsWith("es") ? "es" : "en";
  return GLOSSARY[key][lang];
}

/** A term's short form in a language ("iep", "es" → "IEP"; "priorWrittenNotice", "es" → "notificación previa por escrito"). */
export function glossaryTerm(key: GlossaryKey, language: string): string {
  return glossaryEntry(key, language).term;
}
