import type { ErrorBody } from "@lantern/core";
import { afterEach, describe, expect, it } from "vitest";
import {
  ApiError,
  apiRequest,
  buildUrl,
  CSRF_HEADER,
  type Fetch,
  readCookie,
  rememberCsrfToken,
} from "./api-client.ts";

type Call = { url: string; init: RequestInit };

function recordingFetch(status: number, body: unknown): { fetch: Fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fetch: Fetch = async (input, init) => {
    calls.push({ url: String(input), init: init ?? {} });
    const text = body === undefined ? null : typeof body === "string" ? body : JSON.stringify(body);
    return new Response(text, { status, headers: { "content-type": "application/json" } });
  };
  return { fetch, calls };
}

function headersOf(call: Call | undefined): Record<string, string> {
  return (call?.init.headers ?? {}) as Record<string, string>;
}

/** The server sets this cookie; the test plays the server. */
function setCookie(value: string): void {
  // biome-ignore lint/suspicious/noDocumentCookie: jsdom has no Cookie Store API.
  document.cookie = value;
}

afterEach(() => {
  setCookie("lantern_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/");
  rememberCsrfToken(undefined);
});

describe("apiRequest", () => {
  it("sends the CSRF cookie's value in x-csrf-token on writes", async () => {
    setCookie("lantern_csrf=token-from-cookie; path=/");
    const { fetch, calls } = recordingFetch(200, { ok: true });
    await apiRequest("/api/things", { method: "POST", body: { a: 1 } }, fetch);
    const headers = headersOf(calls[0]);
    expect(headers[CSRF_HEADER]).toBe("token-from-cookie");
    expect(headers["content-type"]).toBe("application/json");
    expect(calls[0]?.init.body).toBe('{"a":1}');
    expect(calls[0]?.init.credentials).toBe("same-origin");
  });

  it("sends a raw body with its own content type, and keeps the whole error body", async () => {
    setCookie("lantern_csrf=t; path=/");
    const { fetch, calls } = recordingFetch(400, { error: "Bad Request", message: "Problems", problems: [1] });
    const error = await apiRequest(
      "/api/upload",
      { method: "POST", raw: { data: "a,b\n1,2\n", contentType: "text/csv" } },
      fetch,
    ).catch((e: unknown) => e);
    expect(headersOf(calls[0])["content-type"]).toBe("text/csv");
    expect(headersOf(calls[0])[CSRF_HEADER]).toBe("t");
    expect(calls[0]?.init.body).toBe("a,b\n1,2\n");
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).body.problems).toEqual([1]);
  });

  it("falls back to the token from the session response when there is no cookie", async () => {
    rememberCsrfToken("token-from-session");
    const { fetch, calls } = recordingFetch(204, undefined);
    const result = await apiRequest("/api/auth/sign-out", { method: "DELETE" }, fetch);
    expect(result).toBeUndefined();
    expect(headersOf(calls[0])[CSRF_HEADER]).toBe("token-from-session");
  });

  it("does not send the token on reads", async () => {
    setCookie("lantern_csrf=abc; path=/");
    const { fetch, calls } = recordingFetch(200, { items: [] });
    await apiRequest("/api/students", { query: { limit: 25, cursor: null, q: "" } }, fetch);
    expect(headersOf(calls[0])[CSRF_HEADER]).toBeUndefined();
    expect(calls[0]?.url).toBe("/api/students?limit=25");
  });

  it("turns an error body into an ApiError with its issues", async () => {
    const { fetch } = recordingFetch(400, {
      error: "Bad Request",
      message: "Invalid request body",
      issues: [
        { path: "/email", message: "Invalid email address" },
        { path: "/password", message: "Too small" },
      ],
    });
    const error = await apiRequest("/api/auth/sign-in", { method: "POST", body: {} }, fetch).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.error).toBe("Bad Request");
    expect(apiError.message).toBe("Invalid request body");
    expect(apiError.issuesFor("email")).toEqual([{ path: "/email", message: "Invalid email address" }]);
  });

  it("keeps the error's details and survives a body that is not JSON", async () => {
    const body = {
      error: "Too Many Requests",
      message: "Slow down",
      details: { retryAfterSeconds: 30 },
    } satisfies ErrorBody;
    const tooMany = recordingFetch(429, body);
    const limited = (await apiRequest("/x", { method: "POST" }, tooMany.fetch).catch((e: unknown) => e)) as ApiError;
    expect(limited.details).toEqual({ retryAfterSeconds: 30 });

    const broken = recordingFetch(502, "<html>Bad gateway</html>");
    const gateway = (await apiRequest("/x", {}, broken.fetch).catch((e: unknown) => e)) as ApiError;
    expect(gateway).toBeInstanceOf(ApiError);
    expect(gateway.status).toBe(502);
  });

  it("reports an unreachable server as status 0", async () => {
    const failing: Fetch = async () => {
      throw new TypeError("Failed to fetch");
    };
    const error = (await apiRequest("/api/health", {}, failing).catch((e: unknown) => e)) as ApiError;
    expect(error.isNetworkError).toBe(true);
  });
});

describe("helpers", () => {
  it("reads one cookie by name", () => {
    expect(readCookie("lantern_csrf", "a=1; lantern_csrf=x%3Dy; b=2")).toBe("x=y");
    expect(readCookie("missing", "a=1")).toBeUndefined();
  });

  it("leaves empty query values out", () => {
    expect(buildUrl("/p", { a: "x y", b: undefined, c: 0 })).toBe("/p?a=x+y&c=0");
  });
});
