/** Iniciar y cerrar sesión, en español. */
import type { FamilyCatalogFor } from "../../i18n/catalogs.ts";
import type { messages as en } from "./messages.en.ts";

export const messages = {
  "auth.signIn.title": "Iniciar sesión",
  "auth.signIn.endedTitle": "Se cerró su sesión",
  "auth.signIn.ended":
    "Su sesión terminó: estuvo un tiempo sin actividad, o alguien cerró la sesión de esta cuenta en todos los aparatos. Inicie sesión para volver a la página donde estaba. Lo que escribió en un plan se guarda en este aparato y vuelve a aparecer.",
  "auth.signIn.intro": "Inicie sesión con el correo electrónico y la contraseña que le dio su distrito escolar.",
  "auth.signIn.email": "Correo electrónico",
  "auth.signIn.emailHint": "Por ejemplo, nombre@escuela.org",
  "auth.signIn.password": "Contraseña",
  "auth.signIn.submit": "Iniciar sesión",
  "auth.signIn.submitting": "Iniciando sesión…",
  "auth.signIn.errorTitle": "No pudimos iniciar su sesión",
  "auth.signIn.emailMissing": "Escriba su correo electrónico.",
  "auth.signIn.emailInvalid": "Escriba un correo electrónico con @, como nombre@escuela.org.",
  "auth.signIn.passwordMissing": "Escriba su contraseña.",
  "auth.signIn.wrong": "El correo electrónico o la contraseña no es correcto. Revíselos e intente de nuevo.",
  "auth.signIn.tooMany":
    "{count, plural, one {Demasiados intentos. Espere # minuto y vuelva a intentar.} other {Demasiados intentos. Espere # minutos y vuelva a intentar.}}",
  "auth.signIn.forgot": "¿Olvidó su contraseña? Pida al administrador de Lantern de su distrito escolar que la cambie.",
  "auth.signIn.family":
    "Padres y tutores: la escuela de su hijo crea su cuenta. Si no tiene una, pregunte en la oficina de la escuela.",
} as const satisfies FamilyCatalogFor<typeof en>;
