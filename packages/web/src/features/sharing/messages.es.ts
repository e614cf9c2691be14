/** Compartir el expediente de un niño y el registro de acceso, en español. */
import type { FamilyCatalogFor } from "../../i18n/catalogs.ts";
import type { messages as en } from "./messages.en.ts";

export const messages = {
  "sharing.accessLog.title": "Quién ha visto este expediente",
  "sharing.accessLog.intro":
    "La ley da a las familias el derecho de saber quién lee o cambia el expediente escolar de su hijo, cuándo y por qué. Aquí se anota cada vez.",
  "sharing.accessLog.caption": "Registro de acceso, lo más nuevo primero",
  "sharing.accessLog.when": "Cuándo",
  "sharing.accessLog.who": "Quién",
  "sharing.accessLog.role": "Como",
  "sharing.accessLog.what": "Qué hizo",
  "sharing.accessLog.empty": "Nadie ha visto este expediente todavía.",
  "sharing.accessLog.more": "Mostrar lo anterior",
  "sharing.accessLog.moreShown": "Se agregó lo anterior a la tabla.",
  "sharing.accessLog.loadError": "No se pudo cargar el registro de acceso.",
  "sharing.role.list": "visto en una lista",
  "sharing.advocates.title": "Compartir con un defensor",
  "sharing.advocates.intro":
    "Un defensor le puede ayudar en las reuniones. Si comparte el expediente de su hijo con un defensor, lo puede leer y actuar con usted: pedir registros o una corrección, escribir en el registro de comunicaciones, preparar una reunión y preparar una queja. No puede cambiar ni firmar el plan, ni pedir que borren registros. Puede dejar de compartirlo cuando quiera.",
  "sharing.advocates.none": "Usted no comparte este expediente con nadie.",
  "sharing.advocates.item": "{name} ({email})",
  "sharing.advocates.stop": "Dejar de compartir con {name}",
  "sharing.advocates.stopped": "Usted dejó de compartir con {name}.",
  "sharing.advocates.emailLabel": "Correo electrónico del defensor",
  "sharing.advocates.emailHint": "El defensor necesita una cuenta de Lantern. Pregúntele qué correo electrónico usa.",
  "sharing.advocates.share": "Compartir el expediente",
  "sharing.advocates.shared": "Ahora el expediente se comparte con {email}.",
  "sharing.advocates.loadError": "No se pudo cargar la lista de defensores.",
} as const satisfies FamilyCatalogFor<typeof en>;
