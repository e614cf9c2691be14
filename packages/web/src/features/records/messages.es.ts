/**
 * El expediente del caso en español: por ahora, la queja al estado y la preparación de una reunión.
 * Los demás mensajes del expediente esperan en la lista de los que aún no están en español.
 */
import type { FamilyCatalogFor } from "../../i18n/catalogs.ts";
import type { messages as en } from "./messages.en.ts";

export const messages = {
  "records.complaint.choose": "Usar en una queja: {date}, {kind}",
  "records.complaint.chooseHeader": "Usar",
  "records.complaint.chooseHint":
    "Para escribir una queja al estado, marque las entradas de las que trata. Luego elija Preparar una queja.",
  "records.complaint.draft":
    "{count, plural, one {Preparar una queja con # entrada marcada} other {Preparar una queja con # entradas marcadas}}",
  "records.complaint.chooseFirst": "Primero marque al menos una entrada.",
  "records.complaint.drafted": "Su borrador está abajo. Léalo y cambie lo que quiera.",
  "records.complaint.title": "Borrador de queja al estado",
  "records.complaint.intro":
    "Un padre puede escribir al estado cuando la escuela no cumple la ley. Lantern escribió un primer borrador con las entradas que usted eligió. Usted decide lo que dice.",
  "records.complaint.notAdvice":
    "Esto es información general, no asesoría legal. Un centro de padres o un abogado le pueden ayudar.",
  "records.complaint.oneYear":
    "El estado solo mira lo que pasó en el último año. Las entradas de antes del {date} son muy viejas.",
  "records.complaint.tooOld": "Muy vieja para una queja: {what}",
  "records.complaint.sendTo": "Envíela a: {agency}.",
  "records.complaint.copyTo": "Envíe una copia a: {district}.",
  "records.complaint.howToSend":
    "Fírmela y envíela al estado. Envíe una copia al distrito escolar el mismo día. El estado tiene 60 días para decidir.",
  "records.complaint.gaps": "Falta llenar",
  "records.complaint.violation": "Qué regla no cumplió la escuela",
  "records.complaint.facts": "Qué pasó (un hecho por línea)",
  "records.complaint.resolution": "Qué lo arreglaría",
  "records.complaint.child": "El niño",
  "records.complaint.childName": "Nombre del niño",
  "records.complaint.childAddress": "Dirección donde vive el niño",
  "records.complaint.childSchool": "Escuela",
  "records.complaint.you": "Usted (su nombre es su firma)",
  "records.complaint.yourName": "Su nombre",
  "records.complaint.relationship": "Qué es usted del niño",
  "records.complaint.address": "Su dirección",
  "records.complaint.phone": "Su teléfono",
  "records.complaint.email": "Su correo electrónico",
  "records.complaint.save": "Guardar el borrador",
  "records.complaint.saved": "El borrador está guardado.",
  "records.complaint.pdf": "Descargar la queja en PDF",
  "records.complaint.evidence": "Pruebas del expediente",
  "records.complaint.evidenceIntro":
    "Cada entrada que eligió, con lo que muestra el expediente. El PDF también tiene esta lista.",
  "records.complaint.others": "Borradores anteriores",
  "records.complaint.open": "Abrir el borrador del {date}",
  "records.complaint.private":
    "Solo usted, los otros padres del niño y los defensores que usted agregue pueden ver sus borradores.",

  "records.prep.title": "Prepararse para una reunión",
  "records.prep.intro":
    "Diga al equipo lo que le preocupa y lo que quiere preguntar. El equipo lo ve antes de la reunión.",
  "records.prep.none": "No hay ninguna reunión en el calendario.",
  "records.prep.meeting": "Reunión el {when} en {location}: {purpose}",
  "records.prep.closed": "Esta reunión ya empezó o ya pasó.",
  "records.prep.concerns": "Lo que le preocupa",
  "records.prep.concernsHint": "El equipo debe pensar en esto cuando escriba el plan.",
  "records.prep.questions": "Sus preguntas",
  "records.prep.record": "Voy a grabar el audio de la reunión",
  "records.prep.recordHint":
    "En California debe avisar a la escuela al menos 24 horas antes de la reunión. Lantern escribe el aviso por usted.",
  "records.prep.save": "Enviar al equipo",
  "records.prep.saved": "El equipo ya puede leer lo que escribió.",
  "records.prep.notice": "Su aviso de grabación",
  "records.prep.noticeOnTime": "Dado el {when}, a tiempo.",
  "records.prep.noticeLate": "Dado el {when}, menos de 24 horas antes de la reunión.",
  "records.prep.draft": "El borrador del equipo",
  "records.prep.draftIntro":
    "Una copia del borrador del plan, compartida el {date}. No cambia mientras usted la lee. Puede comentar cada parte.",
  "records.prep.noDraft": "El equipo todavía no ha compartido un borrador.",
  "records.prep.kind.goal": "Meta",
  "records.prep.kind.service": "Servicio",
  "records.prep.kind.accommodation": "Adaptación",
  "records.prep.comment": "Su comentario sobre {item}",
  "records.prep.send": "Enviar comentario sobre {item}",
  "records.prep.sent": "Su comentario fue enviado.",
  "records.prep.commentBy": "{name} escribió:",
  "records.prep.answerBy": "{name} respondió:",
  "records.prep.noAnswer": "Todavía no hay respuesta.",
} as const satisfies FamilyCatalogFor<typeof en>;
