import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Term } from "./term.tsx";

describe("Term", () => {
  it("opens and closes its plain-language explanation in place", () => {
    render(
      <p>
        Your child may have an <Term term="iep">IEP</Term>.
      </p>,
    );
    const button = screen.getByRole("button", { name: /IEP/ });
    expect(button.getAttribute("aria-expanded")).toBe("false");
    const explanation = document.getElementById(button.getAttribute("aria-controls") ?? "");
    expect(explanation?.hidden).toBe(true);

    fireEvent.click(button);
    expect(button.getAttribute("aria-expanded")).toBe("true");
    expect(explanation?.hidden).toBe(false);
    expect(explanation?.textContent).toContain("34 CFR 300.320");

    fireEvent.click(button);
    expect(explanation?.hidden).toBe(true);
  });
});
