/** Minutos de servicio y progreso en las metas, en español (las páginas del personal se quedan en inglés). */
import type { FamilyCatalogFor } from "../../i18n/catalogs.ts";
import type { messages as en } from "./messages.en.ts";

export const messages = {
  "enforcement.minutes.title": "Servicios de {name}",
  "enforcement.minutes.titleFallback": "Servicios",
  "enforcement.minutes.intro":
    "El plan promete cada servicio por un número de minutos. Esta página compara esos minutos con los que se dieron, del {from} al {through}.",
  "enforcement.minutes.owedExplained":
    "Los minutos de reposición según la política del distrito son minutos que la escuela no dio por sus propias razones, por ejemplo porque el proveedor faltó, menos los minutos que ya se repusieron. No son una decisión legal: si el niño debe recibir más (educación compensatoria) se decide caso por caso. No se cuentan los minutos perdidos porque su hijo faltó, salvo que la falta tenga que ver con la discapacidad; el equipo debe tomar en cuenta esos minutos.",
  "enforcement.minutes.removalExplained":
    "Después de 10 días escolares de retiro por disciplina en un año escolar, los servicios deben seguir. Por eso las sesiones perdidas desde entonces cuentan como de la escuela (34 CFR 300.530(b)(2), (d)).",
  "enforcement.minutes.caption": "Minutos de cada servicio, del {from} al {through}",
  "enforcement.minutes.column.service": "Servicio",
  "enforcement.minutes.column.required": "Minutos que pide el plan",
  "enforcement.minutes.column.provided": "Minutos dados",
  "enforcement.minutes.column.missed": "Minutos perdidos",
  "enforcement.minutes.column.owed": "Minutos de reposición según la política del distrito",
  "enforcement.minutes.column.notLogged": "Programados, sin anotar",
  "enforcement.minutes.column.schedule": "¿Al día?",
  "enforcement.minutes.onSchedule": "Al día",
  "enforcement.minutes.behind": "Atrasado: se dio el {percent}%",
  "enforcement.minutes.noServices": "El plan en vigor todavía no tiene servicios con minutos para contar.",
  "enforcement.minutes.totalOwed":
    "{count, plural, =0 {Ahora no se deben minutos de reposición según la política del distrito.} one {En total, # minuto de reposición según la política del distrito.} other {En total, # minutos de reposición según la política del distrito.}}",
  "enforcement.minutes.toExplain":
    "{count, plural, =0 {Se sabe qué pasó con cada minuto programado.} one {La escuela debe explicar # minuto: perdido por sus propias razones, sin anotar, o perdido durante una falta relacionada con la discapacidad.} other {La escuela debe explicar # minutos: perdidos por sus propias razones, sin anotar, o perdidos durante una falta relacionada con la discapacidad.}}",
  "enforcement.minutes.notLoggedDetail": "Nadie anotó {minutes} minutos de sesiones programadas.",
  "enforcement.minutes.removalDetail":
    "Se perdieron {minutes} minutos durante un retiro por disciplina, después de los primeros 10 días escolares de retiro de este año escolar. En ese tiempo los servicios deben seguir.",
  "enforcement.minutes.details": "Detalles de {service}",
  "enforcement.minutes.providedDetail": "Se dieron {delivered} minutos y se repusieron {madeUp} minutos.",
  "enforcement.minutes.missedDetail": "{reason}: {minutes} minutos",
  "enforcement.minutes.noMissed": "No se anotó ninguna sesión perdida.",
  "enforcement.minutes.pdf": "Descargar el resumen de servicios dados (PDF) para llevarlo a una reunión",
  "enforcement.minutes.pdfSpanish": "El resumen de servicios dados en español (PDF)",
  "enforcement.minutes.progressLink": "Ver el progreso en las metas",
  "enforcement.minutes.loadError": "No se pudieron cargar los minutos de servicio.",
  "enforcement.progress.title": "Progreso de {name}",
  "enforcement.progress.titleFallback": "Progreso",
  "enforcement.progress.intro":
    "Cada meta tiene un punto de partida y un objetivo. La gráfica muestra los puntajes anotados hasta ahora, el camino esperado hasta el objetivo (línea meta) y hacia dónde van los puntajes (línea de tendencia).",
  "enforcement.progress.noGoals": "El plan en vigor todavía no tiene metas con números para la gráfica.",
  "enforcement.progress.hint.consider-changing-instruction":
    "Los últimos cuatro puntajes están del lado malo de la línea meta. Puede que el equipo quiera cambiar cómo se enseña esta meta.",
  "enforcement.progress.hint.consider-raising-the-goal":
    "Los últimos cuatro puntajes son mejores que la línea meta. Puede que el equipo quiera poner una meta más alta.",
  "enforcement.progress.hint.keep-going": "Siga así y siga midiendo.",
  "enforcement.progress.hint.not-enough-data": "Hay menos de cuatro puntajes: siga midiendo antes de decidir.",
  "enforcement.progress.chartTitle": "{goal}: puntajes con el tiempo",
  "enforcement.progress.chartSummary":
    "Punto de partida {baseline} el {baselineDate}; objetivo {target} para el {targetDate}. {count, plural, one {# puntaje anotado} other {# puntajes anotados}}; el último es {latest} el {latestDate}.",
  "enforcement.progress.chartSummaryEmpty":
    "Punto de partida {baseline} el {baselineDate}; objetivo {target} para el {targetDate}. Todavía no hay puntajes anotados.",
  "enforcement.progress.legend.aim": "Línea meta (camino esperado)",
  "enforcement.progress.legend.trend": "Línea de tendencia (hacia dónde van los puntajes)",
  "enforcement.progress.legend.data": "Puntaje anotado",
  "enforcement.progress.tableCaption": "Puntajes de {goal}",
  "enforcement.progress.column.date": "Fecha",
  "enforcement.progress.column.score": "Puntaje",
  "enforcement.progress.column.expected": "Lo esperado en la línea meta",
  "enforcement.progress.pdf": "Descargar el informe de progreso (PDF)",
  "enforcement.progress.pdfSpanish": "El informe de progreso en español (PDF)",
  "enforcement.progress.reports.itemSpanish": "En español (PDF)",
  "enforcement.progress.loadError": "No se pudo cargar el progreso.",
  "enforcement.progress.record.legend": "Anotar un puntaje",
  "enforcement.progress.record.goal": "Meta",
  "enforcement.progress.record.date": "Fecha",
  "enforcement.progress.record.value": "Puntaje",
  "enforcement.progress.record.submit": "Guardar el puntaje",
  "enforcement.progress.record.saved": "Se guardó el puntaje.",
  "enforcement.progress.record.valueRequired": "Escriba el puntaje como un número.",
  "enforcement.progress.record.dateRequired": "Escriba la fecha.",
  "enforcement.progress.reports.title": "Informes de progreso",
  "enforcement.progress.reports.intro": "El plan dice que los informes de progreso se dan en estas fechas.",
  "enforcement.progress.reports.item": "Informe de progreso del {date} (PDF)",
} as const satisfies FamilyCatalogFor<typeof en>;
