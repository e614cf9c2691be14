/**
 * The plan explained to the family in plain language, as a tagged PDF: what the plan is, what the
 * child does well and works on, the help and changes the school gives, where the child learns, how
 * the family hears about progress, and the family's rights. The full plan is the official document.
 *
 * In English or Spanish (`options.lang`). The Spanish is written for families, grade 8 or lower,
 * with the glossary's terms (core's GLOSSARY) and core's Spanish labels and dates. What the team
 * wrote (goals, strengths, accommodations…) prints in Spanish where a person translated it
 * (`options.translate`, decision 0027), with who translated it and when; otherwise as written,
 * marked as English (/Lang en-US on its paragraph or list), with a plain line saying so, and a
 * note at the top says so plainly.
 */
import {
  describeServiceAmount,
  glossaryEntry,
  labelIn,
  type PlanDocument,
  SERVICE_AREA_LABELS,
  type ServicePrescription,
  translatableTexts,
} from "@lantern/core";
import { type Block, bold, type Inline, type PdfDocumentSpec, p } from "./pdf-model.ts";
import {
  bullets,
  callName,
  fieldRow,
  filled,
  formatPlanDate,
  heading,
  orNone,
  type PdfLanguage,
  type PlanPdfOptions,
  para,
  planDocument,
  sub,
  type TeamText,
  teamTextBlocks,
  titleBlock,
  translatedByLine,
} from "./plan-pdf-parts.ts";

/** Before a part of the team's words printed in English in a Spanish summary. */
const ONLY_ENGLISH = "Esta parte está solo en inglés:";

type IepService = Extract<PlanDocument, { type: "iep" }>["services"][number];
type ServiceAmount = {
  frequency?: ServicePrescription["frequency"] | undefined;
  minutesPerSession?: number | undefined;
};

type Texts = {
  title: (name: string, isIep: boolean) => string;
  documentTitle: string;
  teamTextNote: string | null;
  /** The note when some of the team's words were translated by a person. */
  someTranslatedNote: string | null;
  about: string;
  aboutIep: (name: string) => string;
  about504: (name: string) => string;
  starts: string;
  nextReview: (isIep: boolean) => string;
  doesWell: (name: string) => string;
  workingOn: (name: string) => string;
  noGoals: string;
  goal: string;
  nowAndGoal: (now: string, goal: string) => string;
  help: (name: string) => string;
  noServices: string;
  amountNotSet: string;
  amount: (s: ServiceAmount) => string;
  delivery: Record<ServicePrescription["delivery"], string>;
  where: string;
  with: string;
  changes: (name: string) => string;
  whereLearns: (name: string) => string;
  notDecided: string;
  percent: (name: string, percent: number, school: string) => string;
  progress: string;
  progressReports: string;
  expectedDates: (dates: string) => string;
  summer: string;
  summerYes: (name: string) => string;
  summerNo: (name: string) => string;
  afterHighSchool: string;
  turns18: string;
  notAgreed: string;
  notAgreedIntro: string;
  why504: (name: string) => string;
  supports504: (name: string) => string;
  rights: string;
  rightsText: (name: string, isIep: boolean) => string;
  safeguardsGiven: (date: string) => string;
  safeguardsAsk: string;
  whereHelp: string;
  none: string;
};

