import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { NewRecoveryCodes } from "./new-recovery-codes.tsx";

const wait = { timeout: 10_000 };
const CODES = Array.from({ length: 10 }, (_, i) => `abcd-efgh-jk${String(i).padStart(2, "0")}`);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("making new recovery codes", () => {
  it("asks for the app's code, shows the server's refusal on the field, then the new codes with focus on them", async () => {
    const sent: unknown[] = [];
    vi.stubGlobal("fetch", async (_input: RequestInfo | URL, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body ?? "{}")) as { code?: string };
      sent.push(body);
      const [status, answer] =
        body.code === "111111"
          ? [
              400,
              {
                error: "Bad Request",
                message: "That code is not right",
                issues: [{ path: "/code", message: "That code is not right. Enter the newest code from your app." }],
              },
            ]
          : [200, { recoveryCodes: CODES }];
      return new Response(JSON.stringify(answer), { status, headers: { "content-type": "application/json" } });
    });
    const onDone = vi.fn();
    render(<NewRecoveryCodes onDone={onDone} />);
    const input = screen.getByLabelText(/Code from your authenticator app/);
    const submit = screen.getByRole("button", { name: "Make new recovery codes" });
    fireEvent.click(submit);
    await waitFor(() => expect(input.getAttribute("aria-invalid")).toBe("true"));
    expect(sent).toHaveLength(0);
    fireEvent.change(input, { target: { value: "111111" } });
    fireEvent.click(submit);
    expect(
      await screen.findByText("That code is not right. Enter the newest code from your app.", {}, wait),
    ).toBeTruthy();
    fireEvent.change(input, { target: { value: "123 456" } });
    fireEvent.click(submit);
    const heading = await screen.findByRole("heading", { name: "Your recovery codes" }, wait);
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(sent.at(-1)).toEqual({ code: "123456" });
    expect(screen.getAllByRole("listitem")).toHaveLength(10);
    fireEvent.click(screen.getByRole("button", { name: "I have saved my recovery codes" }));
    expect(onDone).toHaveBeenCalledOnce();
  });
});
