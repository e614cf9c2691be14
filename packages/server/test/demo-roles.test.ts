/**
 * The demo district gives each role its main job to try: the demo guardian finds a plan waiting
 * for her consent (her younger child's initial IEP, proposed after the meeting), told in her inbox
 * with a link, and proposed through the app's own use cases (audited like any proposal).
 */
import type { InboxResponse } from "@lantern/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Client, type TestApp } from "./helpers/build-app.ts";
import { DATABASE_KINDS } from "./helpers/test-database.ts";

type ListItem = { id: string; firstName: string; lastName: string; plans: Array<{ type: string; status: string }> };

describe.each(DATABASE_KINDS)("demo roles on %s", (kind) => {
  let t: TestApp;
  let parent: Client;

  beforeAll(async () => {
    t = await buildTestApp(kind);
    parent = await t.signIn("parent.rivera@family.example");
  });
  afterAll(async () => {
    await t?.close();
  });

  it("the demo guardian has a plan waiting for her signature and consent, and is told so", async () => {
    const list = (await parent.get("/api/students")).json() as { items: ListItem[] };
    const waiting = list.items.filter((s) => s.plans.some((p) => p.status === "proposed"));
    expect(waiting.map((s) => `${s.firstName} ${s.lastName}`)).toEqual(["Paloma Rivera"]);
    // Mateo's IEP stays in effect.
    const mateo = list.items.find((s) => s.firstName === "Mateo");
    expect(mateo?.plans).toEqual([expect.objectContaining({ type: "iep", status: "in-effect" })]);

    const paloma = waiting[0]?.id as string;
    const plans = (await parent.get(`/api/students/${paloma}/plans`)).json() as { items: Array<{ id: string }> };
    const planId = plans.items[0]?.id as string;
    const detail = (await parent.get(`/api/students/${paloma}/plans/${planId}`)).json() as {
      version: { status: string; content: { meeting: { type: string }; consent: { choice: string | null } } };
    };
    expect(detail.version.status).toBe("proposed");
    expect(detail.version.content.meeting.type).toBe("initial");
    expect(detail.version.content.consent.choice).toBeNull();

    const inbox = (await parent.get("/api/inbox")).json() as InboxResponse;
    const waits = inbox.notifications.find((n) => n.kind === "plan-waits-for-family");
    expect(waits?.title).toBe("Paloma's IEP waits for you");
    expect(waits?.link).toBe(`/students/${paloma}/plans/${planId}`);
    expect(waits?.read).toBe(false);

    const events = await t.db
      .selectFrom("audit_events")
      .select("action")
      .where("student_id", "=", paloma)
      .orderBy("id")
      .execute();
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["plan.created", "plan.proposed"]));
  });
});