const EN: Texts = {
  title: (name, isIep) => `${name}'s ${isIep ? "IEP" : "504 plan"}: a summary for families`,
  documentTitle: "Family summary",
  teamTextNote: null,
  someTranslatedNote: null,
  about: "About this plan",
  aboutIep: (name) =>
    `An IEP (Individualized Education Program) is the school's written promise of the teaching, services and supports ${name} will get because of a disability. This summary explains it in plain words. The full IEP is the official document.`,
  about504: (name) =>
    `A Section 504 plan lists the changes and supports the school will give ${name} so a disability does not stand in the way of learning. This summary explains it in plain words. The full plan is the official document.`,
  starts: "The plan starts",
  nextReview: (isIep) => (isIep ? "Next yearly review" : "Next review"),
  doesWell: (name) => `What ${name} does well`,
  workingOn: (name) => `What ${name} is working on this year`,
  noGoals: "No goals are written yet.",
  goal: "Goal",
  nowAndGoal: (now, goal) => ` (Now: ${now}. Goal: ${goal}.)`,
  help: (name) => `Help ${name} will get`,
  noServices: "No services are listed yet.",
  amountNotSet: "amount not set yet",
  amount: describeServiceAmount,
  delivery: {
    individual: "one-on-one",
    group: "in a small group",
    consult: "the specialist works with the teachers",
  },
  where: "in",
  with: "with the",
  changes: (name) => `Changes to how ${name} learns and takes tests`,
  whereLearns: (name) => `Where ${name} learns`,
  notDecided: "Not decided yet.",
  percent: (name, percent, school) =>
    `${name} will spend about ${percent}% of the school day in general education classes with classmates who do not have disabilities${school ? `, at ${school}` : ""}.`,
  progress: "How you will hear about progress",
  progressReports: "You will get progress reports",
  expectedDates: (dates) => `. Expected dates: ${dates}.`,
  summer: "Summer services (extended school year)",
  summerYes: (name) => `${name} will get services during the summer.`,
  summerNo: (name) => `${name} does not need summer services this year.`,
  afterHighSchool: "Planning for life after high school",
  turns18: "When your child turns 18",
  notAgreed: "Parts you did not agree to",
  notAgreedIntro: "You agreed to this IEP except the parts below. The school carries out the parts you agreed to.",
  why504: (name) => `Why ${name} has a 504 plan`,
  supports504: (name) => `Changes and supports for ${name}`,
  rights: "Your rights",
  rightsText: (name, isIep) =>
    `You are an equal member of ${name}'s team. You can ask for a meeting at any time, ask questions, bring someone with you, and disagree. ${
      isIep
        ? "The school must give you written notice before it changes the plan, and it needs your written consent for some decisions."
        : "If you disagree with the school's decisions, you can ask for an impartial hearing."
    }`,
  safeguardsGiven: (date) =>
    `You were given a copy of your rights (procedural safeguards) on ${date}. Ask the school office for another free copy at any time.`,
  safeguardsAsk: "Ask the school office for a free copy of your rights (procedural safeguards).",
  whereHelp: "Where to get help",
  none: "None recorded.",
};

const iepEs = glossaryEntry("iep", "es");
const plan504Es = glossaryEntry("section504", "es");
const esyEs = glossaryEntry("esy", "es");
const safeguardsEs = glossaryEntry("proceduralSafeguards", "es");
const pwnEs = glossaryEntry("priorWrittenNotice", "es");

const PER_ES = { day: "día", week: "semana", month: "mes" } as const;

