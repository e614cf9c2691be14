/** La página de un estudiante y los datos del estudiante que se ven en otras páginas, en español. */
import type { FamilyCatalogFor } from "../../i18n/catalogs.ts";
import type { messages as en } from "./messages.en.ts";

export const messages = {
  "students.fullName": "{firstName} {lastName}",
  "students.grade": "Grado {grade}",
  "students.gradeLabel": "Grado",
  "students.school": "Escuela",
  "students.dateOfBirth": "Fecha de nacimiento",
  "students.caseManager": "Encargado del caso",
  "students.guardians": "Padres y tutores",
  "students.guardian": "{name} ({relationship})",
  "students.language.prefers": "Prefiere {language}",
  "students.language.notRecorded": "Idioma no anotado",
  "students.language.needsInterpreter": "necesita un intérprete en las reuniones",
  "students.language.change": "Cambiar el idioma de {name}",
  "students.language.label": "Idioma preferido de {name}",
  "students.language.none": "No anotado",
  "students.language.interpreterLabel": "Necesita un intérprete en las reuniones",
  "students.language.save": "Guardar",
  "students.language.saved": "El idioma de {name} está guardado.",
  "students.noCaseManager": "Todavía no hay encargado del caso",
  "students.about": "Sobre {name}",

  "students.plan.withStatus": "{plan}: {status}",
  "students.noPlans": "Todavía no hay planes",

  "students.deadline.text": "{label}: {date}",
  "students.noDeadline": "Nada pendiente",

  "students.sections.plans": "Planes",
  "students.sections.plansIntro": "Los planes del estudiante, el actual y los anteriores.",
  "students.sections.deadlines": "Fechas límite",
  "students.sections.deadlinesPlaceholder": "Aquí se van a mostrar las fechas límite de este estudiante.",
  "students.sections.services": "Servicios",
  "students.sections.servicesIntro": "Los servicios del plan del estudiante y cuántos minutos se dieron.",
  "students.links.startPlan": "Comenzar un plan",
  "students.links.plans": "Ver todos los planes de este estudiante",
  "students.links.services": "Minutos de servicio: los que se deben dar, los dados, los perdidos y los repuestos",
  "students.links.progress": "Progreso en las metas del plan",
  "students.list.noChildren": "Todavía no hay niños conectados a su cuenta. Comuníquese con la escuela de su hijo.",
  "students.list.child.school": "{school}, grado {grade}",
  "students.list.child.open": "Abrir la página de {name}",
  "students.list.child.plans": "Planes:",
  "students.loadError": "No pudimos abrir el expediente de este estudiante.",
  "students.titleFallback": "Estudiante",
} as const satisfies FamilyCatalogFor<typeof en>;
