/**
 * Names of the records-request facts shown to people: how a request came in, and the steps of its
 * history. English; the web's catalogs translate them under `label.<fact>.<value>`.
 */
import type { CHRONOLOGY_KINDS } from "./chronology.ts";
import type { RECORDS_REQUEST_CHANNELS, RECORDS_REQUEST_EVENTS } from "./records-request.ts";

type Channel = (typeof RECORDS_REQUEST_CHANNELS)[number];
type EventKind = (typeof RECORDS_REQUEST_EVENTS)[number];
type ChronologyKind = (typeof CHRONOLOGY_KINDS)[number];

export const RECORDS_REQUEST_CHANNEL_LABELS: Record<Channel, string> = {
  app: "Asked in Lantern",
  written: "Written request received",
  oral: "Spoken request received",
};

export const RECORDS_REQUEST_EVENT_LABELS: Record<EventKind, string> = {
  received: "Received",
  acknowledged: "Acknowledged",
  fulfilled: "Records provided",
};

export const CHRONOLOGY_KIND_LABELS: Record<ChronologyKind, string> = {
  "plan-version": "Plan version",
  meeting: "Meeting",
  notice: "Notice",
  consent: "Consent or signature",
  deadline: "Deadline",
  "missed-sessions": "Missed services",
  letter: "Letter",
  "records-request": "Records request",
  communication: "Communication",
  amendment: "Request to amend a record",
};

/** The kinds of chronology entries in Spanish (the Spanish chronology PDF; the web's `records.kind.*` say the same). */
export const CHRONOLOGY_KIND_LABELS_ES: Record<ChronologyKind, string> = {
  "plan-version": "Versión del plan",
  meeting: "Reunión",
  notice: "Aviso",
  consent: "Consentimiento o firma",
  deadline: "Fecha límite",
  "missed-sessions": "Servicios que no se dieron",
  letter: "Carta",
  "records-request": "Pedido del expediente",
  communication: "Comunicación",
  amendment: "Pedido para corregir un expediente",
};
