/** El plan, su resumen, las versiones y la firma, en español (el editor y los pasos del personal se quedan en inglés). */
import type { FamilyCatalogFor } from "../../i18n/catalogs.ts";
import type { messages as en } from "./messages.en.ts";

export const messages = {
  "plans.title": "Planes de {name}",
  "plans.intro":
    "Un IEP o un Plan 504 se guarda como una serie de versiones. Las versiones firmadas quedan selladas y nunca cambian.",
  "plans.none": "Todavía no hay planes.",
  "plans.open": "Abrir {plan}",
  "plans.plan.title": "{plan} de {name}",
  "plans.plan.version": "Versión {number}: {status}",
  "plans.plan.backToPlans": "Todos los planes de este estudiante",
  "plans.plan.edit": "Editar el borrador",
  "plans.plan.ended": "Terminó el {date}: {reason}",
  "plans.versions.heading": "Versiones",
  "plans.versions.item": "Versión {number} — {status} — {date}",
  "plans.pdf.heading": "Imprimir o descargar",
  "plans.pdf.link": "{document} (PDF)",
  "plans.summary.heading": "El plan, en palabras sencillas",
  "plans.summary.goals": "Metas",
  "plans.summary.services": "Servicios",
  "plans.summary.accommodations": "Adaptaciones (cambios que ayudan a {name} a aprender)",
  "plans.summary.presentLevels": "Cómo le va a {name} ahora",
  "plans.summary.impairments": "Para qué es el plan",
  "plans.summary.serviceLine":
    "{area}: {minutes} minutos, {times, plural, one {una vez} other {# veces}} {per, select, day {al día} week {por semana} month {al mes} other {por {per}}}, en {location}",
  "plans.summary.nothing": "Todavía no hay nada escrito.",
  "plans.sign.heading": "Firmar el plan",
  "plans.sign.explain":
    "Lea el plan de arriba. Para firmar, escriba su nombre completo. Su firma se guarda con la fecha, la hora y su cuenta.",
  "plans.sign.as": "Usted firma como {name}",
  "plans.sign.typedName": "Escriba su nombre completo",
  "plans.sign.consent": "Su decisión sobre este plan",
  "plans.sign.consent.consent": "Estoy de acuerdo con todo el plan",
  "plans.sign.consent.consent-except": "Estoy de acuerdo con el plan menos las partes que nombro abajo",
  "plans.sign.consent.refuse": "No estoy de acuerdo con el plan",
  "plans.sign.exclusions": "Las partes con las que no está de acuerdo",
  "plans.sign.exclusionsHint": "Por ejemplo: terapia del habla",
  "plans.sign.submit": "Firmar",
  "plans.sign.done": "Gracias. Su firma se guardó.",
  "plans.sign.sealed": "El plan está firmado y sellado.",
  "plans.sign.nameRequired": "Escriba su nombre completo para firmar.",
  "plans.sign.choiceRequired": "Elija su decisión.",
  "plans.signatures.heading": "Firmas",
  "plans.signatures.item": "{name}, {date}",
  "plans.signatures.none": "Todavía no hay firmas.",
  "plans.error.load": "No se pudo cargar el plan: {message}",
  "plans.part.postsecondaryGoals": "Metas para después de la preparatoria",
  "plans.part.transitionServices": "Servicios de transición",
  "plans.sign.drawLabel":
    "También puede dibujar su firma aquí con el ratón, el dedo o un lápiz (no es obligatorio: escribir su nombre arriba ya firma el plan).",
  "plans.sign.clearDrawing": "Borrar el dibujo",
} as const satisfies FamilyCatalogFor<typeof en>;
