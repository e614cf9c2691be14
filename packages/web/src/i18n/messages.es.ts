/** Las frases de toda la aplicación en español: el marco de la página, acciones, errores y el glosario. */
import { GLOSSARY } from "@lantern/core";
import type { FamilyCatalogFor } from "./catalogs.ts";
import type { messages as en } from "./messages.en.ts";

export const messages = {
  "app.name": "Lantern",
  "app.tagline": "Planes de educación especial, en palabras sencillas",
  "app.titleSuffix": "Lantern",
  "app.skipLink": "Ir al contenido principal",
  "app.nav.label": "Principal",
  "app.nav.home": "Inicio",
  "app.nav.navigator": "Averigüe qué ayuda puede recibir su hijo",
  "app.nav.signIn": "Iniciar sesión",
  "app.signedInAs": "Sesión de {name}",
  "app.signOut": "Cerrar sesión",
  "app.signingOut": "Cerrando la sesión…",
  "app.loading": "Cargando…",
  "app.footer": "Lantern es un programa gratis y de código abierto. Sus datos se quedan con su distrito escolar.",

  "common.loadMore": "Mostrar más",
  "common.loading": "Cargando…",
  "common.showing": "{count, plural, one {Se muestra # estudiante.} other {Se muestran # estudiantes.}}",
  "common.allShown": "Ya están todos.",
  "common.loadedMore": "{count, plural, one {Se muestra # estudiante más.} other {Se muestran # estudiantes más.}}",
  "common.none": "Todavía nada",
  "common.notRecorded": "No anotado",
  "common.required": "(obligatorio)",
  "common.tryAgain": "Intentar de nuevo",
  "common.backHome": "Ir a la página de inicio",
  "common.fixErrors": "{count, plural, one {Corrija # problema:} other {Corrija # problemas:}}",

  "error.network": "No pudimos conectar con Lantern. Revise su conexión a internet e intente de nuevo.",
  "error.server": "Algo salió mal de nuestro lado. Intente de nuevo en un minuto.",
  "error.signedOut": "Su sesión terminó. Vuelva a iniciar sesión.",
  "error.forbidden": "Usted no tiene permiso para ver esto.",
  "error.notFound": "No pudimos encontrar esto.",
  "error.generic": "Algo salió mal: {message}",

  "notFound.title": "No se encontró la página",
  "notFound.body": "No hay ninguna página en esta dirección. Puede que se haya movido o que el enlace tenga un error.",

  "placeholder.comingSoon": "Esta parte de Lantern todavía no está lista.",

  "glossary.wordsUsed": "Palabras que se usan aquí:",
  "glossary.word.iep": GLOSSARY.iep.es.term,
  "glossary.word.section504": GLOSSARY.section504.es.term,
  "glossary.word.caseload": "estudiantes a cargo",
  "glossary.word.caseManager": GLOSSARY.caseManager.es.term,
  "glossary.word.relatedServices": GLOSSARY.relatedServices.es.term,
  "glossary.word.guardian": GLOSSARY.guardian.es.term,
  "glossary.word.advocate": GLOSSARY.advocate.es.term,
  "glossary.word.deadline": GLOSSARY.deadline.es.term,
  "glossary.explain": "¿qué quiere decir esto?",
  "glossary.hide": "ocultar la explicación",
  "glossary.iep": GLOSSARY.iep.es.explanation,
  "glossary.section504": GLOSSARY.section504.es.explanation,
  "glossary.caseload": "Sus estudiantes a cargo son el grupo de estudiantes de los que usted es responsable.",
  "glossary.caseManager": GLOSSARY.caseManager.es.explanation,
  "glossary.relatedServices": GLOSSARY.relatedServices.es.explanation,
  "glossary.guardian": GLOSSARY.guardian.es.explanation,
  "glossary.advocate": GLOSSARY.advocate.es.explanation,
  "glossary.deadline": GLOSSARY.deadline.es.explanation,
} as const satisfies FamilyCatalogFor<typeof en>;
