/**
 * Filling the plan editor by keyboard: each control is reached with Tab (or Shift+Tab) from where
 * focus is, then typed into, chosen with the arrow keys, or toggled with Space, the way a keyboard
 * user works. Controls are found by their ids, which come from the field's path in the plan
 * (`field-goals.0.area`), so a journey reads like the plan it writes.
 */
import assert from "node:assert/strict";
import { checkPlan, defaultSchoolCalendar, type PlanCheck, validatePlanDocument } from "@lantern/core";
import type { Locator, Page } from "playwright-core";
import { calendarDateInDistrict } from "./district-today.ts";
import { isFocused, tabTo } from "./keyboard.ts";

/** "2026-09-01" as typed into a date box of an en-US browser: month, day, year. */
function dateKeys(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${m}${d}${y}`;
}

/** `days` after the calendar date of `base` in the demo district's time zone (the app's "today"). */
export function isoDaysFrom(base: Date, days: number): string {
  const [y, m, d] = calendarDateInDistrict(base).split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export class PlanEditor {
  /** `prefix`: what the page's control ids start with (the editor's are `field-<path>`). */
  constructor(
    readonly page: Page,
    readonly prefix = "field-",
  ) {}

  control(id: string): Locator {
    return this.page.locator(`[id="${this.prefix}${id}"]`);
  }

  /**
   * Tab to the target: Shift+Tab when it comes before the focused element in the page, Tab
   * otherwise (the other way round if that fails), as a keyboard user who can see the page would.
   */
  async reach(target: Locator): Promise<void> {
    if (await isFocused(target)) return;
    const above = await target.evaluate((element) => {
      const active = document.activeElement;
      if (!active || active === document.body) return false;
      return (active.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_PRECEDING) !== 0;
    });
    try {
      await tabTo(this.page, target, { backward: above, maxPresses: above ? 400 : 200 });
    } catch {
      await tabTo(this.page, target, { backward: !above, maxPresses: above ? 200 : 400 });
    }
  }

  /** Type into a text box or text area (what was there is replaced). */
  async text(id: string, value: string): Promise<void> {
    const target = this.control(id);
    await this.reach(target);
    await this.page.keyboard.press("Control+A");
    // The words go in as one keyboard input (as a paste or a dictation would): typing them key by
    // key re-renders the whole plan on each key and only makes the journey slower.
    if (value === "") await this.page.keyboard.press("Delete");
    else await this.page.keyboard.insertText(value);
    assert.equal(await target.inputValue(), value, `typed into ${id}`);
  }

  async date(id: string, iso: string): Promise<void> {
    const target = this.control(id);
    await this.reach(target);
    await this.page.keyboard.type(dateKeys(iso));
    assert.equal(await target.inputValue(), iso, `date in ${id}`);
  }

  /** A time box of an en-US browser: "15:30" is typed as 03, 30, PM. */
  async time(id: string, hhmm: string): Promise<void> {
    const target = this.control(id);
    await this.reach(target);
    const [h, m] = hhmm.split(":").map(Number) as [number, number];
    const twelve = h % 12 === 0 ? 12 : h % 12;
    await this.page.keyboard.type(
      `${String(twelve).padStart(2, "0")}${String(m).padStart(2, "0")}${h < 12 ? "A" : "P"}`,
    );
    assert.equal(await target.inputValue(), hhmm, `time in ${id}`);
  }

  async number(id: string, value: number): Promise<void> {
    await this.text(id, String(value));
  }

  /** Choose in a drop-down by typing the start of the choice's words. */
  async select(id: string, optionLabel: string): Promise<void> {
    const target = this.control(id);
    await this.reach(target);
    const value = await target.evaluate(
      (el, text) => [...(el as HTMLSelectElement).options].find((o) => o.text === text)?.value,
      optionLabel,
    );
    assert.ok(value !== undefined, `${id} offers "${optionLabel}"`);
    // Typing selects by the first letters; arrows finish when several start alike.
    await this.page.keyboard.type(optionLabel.slice(0, 12));
    for (let i = 0; i < 60 && (await target.inputValue()) !== value; i++) {
      const options = await target.evaluate((el) => [...(el as HTMLSelectElement).options].map((o) => o.value));
      const at = options.indexOf(await target.inputValue());
      await this.page.keyboard.press(at < options.indexOf(value) ? "ArrowDown" : "ArrowUp");
    }
    assert.equal(await target.inputValue(), value, `chose "${optionLabel}" in ${id}`);
  }

  /** Choose in a radio group: Tab into it, then arrow keys to the choice. */
  async radio(id: string, choiceLabel: string): Promise<void> {
    const group = this.control(id);
    const choice = group.getByRole("radio", { name: choiceLabel, exact: true });
    const current = group.locator("input[type=radio]:checked");
    await this.reach((await current.count()) > 0 ? current : group.locator("input[type=radio]").first());
    for (let i = 0; i < 40 && !(await choice.isChecked()); i++) await this.page.keyboard.press("ArrowDown");
    assert.ok(await choice.isChecked(), `chose "${choiceLabel}" in ${id}`);
  }

  /** Tick a checkbox (a plain one by its id, or one in a group by its words). */
  async check(id: string, choiceLabel?: string): Promise<void> {
    const box = choiceLabel
      ? this.control(id).getByRole("checkbox", { name: choiceLabel, exact: true })
      : this.control(id);
    await this.reach(box);
    if (!(await box.isChecked())) await this.page.keyboard.press("Space");
    assert.ok(await box.isChecked(), `ticked ${choiceLabel ?? id}`);
  }

  /** Press an Add button (by its id: `field-<list>-add`); focus moves into the new item. */
  async add(listId: string): Promise<void> {
    const button = this.page.locator(`[id="${this.prefix}${listId}-add"]`);
    await this.reach(button);
    await this.page.keyboard.press("Enter");
  }

  /** Wait until the editor says the draft is saved on the server. */
  async saved(): Promise<void> {
    await this.page.waitForFunction(
      () => document.querySelector('[data-testid="save-status"]')?.getAttribute("data-state") === "saved",
      undefined,
      { timeout: 20_000 },
    );
  }
}

/** The plan's JSON as the app exports it, checked the way `lantern check` does: errors, by rule and path. */
export async function checkExported(
  page: Page,
  studentId: string,
  planId: string,
  today: string,
): Promise<{ document: unknown; check: PlanCheck; errors: string[] }> {
  const res = await page.request.get(`/api/students/${studentId}/plans/${planId}`);
  assert.equal(res.status(), 200);
  const detail = (await res.json()) as { version: { content: unknown } };
  const validation = validatePlanDocument(detail.version.content);
  assert.ok(validation.ok, `the exported plan is a valid plan document: ${JSON.stringify(validation.issues)}`);
  const year = Number(today.slice(0, 4));
  const check = checkPlan(validation.document, {
    today,
    calendar: defaultSchoolCalendar(year - 4, year + 4),
    state: "CA",
  });
  const errors = check.findings.filter((f) => f.severity === "error").map((f) => `${f.code} ${f.place}: ${f.message}`);
  return { document: detail.version.content, check, errors };
}
