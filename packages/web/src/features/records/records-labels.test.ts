import {
  CHRONOLOGY_KIND_LABELS,
  CHRONOLOGY_KIND_LABELS_ES,
  COMMUNICATION_MODE_LABELS,
  RECORDS_REQUEST_CHANNEL_LABELS,
  RECORDS_REQUEST_EVENT_LABELS,
  RETENTION_RECORD_TYPE_LABELS,
  RETENTION_RECORD_TYPE_LABELS_ES,
  RETENTION_RECORD_TYPES,
} from "@lantern/core";
import { describe, expect, it } from "vitest";
import { messages as amendment } from "./amendment-messages.en.ts";
import { messages as amendmentEs } from "./amendment-messages.es.ts";
import { messages as records } from "./messages.en.ts";
import { messages as recordsEs } from "./messages.es.ts";

const messages = { ...records, ...amendment };

describe("the case file's names", () => {
  it("are core's names for channels, history steps and chronology kinds", () => {
    const m = messages as Record<string, string>;
    for (const [k, v] of Object.entries(RECORDS_REQUEST_CHANNEL_LABELS)) expect(m[`records.channel.${k}`]).toBe(v);
    for (const [k, v] of Object.entries(RECORDS_REQUEST_EVENT_LABELS)) expect(m[`records.event.${k}`]).toBe(v);
    for (const [k, v] of Object.entries(CHRONOLOGY_KIND_LABELS)) expect(m[`records.kind.${k}`]).toBe(v);
    for (const [k, v] of Object.entries(COMMUNICATION_MODE_LABELS)) expect(m[`records.mode.${k}`]).toBe(v);
  });

  it("name the chronology's kinds in Spanish as the Spanish chronology PDF does", () => {
    const m = { ...recordsEs, ...amendmentEs } as Record<string, string>;
    for (const [k, v] of Object.entries(CHRONOLOGY_KIND_LABELS_ES)) expect(m[`records.kind.${k}`]).toBe(v);
  });

  it("name every kind of record a family may ask to destroy as core and the family's notice do, in English and Spanish", () => {
    const m = messages as Record<string, string>;
    const es = { ...recordsEs, ...amendmentEs } as Record<string, string>;
    for (const k of RETENTION_RECORD_TYPES) {
      expect(m[`records.destroy.kind.${k}`]).toBe(RETENTION_RECORD_TYPE_LABELS[k]);
      expect(es[`records.destroy.kind.${k}`]).toBe(RETENTION_RECORD_TYPE_LABELS_ES[k]);
    }
  });
});
