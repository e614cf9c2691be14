import type { PlanDetail, PlanTranslationView } from "@lantern/core";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setLocale } from "../../i18n/t.ts";

const saveTranslation = vi.fn();
vi.mock("./api.ts", () => ({ plansApi: { saveTranslation: (...args: unknown[]) => saveTranslation(...args) } }));

const { TranslationEditor } = await import("./translation-editor.tsx");
const { PlainSummary } = await import("./plan-page.tsx");
const { PlanTranslationsSection } = await import("./plan-translations-section.tsx");

const view = (over: Partial<PlanTranslationView> = {}): PlanTranslationView => ({
  id: "t-1",
  field: "/goals/goal-1/statement",
  pointer: "/goals/0/statement",
  language: "es",
  text: "Mateo leerá 90 palabras por minuto.",
  sourceText: "Mateo will read 90 words a minute.",
  translatedByName: "Ana Rivera",
  translatedAt: "2026-11-03T17:00:00.000Z",
  current: true,
  ...over,
});

function editor(current: PlanTranslationView | null, onSaved = vi.fn(), beforeSave = vi.fn(async () => {})) {
  render(
    <TranslationEditor
      studentId="s-1"
      planId="p-1"
      field="/goals/goal-1/statement"
      pointer="/goals/0/statement"
      controlId="field-goals.0.statement"
      label="Goal statement"
      view={current}
      beforeSave={beforeSave}
      onSaved={onSaved}
    />,
  );
  return { onSaved, beforeSave };
}

afterEach(() => {
  setLocale("en");
  saveTranslation.mockReset();
});

describe("a field's Spanish translation in the editor", () => {
  it("opens a labelled Spanish box, saves the English first, then the translation, and gives focus back", async () => {
    const saved = view();
    saveTranslation.mockResolvedValue(saved);
    const { onSaved, beforeSave } = editor(null);
    const open = screen.getByRole("button", { name: "Add Spanish translation: Goal statement" });
    fireEvent.click(open);
    const box = screen.getByLabelText("Spanish translation of “Goal statement”");
    expect(box.getAttribute("lang")).toBe("es");
    expect(document.activeElement).toBe(box);
    fireEvent.change(box, { target: { value: "Mateo leerá 90 palabras por minuto." } });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Save translation" }));
    });
    expect(beforeSave).toHaveBeenCalled();
    expect(saveTranslation).toHaveBeenCalledWith("s-1", "p-1", {
      field: "/goals/goal-1/statement",
      language: "es",
      text: "Mateo leerá 90 palabras por minuto.",
    });
    expect(onSaved).toHaveBeenCalledWith(saved);
    expect(screen.getByRole("status").textContent).toBe("Spanish translation saved.");
    expect(document.activeElement?.textContent).toBe("Add Spanish translation");
  });

  it("says who translated it and when, and when the English changed after", () => {
    editor(view({ current: false }));
    expect(screen.getByTestId("translated-by").textContent).toBe("Translated by Ana Rivera on November 3, 2026");
    expect(screen.getByTestId("translation-out-of-date").textContent).toContain("the English changed after");
    expect(screen.getByText("Mateo leerá 90 palabras por minuto.").getAttribute("lang")).toBe("es");
  });

  it("refuses an empty translation in place, and Escape closes the box", () => {
    editor(null);
    fireEvent.click(screen.getByRole("button", { name: "Add Spanish translation: Goal statement" }));
    fireEvent.click(screen.getByRole("button", { name: "Save translation" }));
    expect(screen.getByText("Write the translation, or cancel.")).toBeTruthy();
    expect(saveTranslation).not.toHaveBeenCalled();
    fireEvent.keyDown(screen.getByLabelText("Spanish translation of “Goal statement”"), { key: "Escape" });
    expect(screen.queryByLabelText("Spanish translation of “Goal statement”")).toBeNull();
  });
});

describe("the family's plan in Spanish", () => {
  const detail = (translations: PlanTranslationView[]) =>
    ({
      version: {
        content: {
          type: "iep",
          amendment: null,
          presentLevels: { academic: "Reads 40 words a minute." },
          goals: [{ id: "goal-1", area: "Reading", statement: "Mateo will read 90 words a minute." }],
          services: [],
          accommodations: [],
        },
      },
      translations,
    }) as unknown as PlanDetail;

  it("shows the translated goal in Spanish with its translator, and the rest in English, saying so", () => {
    setLocale("es");
    render(<PlainSummary detail={detail([view()])} name="Mateo" />);
    const goal = screen.getByTestId("summary-goal");
    expect(goal.querySelector('[lang="es"]')?.textContent).toBe("Mateo leerá 90 palabras por minuto.");
    expect(goal.textContent).toContain("Traducido por Ana Rivera el 3 de noviembre de 2026");
    const levels = screen.getByTestId("summary-present-levels");
    expect(levels.querySelector('[lang="en"]')?.textContent).toBe("Reads 40 words a minute.");
    expect(levels.textContent).toContain("Esta parte está solo en inglés.");
  });

  it("shows the English when the translation is out of date", () => {
    setLocale("es");
    render(<PlainSummary detail={detail([view({ current: false })])} name="Mateo" />);
    expect(screen.getByTestId("summary-goal").textContent).toContain("Mateo will read 90 words a minute.");
  });
});

describe("translating a sealed plan from its page", () => {
  it("lists each part the family reads, with its English and its translation's state", () => {
    const detail = {
      plan: { id: "p-1", type: "iep" },
      version: {
        status: "signed",
        content: {
          type: "iep",
          meeting: { notice: null },
          presentLevels: { academic: "Reads 40 words a minute.", strengths: [], needs: [] },
          goals: [{ id: "goal-1", statement: "Mateo will read 90 words a minute.", shortTermObjectives: [] }],
          services: [],
          programModifications: [],
          accommodations: [],
          placement: { nonParticipationExplanation: "" },
          priorWrittenNotice: null,
        },
      },
      translations: [view()],
    } as unknown as PlanDetail;
    render(<PlanTranslationsSection studentId="s-1" detail={detail} onChanged={() => {}} />);
    expect(screen.getByRole("heading", { name: "Spanish translations of the team's words" })).toBeTruthy();
    expect(screen.getByRole("button", { name: /^Add Spanish translation: .*Academic achievement/ })).toBeTruthy();
    expect(
      screen.getByRole("button", { name: /^Update Spanish translation: .* 1: Goal, as the family will read it/ }),
    ).toBeTruthy();
    expect(screen.getByText("Reads 40 words a minute.").getAttribute("lang")).toBe("en");
  });
});
