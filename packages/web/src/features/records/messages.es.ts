import type { FamilyCatalogFor } from "../../i18n/catalogs.ts";
import type { messages as en } from "./messages.en.ts";

/** Spanish for the case file's family-facing strings (the rest wait in the not-yet-in-Spanish list). */
export const messages = {
  "records.destroy.title": "Pedir que borren registros",
  "records.destroy.intro":
    "¿La escuela ya no usa unos registros de {name}? Puede pedir que los borren. Antes, baje el registro completo si lo va a usar. La escuela guarda siempre lo básico: nombre, dirección, teléfono, notas, asistencia, clases, grado y año. (34 CFR 300.624)",
  "records.destroy.kinds": "Registros que quiere borrar",
  "records.destroy.kindsError": "Elija al menos un tipo de registro.",
  "records.destroy.kind.service-log": "Sesiones de servicios registradas",
  "records.destroy.kind.progress-data": "Datos de progreso en las metas",
  "records.destroy.kind.communications": "Registro de comunicaciones",
  "records.destroy.kind.letters": "Cartas guardadas en el expediente",
  "records.destroy.reason": "Por qué (opcional)",
  "records.destroy.reasonHint": "Por ejemplo: mi hijo ya no está en el distrito.",
  "records.destroy.send": "Enviar el pedido",
  "records.destroy.sent": "Su pedido fue enviado. La escuela le va a responder aquí y en su buzón.",
  "records.destroy.caption": "Pedidos para borrar registros",
  "records.destroy.empty": "Aún no hay pedidos.",
  "records.destroy.asked": "Fecha",
  "records.destroy.status": "Estado",
  "records.destroy.status.received": "Recibido",
  "records.destroy.status.granted": "Sí: los van a borrar",
  "records.destroy.status.refused": "No",
  "records.destroy.status.completed": "Listo: ya los borraron",
} as const satisfies FamilyCatalogFor<typeof en>;
