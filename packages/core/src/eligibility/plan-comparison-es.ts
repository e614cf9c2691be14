/**
 * The plan comparison and the next steps in Spanish (decision 0026), point for point with the
 * English in `plan-comparison.ts`: the same citations in the same order (a test checks), and every
 * next step typed from the actions, so a step without its Spanish does not compile.
 */
import type { NavigatorAction } from "./navigator-facts.ts";

type Point = { text: string; citation: string };
type Profile = {
  title: string;
  law: string;
  contents: Point[];
  protections: Point[];
  team: Point[];
};

export const PLAN_PROFILES_ES: Record<"iep" | "section-504" | "adult-services", Profile> = {
  iep: {
    title: "Programa de Educación Individualizado (IEP)",
    law: "Ley de Educación para Personas con Discapacidades (IDEA), 34 CFR Parte 300",
    contents: [
      {
        text: "Enseñanza especialmente diseñada: enseñanza que se cambia para el estudiante en qué, cómo o de qué forma aprende, sin costo para la familia.",
        citation: "34 CFR 300.39",
      },
      {
        text: "Servicios relacionados, como terapia del habla, terapia ocupacional, consejería o transporte, cuando hacen falta para aprovechar la educación especial.",
        citation: "34 CFR 300.34",
      },
      {
        text: "Un plan escrito con los niveles actuales del estudiante, metas anuales que se pueden medir e informes de progreso a la familia.",
        citation: "34 CFR 300.320(a)(1)-(3)",
      },
      {
        text: "Adaptaciones, ayudas y, para cada servicio, cuándo empieza, cada cuánto, dónde y por cuánto tiempo.",
        citation: "34 CFR 300.320(a)(4), (a)(6), (a)(7)",
      },
      {
        text: "Planes para la vida después de la escuela, a más tardar en el IEP que está en vigor a los 16 años.",
        citation: "34 CFR 300.320(b)",
      },
    ],
    protections: [
      {
        text: "Su permiso por escrito antes de la primera evaluación y antes de que empiecen los servicios.",
        citation: "34 CFR 300.300",
      },
      {
        text: "Una notificación previa por escrito cada vez que la escuela propone o rechaza un cambio, con sus razones.",
        citation: "34 CFR 300.503",
      },
      {
        text: "Un aviso de garantías procesales que explica los derechos de la familia, por lo menos una vez al año.",
        citation: "34 CFR 300.504",
      },
      {
        text: "Una evaluación dentro de los 60 días después de su permiso (o en el plazo del estado), una nueva evaluación por lo menos cada 3 años, y un IEP revisado por lo menos una vez al año.",
        citation: "34 CFR 300.301(c); 34 CFR 300.303; 34 CFR 300.324(b)",
      },
      {
        text: "Audiencias de debido proceso, reuniones para resolver y plazos fijos para arreglar los desacuerdos.",
        citation: "34 CFR 300.507-300.515",
      },
      {
        text: "Protecciones en la disciplina: antes de una suspensión larga, se revisa si la conducta viene de la discapacidad (o tiene una relación directa y fuerte con ella) o de no cumplir el IEP. Los servicios siguen.",
        citation: "34 CFR 300.530",
      },
    ],
    team: [
      {
        text: "Un equipo fijo: los padres, un maestro de educación general, un maestro o proveedor de educación especial, un representante de la escuela, alguien que pueda explicar la evaluación, y el estudiante cuando es apropiado.",
        citation: "34 CFR 300.321(a)",
      },
      {
        text: "Reuniones en una hora y un lugar acordados con los padres, que participan en cada decisión.",
        citation: "34 CFR 300.322",
      },
    ],
  },
  "section-504": {
    title: "Plan 504",
    law: "Sección 504 de la Ley de Rehabilitación, 34 CFR Parte 104, junto con la Ley de Enmiendas de la ADA",
    contents: [
      {
        text: "Educación general o especial, con ayudas y servicios, para que las necesidades del estudiante se atiendan igual de bien que las de los demás. Casi siempre son adaptaciones, como tiempo extra, descansos o poder tomar medicamentos.",
        citation: "34 CFR 104.33(b)(1)",
      },
      {
        text: "Gratis, salvo los pagos que hace todo estudiante.",
        citation: "34 CFR 104.33(c)",
      },
      {
        text: "Estudiar con estudiantes sin discapacidades lo más posible.",
        citation: "34 CFR 104.34",
      },
    ],
    protections: [
      {
        text: "Una evaluación antes de la colocación y antes de cualquier cambio importante de colocación, y nuevas evaluaciones de vez en cuando. Las reglas federales no ponen un número de días. La Oficina de Derechos Civiles espera la evaluación en un tiempo razonable, y una demora no razonable puede violar la Sección 504.",
        citation: "34 CFR 104.35(a), (d); OCR Parent and Educator Resource Guide to Section 504 (2016)",
      },
      {
        text: "Protecciones en la disciplina: sacar al estudiante más de 10 días de clases seguidos, o varias veces que suman más de 10, es un cambio importante de colocación. Antes, la escuela tiene que evaluarlo de nuevo, y ver si la conducta viene de la discapacidad.",
        citation: "34 CFR 104.35(a)",
      },
      {
        text: "Avisos, poder ver los expedientes, una audiencia imparcial con un abogado si quiere, y una forma de pedir revisión.",
        citation: "34 CFR 104.36",
      },
      {
        text: "Protección contra la discriminación en todos los programas y actividades de la escuela.",
        citation: "34 CFR 104.4",
      },
    ],
    team: [
      {
        text: "Un grupo de personas que conocen al estudiante, los datos de la evaluación y las opciones de colocación. La ley federal no dice quiénes son.",
        citation: "34 CFR 104.35(c)",
      },
    ],
  },
  "adult-services": {
    title: "Servicios para adultos: universidad, capacitación y trabajo",
    law: "Sección 504 de la Ley de Rehabilitación (34 CFR Parte 104, Subparte E), la Ley de Estadounidenses con Discapacidades (ADA) y el programa de rehabilitación vocacional de la Ley de Rehabilitación",
    contents: [
      {
        text: "Las universidades y los programas de capacitación dan ajustes y ayudas (como más tiempo en los exámenes o alguien que toma notas) a un estudiante que los pide y muestra su discapacidad. No escriben un IEP ni un Plan 504, y no tienen que cambiar lo que pide un programa.",
        citation: "34 CFR 104.44",
      },
      {
        text: "La agencia de rehabilitación vocacional del estado puede ayudar a planear y pagar la capacitación y los apoyos para trabajar.",
        citation: "29 USC 720-722",
      },
      {
        text: "Un estudiante que deja la educación especial porque se gradúa o llega a la última edad recibe un resumen de sus logros y de cómo se desempeña, con consejos para sus metas después de la escuela.",
        citation: "34 CFR 300.305(e)(3)",
      },
    ],
    protections: [
      {
        text: "Protección contra la discriminación en la universidad, la capacitación y el trabajo.",
        citation: "34 CFR 104.4; 42 USC 12132",
      },
    ],
    team: [
      {
        text: "El estudiante pide la ayuda: en la oficina de servicios para estudiantes con discapacidades de la universidad, o con el consejero de rehabilitación vocacional.",
        citation: "34 CFR 104.44",
      },
    ],
  },
};

