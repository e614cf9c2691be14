/** La página de inicio de cada persona, en español (las partes del personal se quedan en inglés). */
import type { FamilyCatalogFor } from "../../i18n/catalogs.ts";
import type { messages as en } from "./messages.en.ts";

export const messages = {
  "home.title.staff": "Sus estudiantes",
  "home.title.admin": "Estudiantes",
  "home.title.advocate": "Niños a los que ayuda",
  "home.title.family": "Mis hijos",
  "home.welcome": "Bienvenido, {name}.",
  "home.intro.staff":
    "Estos son sus estudiantes a cargo. Abra la página de un estudiante para ver sus planes y fechas límite.",
  "home.intro.admin":
    "Estos son los estudiantes que usted puede ver. Abra la página de un estudiante para ver sus planes y fechas límite.",
  "home.intro.guardian": "Aquí están sus hijos. Abra la página de su hijo para ver sus planes y qué pasa después.",
  "home.intro.advocate": "Aquí están los niños cuyas familias le pidieron ayuda.",
  "home.caption.staff": "Sus estudiantes a cargo",
  "home.caption.admin": "Estudiantes que usted puede ver",
  "home.empty.staff": "Todavía no tiene estudiantes a cargo.",
  "home.intro.teacher":
    "Estos son los estudiantes con un plan a los que usted les da clases. Abra la página de un estudiante para ver sus planes y fechas límite.",
  "home.intro.provider":
    "Estos son los estudiantes a los que usted atiende. Abra la página de un estudiante para ver sus planes y fechas límite.",
  "home.caption.teacher": "Estudiantes a los que les da clases",
  "home.caption.provider": "Estudiantes a los que atiende",
  "home.empty.teacher": "Ninguno de los estudiantes a los que les da clases tiene todavía un plan en Lantern.",
  "home.empty.provider": "Todavía no atiende a ningún estudiante.",
  "home.progress.yourStudents": "Registrar el progreso de sus estudiantes",
} as const satisfies FamilyCatalogFor<typeof en>;
