/** Records requests on the clock through the HTTP app: the family asks, staff log, acknowledge and fulfil. */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../helpers/build-app.ts";
import { DATABASE_KINDS, TEST_TODAY } from "../helpers/test-database.ts";

type Req = {
  id: string;
  status: string;
  receivedOn: string;
  requester: string;
  clock: {
    dueDate: string;
    citation: string;
    limit: string;
    limitDays: number;
    limitUnit: string;
    state: string;
    daysLate: number;
  };
  events: Array<{ kind: string; on: string; who: string }>;
};

describe.each(DATABASE_KINDS)("records requests on %s", (kind) => {
  let t: TestApp;
  let mateo: string;
  beforeAll(async () => {
    t = await buildTestApp(kind);
    mateo = t.ids?.students.get("Mateo Rivera") as string;
  });
  afterAll(async () => {
    await t?.close();
  });

  it("a guardian asks in the app; the clock follows California's 5 business days; staff acknowledge and fulfil", async () => {
    const parent = await t.signIn("parent.rivera@family.example");
    const created = await parent.send("POST", `/api/students/${mateo}/records-requests`, {
      channel: "app",
      scope: "Every assessment report since 2024",
    });
    expect(created.statusCode, created.body).toBe(201);
    const req = created.json() as Req;
    expect(req.receivedOn).toBe(TEST_TODAY);
    expect(req.status).toBe("received");
    expect(req.clock.limit).toBe("5 business days");
    expect([req.clock.limitDays, req.clock.limitUnit]).toEqual([5, "business"]);
    expect(req.clock.citation).toContain("Cal. Ed. Code 56504");
    expect(req.clock.citation).toContain("34 CFR 300.613(a)");
    expect(req.clock.dueDate > TEST_TODAY).toBe(true);
    expect(req.events.map((e) => e.kind)).toEqual(["received"]);

    // The case manager sees it among the open requests, soonest first.
    const staff = await t.signIn("casemanager@maplevalley.example");
    const open = await staff.get("/api/records-requests/open");
    expect(open.statusCode, open.body).toBe(200);
    expect((open.json() as { items: Array<{ id: string; studentName: string }> }).items).toContainEqual(
      expect.objectContaining({ id: req.id, studentName: "Mateo Rivera" }),
    );

    const ack = await staff.send("POST", `/api/students/${mateo}/records-requests/${req.id}/events`, {
      kind: "acknowledged",
      note: "Copies being prepared",
    });
    expect(ack.statusCode, ack.body).toBe(200);
    expect((ack.json() as Req).status).toBe("acknowledged");
    const done = await staff.send("POST", `/api/students/${mateo}/records-requests/${req.id}/events`, {
      kind: "fulfilled",
    });
    expect(done.statusCode, done.body).toBe(200);
    const fulfilled = done.json() as Req;
    expect(fulfilled.status).toBe("fulfilled");
    expect(fulfilled.clock).toMatchObject({ state: "met", daysLate: 0 });
    expect(fulfilled.events.map((e) => e.kind)).toEqual(["received", "acknowledged", "fulfilled"]);

    // Once fulfilled, it leaves the open list; a second "fulfilled" is a conflict.
    const after = (await staff.get("/api/records-requests/open")).json() as { items: Array<{ id: string }> };
    expect(after.items.map((i) => i.id)).not.toContain(req.id);
    const again = await staff.send("POST", `/api/students/${mateo}/records-requests/${req.id}/events`, {
      kind: "fulfilled",
    });
    expect(again.statusCode).toBe(409);

    // The family sees the whole history.
    const list = (await parent.get(`/api/students/${mateo}/records-requests`)).json() as { items: Req[] };
    expect(list.items.find((i) => i.id === req.id)?.events.map((e) => e.kind)).toEqual([
      "received",
      "acknowledged",
      "fulfilled",
    ]);

    const audit = await sql<{ action: string }>`
      select action from audit_events where subject = ${`records-request:${req.id}`} order by id`.execute(t.db);
    expect(audit.rows.map((r) => r.action)).toEqual([
      "records-request.received",
      "records-request.acknowledged",
      "records-request.fulfilled",
    ]);
    // The history is append-only.
    await expect(sql`delete from records_request_events where request_id = ${req.id}`.execute(t.db)).rejects.toThrow();
  });

  it("staff log a request received on paper, late, and the clock says by how many days", async () => {
    const staff = await t.signIn("casemanager@maplevalley.example");
    const res = await staff.send("POST", `/api/students/${mateo}/records-requests`, {
      channel: "written",
      receivedOn: "2026-10-01",
      requester: "Ana Rivera",
    });
    expect(res.statusCode, res.body).toBe(201);
    const req = res.json() as Req;
    expect(req.clock.dueDate).toBe("2026-10-08");
    expect(req.clock.state).toBe("overdue");
    expect(req.clock.daysLate).toBeGreaterThan(40);
  });

  it("refuses bad input with the field named, and nothing is written", async () => {
    const staff = await t.signIn("casemanager@maplevalley.example");
    const before = await sql<{ n: number }>`select count(*)::int as n from records_requests`.execute(t.db);
    const missing = await staff.send("POST", `/api/students/${mateo}/records-requests`, { channel: "written" });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain("receivedOn");
    expect(missing.body).toContain("requester");
    const future = await staff.send("POST", `/api/students/${mateo}/records-requests`, {
      channel: "oral",
      receivedOn: "2030-01-01",
      requester: "Ana Rivera",
    });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain("receivedOn");
    const after = await sql<{ n: number }>`select count(*)::int as n from records_requests`.execute(t.db);
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
  });

  it("lets the linked advocate ask; not a teacher, another district, or an advocate whose link was revoked", async () => {
    const advocate = await t.signIn("advocate@advocacy.example");
    const asked = await advocate.send("POST", `/api/students/${mateo}/records-requests`, { channel: "app" });
    expect(asked.statusCode, asked.body).toBe(201);
    const teacher = await t.signIn("teacher@northside.maplevalley.example");
    expect((await teacher.send("POST", `/api/students/${mateo}/records-requests`, { channel: "app" })).statusCode).toBe(
      403,
    );
    const other = await t.signIn("admin@cedarhills.example");
    expect((await other.get(`/api/students/${mateo}/records-requests`)).statusCode).toBe(404);
    expect((await other.get("/api/records-requests/open")).json()).toEqual({ items: [] });
    const parent = await t.signIn("parent.rivera@family.example");
    expect((await parent.get("/api/records-requests/open")).statusCode).toBe(403);

    const links = (await parent.get(`/api/students/${mateo}/advocates`)).json() as {
      items: Array<{ advocateId: string }>;
    };
    const advocateId = links.items[0]?.advocateId as string;
    expect((await parent.send("DELETE", `/api/students/${mateo}/advocates/${advocateId}`)).statusCode).toBeLessThan(
      300,
    );
    expect(
      (await advocate.send("POST", `/api/students/${mateo}/records-requests`, { channel: "app" })).statusCode,
    ).toBe(404);
    expect((await advocate.get(`/api/students/${mateo}/records-requests`)).statusCode).toBe(404);
    // Link again for the other tests.
    const email = "advocate@advocacy.example";
    expect(
      (await parent.send("POST", `/api/students/${mateo}/advocates`, { advocateEmail: email })).statusCode,
    ).toBeLessThan(300);
  });
});
