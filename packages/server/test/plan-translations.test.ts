/**
 * Translations of the team's own words on both databases (decision 0027): staff who may change the
 * plan save one beside a field's English, kept with who and when and audited; it goes out of date
 * when the English changes; the family's Spanish summary prints it; the check flags a family that
 * reads Spanish whose plan or notice is left in English; bad input is refused naming the field.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Client, type TestApp } from "./helpers/build-app.ts";
import { expectAccessiblePdf } from "./helpers/pdf-expectations.ts";
import { DATABASE_KINDS } from "./helpers/test-database.ts";

const CM = "casemanager@maplevalley.example";
const PARENT = "parent.rivera@family.example";

type Translation = {
  field: string;
  pointer: string;
  language: string;
  text: string;
  translatedByName: string;
  translatedAt: string;
  current: boolean;
};
type Detail = {
  version: {
    revision: number;
    content: {
      goals: Array<{ id: string; statement: string }>;
      presentLevels: { academic: string };
    } & Record<string, unknown>;
  };
  translations: Translation[];
};

describe.each(DATABASE_KINDS)("plan translations on %s", (kind) => {
  let t: TestApp;
  let cm: Client;
  let parent: Client;
  let mateo = "";
  let planUrl = "";

  beforeAll(async () => {
    t = await buildTestApp(kind);
    cm = await t.signIn(CM);
    parent = await t.signIn(PARENT);
    mateo = t.ids?.students.get("Mateo Rivera") as string;
    const plans = (await cm.get(`/api/students/${mateo}/plans`)).json() as { items: Array<{ id: string }> };
    planUrl = `/api/students/${mateo}/plans/${plans.items[0]?.id}`;
  });
  afterAll(async () => {
    await t?.close();
  });

  it("saves a translation of a sealed plan's goal beside it, with who and when, audited without its words", async () => {
    const before = (await cm.get(planUrl)).json() as Detail;
    const goal = before.version.content.goals[0];
    if (!goal) throw new Error("Mateo's plan has a goal");
    const res = await cm.send("PUT", `${planUrl}/translations`, {
      field: `/goals/${goal.id}/statement`,
      language: "es",
      text: "  Mateo leerá 90 palabras por minuto.  ",
    });
    expect(res.statusCode, res.body).toBe(200);
    const saved = res.json() as Translation;
    expect(saved).toMatchObject({
      pointer: "/goals/0/statement",
      text: "Mateo leerá 90 palabras por minuto.",
      current: true,
    });
    expect(saved.translatedByName).not.toBe("");

    const after = (await cm.get(planUrl)).json() as Detail;
    expect(after.translations).toEqual([
      expect.objectContaining({ field: `/goals/${goal.id}/statement`, current: true }),
    ]);
    // The family reads it too, and the sealed content did not change.
    const asParent = (await parent.get(planUrl)).json() as Detail;
    expect(asParent.translations.map((x) => x.text)).toEqual(["Mateo leerá 90 palabras por minuto."]);
    expect(asParent.version.content).toEqual(before.version.content);

    const audit = await sql<{ details: Record<string, unknown> }>`
      select details from audit_events where action = 'plan.translation-saved' and student_id = ${mateo}`.execute(t.db);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]?.details).toMatchObject({ field: `/goals/${goal.id}/statement`, language: "es" });
    expect(JSON.stringify(audit.rows[0]?.details)).not.toContain("palabras");

    // Append-only at the database.
    await expect(sql`update plan_translations set text = 'x'`.execute(t.db)).rejects.toThrow();
    await expect(sql`delete from plan_translations`.execute(t.db)).rejects.toThrow();
  });

  it("prints the translation in the family's Spanish summary, with who translated it", async () => {
    const res = await parent.get(`${planUrl}/pdf?kind=parent-summary&lang=es`);
    expect(res.statusCode).toBe(200);
    const pdf = expectAccessiblePdf(res.rawPayload, {
      lang: "es-US",
      furniture: "Mateo Rivera · Resumen para la familia",
    });
    expect(pdf.text).toContain("Mateo leerá 90 palabras por minuto.");
    expect(pdf.text).toContain("Traducido al español por");
    expect(pdf.text).toContain("solo en inglés");
  });

  it("prints the translation in the full plan in Spanish too, the parts nobody translated in English", async () => {
    const detail = (await parent.get(planUrl)).json() as Detail;
    const res = await parent.get(`${planUrl}/pdf?kind=full&lang=es`);
    expect(res.statusCode).toBe(200);
    const pdf = expectAccessiblePdf(res.rawPayload, { lang: "es-US" });
    expect(pdf.text).toContain("Mateo leerá 90 palabras por minuto.");
    expect(pdf.text).toContain("Traducido al español por");
    expect(pdf.text).not.toContain((detail.version.content.goals[0]?.statement ?? "").trim().slice(0, 30));
    expect(pdf.text).toContain("Una persona del equipo tradujo algunas al español");
  });

  it("refuses bad input naming the field, and anyone who may not change the plan", async () => {
    const url = `${planUrl}/translations`;
    const empty = await cm.send("PUT", url, { field: "/presentLevels/academic", language: "es", text: "   " });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("text");
    const french = await cm.send("PUT", url, { field: "/presentLevels/academic", language: "fr", text: "Bonjour" });
    expect(french.statusCode).toBe(400);
    expect(french.body).toContain("language");
    const nowhere = await cm.send("PUT", url, { field: "/goals/no-such-goal/statement", language: "es", text: "Meta" });
    expect(nowhere.statusCode).toBe(400);
    expect(nowhere.body).toContain("/field");
    const notPath = await cm.send("PUT", url, { field: "goals", language: "es", text: "Meta" });
    expect(notPath.statusCode).toBe(400);
    expect(notPath.body).toContain("field");
    expect(
      (await parent.send("PUT", url, { field: "/presentLevels/academic", language: "es", text: "Hola" })).statusCode,
    ).toBe(403);
  });

  it("shows a translation out of date once the English changed after it", async () => {
    const sofia = t.ids?.students.get("Sofia Okafor") as string;
    const plans = (await cm.get(`/api/students/${sofia}/plans`)).json() as { items: Array<{ id: string }> };
    const url = `/api/students/${sofia}/plans/${plans.items[0]?.id}`;
    const draft = (await cm.get(url)).json() as Detail;
    const content = draft.version.content;
    content.presentLevels.academic = "Reads 40 words a minute in grade 3 text.";
    const saved = await cm.send("PUT", `${url}/draft`, { revision: draft.version.revision, content });
    expect(saved.statusCode, saved.body).toBe(200);
    const res = await cm.send("PUT", `${url}/translations`, {
      field: "/presentLevels/academic",
      language: "es",
      text: "Lee 40 palabras por minuto en un texto de tercer grado.",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(((await cm.get(url)).json() as Detail).translations[0]?.current).toBe(true);

    const again = (await cm.get(url)).json() as Detail;
    again.version.content.presentLevels.academic = "Reads 55 words a minute in grade 3 text.";
    const changed = await cm.send("PUT", `${url}/draft`, {
      revision: again.version.revision,
      content: again.version.content,
    });
    expect(changed.statusCode).toBe(200);
    const read = (await cm.get(url)).json() as Detail;
    expect(read.translations).toEqual([
      expect.objectContaining({
        field: "/presentLevels/academic",
        current: false,
        text: expect.stringContaining("40"),
      }),
    ]);
  });

  it("the check finds a plan whose family reads Spanish with parts left in English, citing the rule", async () => {
    const ana = t.ids?.people[PARENT] as string;
    const set = await cm.send("PUT", `/api/students/${mateo}/guardians/${ana}/language`, {
      language: "es",
      interpreterNeeded: false,
    });
    expect(set.statusCode, set.body).toBe(200);
    const check = (await cm.get(`${planUrl}/compliance`)).json() as {
      findings: Array<{ code: string; citation: string; fix: string; place: string; message: string }>;
    };
    const plan = check.findings.find((f) => f.code === "translation.plan-missing");
    expect(plan?.citation).toContain("300.322(e)");
    expect(plan?.fix).toBeTruthy();
    expect(plan?.place.startsWith("/")).toBe(true);
    // The translated goal is not where the finding points.
    expect(plan?.place).not.toBe("/goals/0/statement");
  });
});