const ES: Texts = {
  title: (name, isIep) => `${isIep ? "El IEP" : "El Plan 504"} de ${name}: resumen para la familia`,
  documentTitle: "Resumen para la familia",
  teamTextNote:
    "El equipo de la escuela escribió algunas partes de este plan en inglés, como las metas y las adaptaciones. Aquí están tal como se escribieron, en inglés. Puede pedir a la escuela que se las explique en español.",
  someTranslatedNote:
    "El equipo de la escuela escribió este plan en inglés. Una persona del equipo tradujo algunas partes al español; cada una dice quién la tradujo y cuándo. Las partes que no se tradujeron están en inglés, y lo dicen. Puede pedir a la escuela que se las explique en español.",
  about: "Sobre este plan",
  aboutIep: (name) =>
    `El ${iepEs.term} (${iepEs.name}) es la promesa por escrito de la escuela. Dice qué enseñanza, servicios y apoyos va a recibir ${name} por su discapacidad. Este resumen lo explica en palabras sencillas. El documento oficial es el ${iepEs.term} completo.`,
  about504: (name) =>
    `El ${plan504Es.term} dice qué cambios y apoyos le dará la escuela a ${name} para que su discapacidad no le impida aprender. Este resumen lo explica en palabras sencillas. El documento oficial es el plan completo.`,
  starts: "El plan empieza",
  nextReview: (isIep) => (isIep ? "Próxima revisión anual" : "Próxima revisión"),
  doesWell: (name) => `Lo que ${name} hace bien`,
  workingOn: (name) => `Lo que ${name} está trabajando este año`,
  noGoals: "Todavía no hay metas escritas.",
  goal: "Meta",
  nowAndGoal: (now, goal) => `Ahora: ${now}. Meta: ${goal}.`,
  help: (name) => `La ayuda que va a recibir ${name}`,
  noServices: "Todavía no hay servicios en la lista.",
  amountNotSet: "la cantidad todavía no está fijada",
  amount: ({ frequency, minutesPerSession }) => {
    if (!frequency || minutesPerSession === undefined) return "";
    const per = PER_ES[frequency.per];
    const total = frequency.times * minutesPerSession;
    const minutes = (n: number) => `${n} ${n === 1 ? "minuto" : "minutos"}`;
    if (frequency.times === 1) return `${minutes(minutesPerSession)} por ${per}`;
    return `${frequency.times} veces por ${per}, ${minutes(minutesPerSession)} cada vez (${minutes(total)} por ${per})`;
  },
  delivery: {
    individual: "a solas con el especialista",
    group: "en un grupo pequeño",
    consult: "el especialista trabaja con los maestros",
  },
  where: "en",
  with: "con",
  changes: (name) => `Cambios en cómo ${name} aprende y toma exámenes`,
  whereLearns: (name) => `Dónde aprende ${name}`,
  notDecided: "Todavía no se ha decidido.",
  percent: (name, percent, school) =>
    `${name} va a pasar más o menos el ${percent}% del día escolar en clases de educación general, con compañeros que no tienen discapacidades${school ? `, en ${school}` : ""}.`,
  progress: "Cómo le vamos a informar del progreso",
  progressReports: "Usted va a recibir informes de progreso",
  expectedDates: (dates) => `. Fechas previstas: ${dates}.`,
  summer: `Servicios en el verano (${esyEs.term})`,
  summerYes: (name) => `${name} va a recibir servicios durante el verano.`,
  summerNo: (name) => `${name} no necesita servicios en el verano este año.`,
  afterHighSchool: "Planes para la vida después de la preparatoria",
  turns18: "Cuando su hijo cumpla 18 años",
  notAgreed: "Las partes con las que usted no estuvo de acuerdo",
  notAgreedIntro: "Usted aceptó este IEP menos las partes de abajo. La escuela cumple las partes que usted aceptó.",
  why504: (name) => `Por qué ${name} tiene un ${plan504Es.term}`,
  supports504: (name) => `Cambios y apoyos para ${name}`,
  rights: "Sus derechos",
  rightsText: (name, isIep) =>
    `Usted es un miembro del equipo de ${name}, igual que los demás. Puede pedir una reunión cuando quiera, hacer preguntas, traer a alguien y no estar de acuerdo. ${
      isIep
        ? `Antes de cambiar el plan, la escuela le debe dar una ${pwnEs.term}. Para algunas decisiones necesita su permiso por escrito.`
        : "Si no está de acuerdo con las decisiones de la escuela, puede pedir una audiencia imparcial."
    }`,
  safeguardsGiven: (date) =>
    `El ${date} le dieron una copia de sus derechos (${safeguardsEs.term}). Puede pedir otra copia gratis en la oficina de la escuela cuando quiera.`,
  safeguardsAsk: `Pida en la oficina de la escuela una copia gratis de sus derechos (${safeguardsEs.term}).`,
  whereHelp: "Dónde conseguir ayuda",
  none: "Nada anotado.",
};

const TEXTS: Record<PdfLanguage, Texts> = { en: EN, es: ES };

