import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Field } from "./field.tsx";
import { Select } from "./select.tsx";
import { TextInput } from "./text-input.tsx";

describe("Field", () => {
  it("ties the label, hint and error to the control", () => {
    render(
      <Field label="Email address" hint="For example, name@school.org" error="Enter your email address.">
        <TextInput type="email" />
      </Field>,
    );
    const input = screen.getByLabelText("Email address");
    expect(input.tagName).toBe("INPUT");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    const describedBy = input.getAttribute("aria-describedby")?.split(" ") ?? [];
    expect(describedBy).toHaveLength(2);
    const texts = describedBy.map((id) => document.getElementById(id)?.textContent);
    expect(texts).toEqual(["For example, name@school.org", "Enter your email address."]);
  });

  it("has no error state and no dangling references when there is no error or hint", () => {
    render(
      <Field label="Password">
        <TextInput type="password" />
      </Field>,
    );
    const input = screen.getByLabelText("Password");
    expect(input.hasAttribute("aria-invalid")).toBe(false);
    expect(input.hasAttribute("aria-describedby")).toBe(false);
  });

  it("marks required fields for assistive technology and in the label text", () => {
    render(
      <Field label="School" required>
        <Select
          options={[
            { value: "n", label: "Northside" },
            { value: "s", label: "Southside" },
          ]}
          placeholder="Choose a school"
        />
      </Field>,
    );
    const select = screen.getByLabelText(/School/);
    expect(select.tagName).toBe("SELECT");
    expect(select.getAttribute("aria-required")).toBe("true");
    expect(screen.getByText("(required)")).toBeTruthy();
    expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual([
      "Choose a school",
      "Northside",
      "Southside",
    ]);
  });

  it("uses the id it is given, so an error summary can link to the control", () => {
    render(
      <Field id="sign-in-email" label="Email address" error="Wrong">
        <TextInput />
      </Field>,
    );
    const input = screen.getByLabelText("Email address");
    expect(input.id).toBe("sign-in-email");
    expect(input.getAttribute("aria-describedby")).toBe("sign-in-email-error");
  });
});
