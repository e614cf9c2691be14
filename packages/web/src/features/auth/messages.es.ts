/** Iniciar y cerrar sesión, el segundo paso y la seguridad de la cuenta, en español. */
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
  "auth.signIn.forgot": "¿Olvidó su contraseña?",
  "auth.signIn.family":
    "Padres y tutores: la escuela de su hijo crea su cuenta. Si no tiene una, pregunte en la oficina de la escuela.",
  "auth.signIn.tooManySeconds":
    "{count, plural, one {Demasiados intentos. Espere # segundo y vuelva a intentar.} other {Demasiados intentos. Espere # segundos y vuelva a intentar.}}",
  "auth.secondFactor.verifyTitle": "Escriba su código",
  "auth.secondFactor.code": "Código",
  "auth.secondFactor.codeHint":
    "El código de 6 números que su app de códigos muestra para Lantern. ¿Perdió su teléfono? Escriba uno de sus códigos de respaldo.",
  "auth.secondFactor.verifySubmit": "Continuar",
  "auth.secondFactor.checking": "Revisando…",
  "auth.secondFactor.codeMissing": "Escriba el código de su app, o un código de respaldo.",
  "auth.secondFactor.codeFormat": "Escriba los 6 números que muestra su app.",
  "auth.secondFactor.wrong":
    "Ese código no sirvió. Los códigos cambian cada 30 segundos y cada uno sirve una sola vez. Escriba el más nuevo.",
  "auth.secondFactor.expired": "Tardó mucho en entrar. Vuelva a entrar con su contraseña.",
  "auth.secondFactor.requiredTitle": "Ponga un segundo paso para entrar",
  "auth.secondFactor.requiredIntro":
    "El personal puede ver los expedientes de muchos estudiantes. Por eso su distrito escolar le pide al personal que, cada vez que entra, escriba un código de una app en su teléfono.",
  "auth.secondFactor.loading": "Creando una clave nueva…",
  "auth.secondFactor.enrolTitle": "Ponga una app de códigos",
  "auth.secondFactor.enrolStep1":
    "Abra en su teléfono una app de códigos (por ejemplo Google Authenticator, Microsoft Authenticator o 2FAS) y elija agregar una cuenta.",
  "auth.secondFactor.enrolStep2": "Escanee este código QR, o escriba en la app la clave de abajo.",
  "auth.secondFactor.qrLabel": "Código QR con su clave de Lantern para una app de códigos",
  "auth.secondFactor.keyLabel": "Clave:",
  "auth.secondFactor.uriLabel": "Ver la clave como un enlace para guardar contraseñas",
  "auth.secondFactor.enrolStep3": "Escriba el código de 6 números que la app muestra ahora para Lantern.",
  "auth.secondFactor.firstCode": "Código de la app",
  "auth.secondFactor.enrolSubmit": "Activar",
  "auth.secondFactor.enrolWrong": "Ese código no coincide. Vea que la app diga Lantern y escriba el código más nuevo.",
  "auth.secondFactor.recoveryTitle": "Sus códigos de respaldo",
  "auth.secondFactor.recoveryIntro":
    "Si pierde su teléfono, cada uno de estos códigos le deja entrar una vez. Imprímalos o guárdelos en un lugar seguro. Solo se ven esta vez.",
  "auth.secondFactor.recoverySaved": "Ya guardé mis códigos de respaldo",
  "auth.security.link": "Seguridad de la cuenta",
  "auth.security.title": "Seguridad de la cuenta",
  "auth.security.intro":
    "Un segundo paso para entrar: después de su contraseña, escribe un código de una app en su teléfono. Así, si alguien sabe su contraseña, no puede entrar.",
  "auth.security.off": "El segundo paso está apagado.",
  "auth.security.offRequired": "Su distrito escolar pide un segundo paso para el personal. Póngalo ahora.",
  "auth.security.on":
    "{count, plural, one {El segundo paso está activo. Le queda # código de respaldo.} other {El segundo paso está activo. Le quedan # códigos de respaldo.}}",
  "auth.security.required": "Su distrito escolar pide el segundo paso para el personal, así que queda activo.",
  "auth.security.setUp": "Poner una app de códigos",
  "auth.security.enrolled": "El segundo paso está activo. Cada vez que entre, va a escribir un código de la app.",
  "auth.security.turnOff": "Apagar el segundo paso",
  "auth.security.turningOff": "Apagando…",
  "auth.security.turnedOff": "El segundo paso está apagado. Usted entra solo con su contraseña.",
  "auth.sso.button": "Entrar con su cuenta del distrito",
  "auth.sso.refusedTitle": "No pudo entrar con su cuenta del distrito",
  "auth.sso.refused.state": "Empezó a entrar hace mucho o en otra ventana. Intente de nuevo.",
  "auth.sso.refused.provider": "El servicio de su distrito no confirmó quién es usted. Intente de nuevo.",
  "auth.sso.refused.unverified-email":
    "El correo de su cuenta del distrito no está confirmado. Pida ayuda al equipo de computación de su distrito.",
  "auth.sso.refused.unknown-account":
    "No hay una cuenta de Lantern para su correo del distrito. Pida a quien maneja Lantern en su distrito que lo invite.",
  "auth.sso.refused.deactivated": "Su cuenta de Lantern está apagada. Pregunte a quien maneja Lantern en su distrito.",
  "auth.sso.refused.not-staff":
    "Entrar con una cuenta del distrito es solo para el personal de la escuela. Entre con su correo electrónico y su contraseña.",
  "auth.security.newCodesTitle": "Códigos de respaldo nuevos",
  "auth.security.newCodesIntro":
    "¿Perdió sus códigos de respaldo, o ya usó casi todos? Haga otros. Los que tiene ahora dejan de servir.",
  "auth.security.newCodesCode": "Código de su app",
  "auth.security.newCodesCodeHint": "Los 6 números que su app muestra ahora para Lantern.",
  "auth.security.newCodesMissing": "Escriba los 6 números de su app.",
  "auth.security.newCodesSubmit": "Hacer códigos nuevos",
  "auth.security.newCodesSubmitting": "Haciendo los códigos…",
  "auth.security.newCodesDone": "Sus códigos nuevos están guardados. Los de antes ya no sirven.",
} as const satisfies FamilyCatalogFor<typeof en>;