export function familySummaryPdfDocument(doc: PlanDocument, options: PlanPdfOptions = {}): PdfDocumentSpec {
  const lang = options.lang ?? "en";
  const T = TEXTS[lang];
  /** What the team wrote: marked English in a Spanish summary. */
  const team = lang === "en" ? {} : { lang: "en-US" };
  const teamPara = (text: Inline): Block => ({ ...p(text), ...team });
  const teamBullets = (items: readonly string[], none = T.none): Block => {
    const block = bullets(items, none);
    return block.kind === "list" ? { ...block, ...team } : block;
  };
  const date = (d: string | null | undefined) => formatPlanDate(d, lang);
  const area = (s: IepService) => (lang === "en" ? SERVICE_AREA_LABELS[s.area] : labelIn("serviceArea", s.area, lang));

  const translate = lang === "en" ? () => null : (options.translate ?? (() => null));
  const anyTranslated = translatableTexts(doc).some((t) => translate(t.pointer) !== null);
  const note = anyTranslated ? T.someTranslatedNote : T.teamTextNote;
  /** The team's words: translated where a person translated them, else English under a plain line. */
  const teamList = (parts: TeamText[], none = T.none): Block[] => {
    const blocks = teamTextBlocks(parts, { lang, translate }, true);
    return blocks.length > 0 ? blocks : none ? [para(none, none)] : [];
  };

  const name = callName(doc);
  const isIep = doc.type === "iep";
  const content: Block[] = [
    ...titleBlock(T.title(name, isIep), doc, options),
    ...(note ? [p([bold(note)])] : []),
    ...heading(T.about),
    para(isIep ? T.aboutIep(name) : T.about504(name)),
    fieldRow(T.starts, date(doc.dates.planStart)),
    fieldRow(T.nextReview(isIep), date(doc.type === "iep" ? doc.dates.nextAnnualReview : doc.dates.reviewDate)),
  ];
  if (doc.type === "iep") {
    content.push(
      ...heading(T.doesWell(name)),
      ...teamList(
        doc.presentLevels.strengths.map((english, i) => ({ pointer: `/presentLevels/strengths/${i}`, english })),
      ),
      ...heading(T.workingOn(name)),
      ...(doc.goals.length === 0
        ? [para(T.noGoals)]
        : doc.goals.flatMap((g, i) => {
            const unit = filled(g.unit) ? ` ${g.unit}` : "";
            const measured = g.baseline.value !== null && g.target.value !== null;
            const now = `${g.baseline.value}${unit}`;
            const target = `${g.target.value}${unit}`;
            if (lang === "en")
              return [
                p([
                  bold(`${orNone(g.area, T.goal)}: `),
                  orNone(g.statement),
                  measured ? T.nowAndGoal(now, target) : "",
                ]),
              ];
            const translated = translate(`/goals/${i}/statement`);
            const statement: Block[] = translated
              ? [
                  p([
                    bold(`${T.goal}: `),
                    `${translated.text.trim()} `,
                    { text: translatedByLine(translated.by, translated.at), italic: true },
                  ]),
                ]
              : [para(ONLY_ENGLISH), teamPara([bold(`${orNone(g.area, "Goal")}: `), orNone(g.statement)])];
            return [...statement, ...(measured ? [p(T.nowAndGoal(now, target))] : [])];
          })),
      ...heading(T.help(name)),
      bullets(
        doc.services.map(
          (s) =>
            `${area(s)}${filled(s.description) && s.area === "other" ? ` (${s.description.trim()})` : ""}: ${T.amount(s) || T.amountNotSet}, ${T.delivery[s.delivery]}${filled(s.location) ? `, ${T.where} ${s.location}` : ""}${filled(s.providerRole) ? `, ${T.with} ${lang === "en" ? s.providerRole.toLowerCase() : s.providerRole}` : ""}.`,
        ),
        T.noServices,
      ),
      ...heading(T.changes(name)),
      ...teamList(
        doc.accommodations.map((a, i) => ({
          pointer: `/accommodations/${i}/text`,
          english: a.text,
          suffix: filled(a.when) ? ` — ${a.when.trim()}` : "",
        })),
      ),
      ...heading(T.whereLearns(name)),
      para(
        doc.placement.percentInGeneralEducation === null
          ? T.notDecided
          : T.percent(
              name,
              doc.placement.percentInGeneralEducation,
              filled(doc.placement.school) ? doc.placement.school : "",
            ),
      ),
      ...teamTextBlocks(
        [{ pointer: "/placement/nonParticipationExplanation", english: doc.placement.nonParticipationExplanation }],
        { lang, translate },
        false,
      ),
      ...heading(T.progress),
    );
    const reportDates =
      doc.progressReporting.reportDates.length > 0
        ? T.expectedDates(doc.progressReporting.reportDates.map((d) => date(d)).join(", "))
        : ".";
    if (lang === "en" || !filled(doc.progressReporting.format)) {
      content.push(para(`${orNone(doc.progressReporting.format, T.progressReports)}${reportDates}`));
    } else {
      content.push(teamPara(doc.progressReporting.format.trim()), para(`${T.progressReports}${reportDates}`));
    }
    content.push(...heading(T.summer));
    if (doc.extendedSchoolYear.decision === "required") content.push(para(T.summerYes(name)));
    else if (doc.extendedSchoolYear.decision === "not-required") {
      if (lang === "en") content.push(para(`${T.summerNo(name)} ${doc.extendedSchoolYear.rationale}`.trim()));
      else
        content.push(
          para(T.summerNo(name)),
          ...(filled(doc.extendedSchoolYear.rationale) ? [teamPara(doc.extendedSchoolYear.rationale.trim())] : []),
        );
    } else content.push(para(T.notDecided));
    if (doc.transition) {
      content.push(
        ...heading(T.afterHighSchool),
        teamBullets(doc.transition.postsecondaryGoals.map((g) => g.text)),
        ...(filled(doc.transition.courseOfStudy) ? [teamPara(doc.transition.courseOfStudy.trim())] : []),
      );
    }
    if (doc.transferOfRights) content.push(...heading(T.turns18), teamPara(orNone(doc.transferOfRights.statement)));
    if (doc.consent.choice === "consent-except" && doc.consent.exclusions.length > 0) {
      content.push(
        ...heading(T.notAgreed),
        para(T.notAgreedIntro),
        teamBullets(doc.consent.exclusions.map((e) => orNone(e.description, e.section))),
      );
    }
  } else {
    content.push(
      ...heading(T.why504(name)),
      teamBullets(doc.impairments.flatMap((i) => i.limitations.map((l) => `${i.name}: ${l.description}`))),
      ...heading(T.supports504(name)),
      ...teamList(
        doc.accommodations.map((a, i) => ({
          pointer: `/accommodations/${i}/text`,
          english: a.text,
          suffix: filled(a.providedBy) ? ` (${a.providedBy.trim()})` : "",
        })),
      ),
      ...teamList(
        doc.aidsAndServices.map((s, i) => ({
          pointer: `/aidsAndServices/${i}/description`,
          english: s.description,
          suffix: filled(s.frequency) ? ` — ${s.frequency.trim()}` : "",
        })),
        "",
      ),
    );
  }
  content.push(
    ...heading(T.rights),
    para(T.rightsText(name, isIep)),
    para(doc.safeguardsNotice.givenOn ? T.safeguardsGiven(date(doc.safeguardsNotice.givenOn)) : T.safeguardsAsk),
  );
  if (doc.type === "iep" && doc.priorWrittenNotice && doc.priorWrittenNotice.sourcesOfHelp.length > 0) {
    content.push(sub(T.whereHelp), teamBullets(doc.priorWrittenNotice.sourcesOfHelp));
  }
  return planDocument(T.documentTitle, doc, content, options);
}
