/**
 * The one way the web app talks to the server: JSON over fetch, same origin, with the
 * double-submit CSRF token on every write and every error turned into an `ApiError`.
 */
import type { ErrorBody } from "@lantern/core";

export type ApiIssue = NonNullable<ErrorBody["issues"]>[number];

/**
 * The server's error body (core's `ZErrorBody`: `{ error, message, issues?, details? }`), or what is
 * known when the answer was not one (a proxy's HTML page, an unreachable server).
 */
export type ApiErrorBody = Partial<ErrorBody>;

export class ApiError extends Error {
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  /** The status text the server sent ("Bad Request", "Forbidden", …), or "Network Error". */
  readonly error: string;
  readonly issues: readonly ApiIssue[];
  /** What some errors carry besides the message (their feature's API file says what). */
  readonly details: Readonly<Record<string, unknown>>;
  /** The whole error body, for answers that carry more than a message (a roster's problems). */
  readonly body: Readonly<Record<string, unknown>>;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message ?? body.error ?? `Request failed with status ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.error = body.error ?? (status === 0 ? "Network Error" : "Error");
    this.issues = body.issues ?? [];
    this.details = body.details ?? {};
    this.body = body;
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }

  /** The issues for one field, matched on the last segment of the JSON path ("/email" → "email"). */
  issuesFor(field: string): ApiIssue[] {
    return this.issues.filter((issue) => issue.path.split("/").filter(Boolean).at(-1) === field);
  }
}

export const CSRF_COOKIE = "lantern_csrf";
export const CSRF_HEADER = "x-csrf-token";

let rememberedCsrfToken: string | undefined;

/** Keeps the token from `/api/auth/session` or sign-in, for when the cookie cannot be read. */
export function rememberCsrfToken(token: string | undefined): void {
  rememberedCsrfToken = token;
}

export function readCookie(name: string, cookieString: string = globalThis.document?.cookie ?? ""): string | undefined {
  for (const part of cookieString.split(";")) {
    const [rawName, ...rest] = part.trim().split("=");
    if (rawName === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

/** The cookie wins: it is what the server compares against. */
export function currentCsrfToken(): string | undefined {
  return readCookie(CSRF_COOKIE) ?? rememberedCsrfToken;
}

/** Told of every answer from the server: its HTTP status and the path asked for. */
export type ApiResponseListener = (status: number, path: string) => void;
const responseListeners = new Set<ApiResponseListener>();

/**
 * Listen to every answer (the session uses it: any answer is activity, a 401 means the session
 * has ended). Returns the function that stops listening.
 */
export function onApiResponse(listener: ApiResponseListener): () => void {
  responseListeners.add(listener);
  return () => responseListeners.delete(listener);
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
const SAFE_METHODS: ReadonlySet<Method> = new Set(["GET"]);

export type RequestOptions = {
  method?: Method;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is, with its own content type (a CSV file, for example), instead of `body`. */
  raw?: { data: Blob | string; contentType: string };
  query?: Readonly<Record<string, string | number | undefined | null>>;
  signal?: AbortSignal;
};

export type Fetch = typeof globalThis.fetch;

export function buildUrl(path: string, query?: RequestOptions["query"]): string {
  if (!query) return path;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** Sends a request to the API; resolves with the parsed JSON (undefined for 204), rejects with `ApiError`. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}, fetchImpl?: Fetch): Promise<T> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.raw) headers["content-type"] = options.raw.contentType;
  else if (options.body !== undefined) headers["content-type"] = "application/json";
  if (!SAFE_METHODS.has(method)) {
    const token = currentCsrfToken();
    if (token) headers[CSRF_HEADER] = token;
  }
  const init: RequestInit = { method, headers, credentials: "same-origin" };
  if (options.raw) init.body = options.raw.data;
  else if (options.body !== undefined) init.body = JSON.stringify(options.body);
  if (options.signal) init.signal = options.signal;

  let response: Response;
  try {
    response = await (fetchImpl ?? globalThis.fetch)(buildUrl(path, options.query), init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError(0, { message: cause instanceof Error ? cause.message : "Network request failed" });
  }

  for (const listener of responseListeners) listener(response.status, path);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!response.ok) {
    const body: ApiErrorBody = isObject(data) ? (data as ApiErrorBody) : { error: response.statusText };
    throw new ApiError(response.status, body);
  }
  return data as T;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export const api = {
  get: <T>(path: string, query?: RequestOptions["query"], signal?: AbortSignal) =>
    apiRequest<T>(path, { method: "GET", ...(query ? { query } : {}), ...(signal ? { signal } : {}) }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: "POST", body }),
  put: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: "PUT", body }),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: "PATCH", body }),
  delete: <T>(path: string) => apiRequest<T>(path, { method: "DELETE" }),
};