export const NOT_GIVEN_ES: Record<"iep" | "section-504", Point[]> = {
  "section-504": [
    {
      text: "No hay metas anuales que se puedan medir ni informes de progreso obligatorios.",
      citation: "34 CFR 300.320(a)(2)-(3)",
    },
    {
      text: "La ley no dice quiénes forman el equipo ni cómo se escribe el plan.",
      citation: "34 CFR 104.35(c)",
    },
    {
      text: "No hay un número federal de días para la evaluación ni para el plan (la Oficina de Derechos Civiles espera un tiempo razonable). Los plazos vienen de las reglas del distrito.",
      citation: "34 CFR 104.35; OCR Parent and Educator Resource Guide to Section 504 (2016)",
    },
    {
      text: "No hay una notificación previa por escrito con las siete partes que pide IDEA.",
      citation: "34 CFR 300.503",
    },
  ],
  iep: [
    {
      text: "Un IEP reemplaza al Plan 504, no se suma a él. Cumplir un IEP es una forma de cumplir con la Sección 504, así que las adaptaciones pasan al IEP.",
      citation: "34 CFR 104.33(b)(2)",
    },
  ],
};

export const STEP_TEXT_ES: Record<NavigatorAction, { title: string; text: string; citation: string }> = {
  "contact-early-intervention": {
    title: "Llame al programa de intervención temprana de su estado",
    text: "Los niños menores de 3 años reciben ayuda de la intervención temprana (Parte C de IDEA). Pida una evaluación a su pediatra o al programa. Es gratis para las familias.",
    citation: "20 USC 1432(5); 34 CFR 303.21",
  },
  "plan-transition-at-3": {
    title: "Prepare el paso a los servicios de la escuela a los 3 años",
    text: "Antes de que su hijo cumpla 3 años, pida al equipo de intervención temprana que planee el paso a la educación especial preescolar del distrito.",
    citation: "34 CFR 300.101(a)",
  },
  "request-evaluation-in-writing": {
    title: "Pida a la escuela una evaluación, por escrito",
    text: "Un padre puede pedir una primera evaluación. Hágalo por escrito y guarde una copia con la fecha. La carta de abajo lo hace por usted.",
    citation: "34 CFR 300.301(b)",
  },
  "ask-for-assessment-plan": {
    title: "Pida el plan de evaluación y el aviso de sus derechos",
    text: "La escuela tiene que pedir su permiso por escrito antes de evaluar. También tiene que darle el aviso de garantías procesales cuando se pide una evaluación.",
    citation: "34 CFR 300.300(a); 34 CFR 300.504(a)(1)",
  },
  "follow-evaluation-timeline": {
    title: "Siga la fecha límite de la evaluación",
    text: "La evaluación tiene que terminar dentro de los 60 días después de su permiso, o en el plazo de su estado. Anote la fecha en que firmó.",
    citation: "34 CFR 300.301(c)",
  },
  "ask-for-evaluation-report": {
    title: "Pida el informe de la evaluación",
    text: "Usted es parte del grupo que decide si su hijo califica, y recibe gratis una copia del informe. El informe debe contestar las preguntas abiertas de abajo.",
    citation: "34 CFR 300.306(a)",
  },
  "ask-for-iep-meeting": {
    title: "Pida la reunión del IEP",
    text: "Cuando se decide que el estudiante necesita educación especial, la reunión del IEP tiene que ser dentro de los 30 días. Los servicios empiezan lo antes posible después.",
    citation: "34 CFR 300.323(c)",
  },
  "fold-504-into-iep": {
    title: "Pase las adaptaciones del Plan 504 al IEP",
    text: "Un IEP también cumple con la Sección 504. Pida al equipo que pase cada adaptación del Plan 504 al IEP, para que no se pierda nada.",
    citation: "34 CFR 104.33(b)(2)",
  },
  "ask-for-504-meeting": {
    title: "Pida una reunión de la Sección 504",
    text: "Pida al coordinador de la Sección 504 de la escuela que reúna al grupo que decide la colocación y escribe las adaptaciones.",
    citation: "34 CFR 104.35(c)",
  },
  "review-current-plan": {
    title: "Revise el plan de ahora",
    text: "El estudiante ya tiene este tipo de plan. Vea si todavía sirve para lo que necesita, y pida una reunión si no sirve.",
    citation: "34 CFR 300.324(b); 34 CFR 104.35(d)",
  },
  "ask-for-prior-written-notice": {
    title: "Pida la decisión por escrito",
    text: "Si la escuela decide que el estudiante no califica, o propone terminar o cambiar la educación especial, tiene que decirle por escrito por qué, en qué se basó y qué otras opciones pensó. Si no está de acuerdo, puede pedir una audiencia.",
    citation: "34 CFR 300.503; 34 CFR 104.36",
  },
  "ask-again-if-needs-change": {
    title: "Vuelva a pedir si algo cambia",
    text: "Un padre o un maestro puede pedir una nueva evaluación cuando cambian las necesidades del estudiante.",
    citation: "34 CFR 300.303(a)",
  },
  "find-out-impairment": {
    title: "Averigüe si hay una discapacidad",
    text: "Una evaluación revisa la salud, la vista, el oído, las emociones, el pensamiento, las materias de la escuela, la comunicación y el movimiento para encontrar cualquier discapacidad.",
    citation: "34 CFR 300.304(c)(4)",
  },
  "find-out-idea-category": {
    title: "Averigüe qué tipo de discapacidad apoya la evaluación",
    text: "IDEA tiene 13 categorías (como discapacidad específica del aprendizaje u otro impedimento de salud). La evaluación decide cuál le queda, si alguna.",
    citation: "34 CFR 300.8(c)",
  },
  "find-out-adverse-educational-effect": {
    title: "Averigüe si la discapacidad afecta las tareas de la escuela",
    text: "Pregunte cómo afecta la discapacidad las notas, las habilidades, la conducta o el progreso. Ayudan lo que ven los maestros y ejemplos de sus trabajos.",
    citation: "34 CFR 300.8(c)",
  },
  "find-out-needs-specialized-instruction": {
    title: "Averigüe si el estudiante necesita enseñanza especialmente diseñada",
    text: "Esta es la pregunta que separa un IEP de un Plan 504: ¿el estudiante necesita que se cambie qué, cómo o de qué forma aprende, y no solo adaptaciones?",
    citation: "34 CFR 300.8(a)(1); 34 CFR 300.39",
  },
  "find-out-substantial-limitation": {
    title: "Averigüe si la condición limita mucho una actividad principal de la vida",
    text: "Júzguelo sin medicamentos ni otras ayudas (salvo los anteojos comunes o los lentes de contacto). Si la condición va y viene, júzguelo cuando está activa.",
    citation: "42 USC 12102(4)",
  },
  "find-out-accommodations-needed": {
    title: "Averigüe qué ayuda necesita el estudiante en la escuela",
    text: "Haga una lista de lo que le permitiría participar por completo: tiempo extra, descansos, dónde sentarse, poder tomar medicamentos o cualquier servicio.",
    citation: "34 CFR 104.33(b)(1)",
  },
  "find-out-date-of-birth": {
    title: "Revise la fecha en que su hijo cumplió la última edad que atiende el estado",
    text: "En algunos estados, un estudiante que cumple 22 años en una parte del año escolar puede terminar ese año. Dé la fecha de nacimiento, o pregunte al distrito si su hijo todavía recibe servicios.",
    citation: "Cal. Ed. Code 56026(c)(4)",
  },
  "reevaluate-before-exit": {
    title: "Pida una nueva evaluación antes de que termine la educación especial o cambie la categoría",
    text: "La escuela tiene que evaluar de nuevo a un estudiante con IEP antes de decidir que ya no califica, o antes de que deje de aplicar una categoría. Pídala por escrito.",
    citation: "34 CFR 300.305(e)(1); 34 CFR 300.303",
  },
  "know-stay-put-rights": {
    title: "Sepa que su hijo puede seguir con los servicios de ahora durante un desacuerdo",
    text: "Si usted no está de acuerdo y pide una audiencia, por lo general su hijo sigue en la colocación de ahora y con el IEP de ahora hasta que se resuelva («quedarse donde está»).",
    citation: "34 CFR 300.518",
  },
  "consider-independent-evaluation": {
    title: "Piense en una evaluación independiente",
    text: "Si no está de acuerdo con la evaluación de la escuela, puede pedir una evaluación educativa independiente, hecha por alguien de fuera de la escuela y pagada con fondos públicos. La escuela tiene que pagarla o pedir una audiencia.",
    citation: "34 CFR 300.502",
  },
  "ask-about-postsecondary-accommodations": {
    title: "Pregunte a la universidad o al programa de capacitación por las adaptaciones",
    text: "Después de la preparatoria no hay IEP ni Plan 504. Hable con la oficina de servicios para estudiantes con discapacidades, muestre los papeles de la discapacidad y pida los ajustes y las ayudas que necesita.",
    citation: "34 CFR 104.44; 42 USC 12132",
  },
  "contact-vocational-rehabilitation": {
    title: "Llame a la agencia de rehabilitación vocacional del estado",
    text: "Ayuda a las personas con discapacidades a prepararse, encontrar y mantener un trabajo. A veces también ayuda a pagar la capacitación y la universidad.",
    citation: "29 USC 720-722",
  },
  "request-summary-of-performance": {
    title: "Pida el resumen de desempeño",
    text: "Cuando la educación especial termina porque el estudiante se gradúa con un diploma normal o llega a la última edad, la escuela da un resumen de sus logros y de cómo se desempeña, con consejos para sus metas después de la escuela. Las universidades y las agencias muchas veces lo piden.",
    citation: "34 CFR 300.305(e)(3)",
  },
};
