import { t } from "../i18n/t.ts";
import { ApiError } from "./api-client.ts";

/** A sentence a person can act on, for any error a request can end with. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.isNetworkError) return t("error.network");
    if (error.status === 401) return t("error.signedOut");
    if (error.status === 403) return t("error.forbidden");
    if (error.status === 404) return t("error.notFound");
    if (error.status >= 500) return t("error.server");
    return error.message;
  }
  return t("error.server");
}
