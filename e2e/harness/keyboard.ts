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

/** Presses Tab until the target has focus, the way a keyboard user moves through a page. */
export async function tabTo(
  page: Page,
  target: Locator,
  options: { backward?: boolean; maxPresses?: number } = {},
): Promise<void> {
  const key = options.backward ? "Shift+Tab" : "Tab";
  const max = options.maxPresses ?? 60;
  await target.waitFor({ state: "visible" });
  const seen: string[] = [];
  for (let presses = 0; presses < max; presses++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(key);
    seen.push(await describeFocus(page));
  }
  if (await isFocused(target)) return;
  throw new Error(
    `Could not reach ${target.toString()} with ${max} × ${key}. Focus went through:\n  ${seen.slice(0, 40).join("\n  ")}`,
  );
}
