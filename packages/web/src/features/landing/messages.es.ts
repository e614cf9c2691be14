/** La página de inicio pública, en español. */
import type { FamilyCatalogFor } from "../../i18n/catalogs.ts";
import type { messages as en } from "./messages.en.ts";

export const messages = {
  "landing.title": "Ayuda en la escuela para estudiantes con discapacidades",
  "landing.intro":
    "Lantern ayuda a las familias y a las escuelas a planear el apoyo para estudiantes con discapacidades: quién puede recibir ayuda, qué dice el plan y qué debe pasar y para cuándo.",
  "landing.families.title": "Para las familias",
  "landing.families.body":
    "Conteste unas preguntas para saber qué ayuda puede recibir su hijo en la escuela y qué pedir. No necesita una cuenta.",
  "landing.families.cta": "Averigüe qué ayuda puede recibir su hijo",
  "landing.staff.title": "Para el personal de la escuela, las familias y los defensores con una cuenta",
  "landing.staff.body":
    "Inicie sesión para ver los planes, las fechas límite y los servicios de los estudiantes con los que trabaja o de sus hijos.",
  "landing.staff.cta": "Iniciar sesión",
  "landing.privacy":
    "Los expedientes de los estudiantes son privados. Cada vez que alguien abre un expediente, Lantern anota quién, cuándo y por qué (34 CFR 300.614).",
} as const satisfies FamilyCatalogFor<typeof en>;
