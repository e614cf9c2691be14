import type { Locator, Page } from "playwright-core";

/** Describes document.activeElement briefly, for assertions and failure messages. */
export async function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return "body";
    const tag = element.tagName.toLowerCase();
    const id = element.id ? `#${element.id}` : "";
    const name = (element.getAttribute("aria-label") ?? element.textContent ?? "").trim().replace(/\s+/g, " ");
    return `${tag}${id}${name ? `: ${name.slice(0, 60)}` : ""}`;
  });
}

export async function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element === document.activeElement).catch(() => false);
}

/**
 * Presses Tab until the target has focus, the way a keyboard user moves through a page.
 *
 * The target is resolved once (a role query walks the whole page's accessibility tree), then
 * each press costs one round trip: the key, and one look at where focus went. A target that
 * React replaced meanwhile is resolved again.
 */
export async function tabTo(
  page: Page,
  target: Locator,
  options: { backward?: boolean; maxPresses?: number } = {},
): Promise<void> {
  const key = options.backward ? "Shift+Tab" : "Tab";
  const max = options.maxPresses ?? 60;
  await target.waitFor({ state: "visible" });
  let handle = await target.elementHandle();
  const seen: string[] = [];
  const look = async (): Promise<{ focused: boolean; focus: string }> => {
    const found = await handle
      .evaluate((element) => {
        if (!element.isConnected) return null;
        const active = document.activeElement;
        if (!active || active === document.body) return { focused: false, focus: "body" };
        const tag = active.tagName.toLowerCase();
        const id = active.id ? `#${active.id}` : "";
        const name = (active.getAttribute("aria-label") ?? active.textContent ?? "").trim().replace(/\s+/g, " ");
        return { focused: active === element, focus: `${tag}${id}${name ? `: ${name.slice(0, 60)}` : ""}` };
      })
      .catch(() => null);
    if (found) return found;
    handle = await target.elementHandle();
    return { focused: await isFocused(target), focus: await describeFocus(page) };
  };
  if ((await look()).focused) return;
  for (let presses = 0; presses < max; presses++) {
    await page.keyboard.press(key);
    const { focused, focus } = await look();
    if (focused) return;
    seen.push(focus);
  }
  throw new Error(
    `Could not reach ${target.toString()} with ${max} × ${key}. Focus went through:\n  ${seen.slice(0, 40).join("\n  ")}`,
  );
}
