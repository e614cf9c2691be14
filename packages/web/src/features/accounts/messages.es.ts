/** La contraseña desde un enlace por correo, y los mensajes de la cuenta, en español (la página del personal se queda en inglés). */
import type { FamilyCatalogFor } from "../../i18n/catalogs.ts";
import type { messages as en } from "./messages.en.ts";

export const messages = {
  "accounts.password.title": "Elija su contraseña",
  "accounts.password.intro":
    "Use por lo menos 12 letras, números o signos. Unas palabras que solo usted pondría juntas son fáciles de recordar y difíciles de adivinar.",
  "accounts.password.password": "Contraseña nueva",
  "accounts.password.confirm": "Escriba la contraseña otra vez",
  "accounts.password.submit": "Guardar la contraseña",
  "accounts.password.submitting": "Guardando…",
  "accounts.password.errorTitle": "No se guardó su contraseña",
  "accounts.password.tooShort": "Use por lo menos 12 letras, números o signos.",
  "accounts.password.mismatch": "Las dos contraseñas no son iguales.",
  "accounts.password.noToken": "Este enlace no está completo. Ábralo otra vez desde el mensaje que recibió.",
  "accounts.password.done": "Su contraseña se guardó. Ya puede iniciar sesión.",
  "accounts.password.signIn": "Iniciar sesión",
  "accounts.forgot.link": "¿Olvidó su contraseña?",
  "accounts.forgot.title": "Cambie su contraseña",
  "accounts.forgot.intro":
    "Escriba el correo electrónico de su cuenta. Le vamos a mandar ahí un enlace para elegir una contraseña nueva.",
  "accounts.forgot.email": "Correo electrónico",
  "accounts.forgot.submit": "Mándenme un enlace",
  "accounts.forgot.submitting": "Mandando…",
  "accounts.forgot.errorTitle": "No pudimos mandar el enlace",
  "accounts.forgot.emailInvalid": "Escriba un correo electrónico con @, como nombre@escuela.org.",
  "accounts.inbox.title": "Mensajes",
  "accounts.inbox.link": "Mensajes",
  "accounts.inbox.unread": "{count, plural, one {Mensajes (# nuevo)} other {Mensajes (# nuevos)}}",
  "accounts.inbox.empty": "No hay mensajes.",
  "accounts.inbox.open": "Abrir",
  "accounts.inbox.markRead": "Marcar “{title}” como leído",
  "accounts.inbox.new": "Nuevo",
  "accounts.inbox.links.title": "Hijos por confirmar",
  "accounts.inbox.links.text": "Según {district}, usted es {relationship} de {student}. ¿Es correcto?",
  "accounts.inbox.links.accept": "Sí, confirmar a {student}",
  "accounts.inbox.links.decline": "No, no es mi hijo: rechazar a {student}",
  "accounts.inbox.links.accepted": "Confirmado. Ya puede ver el expediente de {student}.",
  "accounts.inbox.links.declined": "Rechazado. Usted no tiene acceso al expediente de {student}.",
  "accounts.inbox.email": "Mandarme también estos mensajes por correo electrónico",
  "accounts.inbox.emailSaved": "Su decisión se guardó.",
} as const satisfies FamilyCatalogFor<typeof en>;
