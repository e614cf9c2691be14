/**
 * Every message catalog, merged per language.
 *
 * Each feature keeps its own strings in `features/<feature>/messages.<lang>.ts`, exporting
 * `messages` with keys prefixed by the feature name ("auth.", "home.", …). To add a feature,
 * import its English catalog here and spread it into `en`. To add a language, write the
 * `messages.<lang>.ts` files (typed `FamilyCatalogFor<typeof enMessages>` so no family-facing key is missed), merge
 * them below like `en`, and add the language to `LOCALES`. Components never change: they only
 * call `t("key", params)`.
 */
import { messages as accounts } from "../features/accounts/messages.en.ts";
import { messages as accountsEs } from "../features/accounts/messages.es.ts";
import { messages as audit } from "../features/audit/messages.en.ts";
import { messages as auth } from "../features/auth/messages.en.ts";
import { messages as authEs } from "../features/auth/messages.es.ts";
import { messages as compliance } from "../features/compliance/messages.en.ts";
import { messages as enforcement } from "../features/enforcement/messages.en.ts";
import { messages as enforcementEs } from "../features/enforcement/messages.es.ts";
import { messages as home } from "../features/home/messages.en.ts";
import { messages as homeEs } from "../features/home/messages.es.ts";
import { messages as landing } from "../features/landing/messages.en.ts";
import { messages as landingEs } from "../features/landing/messages.es.ts";
import { messages as navigator } from "../features/navigator/messages.en.ts";
import { messages as navigatorEs } from "../features/navigator/messages.es.ts";
import { messages as overview } from "../features/overview/messages.en.ts";
import { messages as planEditor } from "../features/plans/editor-messages.en.ts";
import { messages as plans } from "../features/plans/messages.en.ts";
import { messages as plansEs } from "../features/plans/messages.es.ts";
import { messages as amendment } from "../features/records/amendment-messages.en.ts";
import { messages as amendmentEs } from "../features/records/amendment-messages.es.ts";
import { messages as records } from "../features/records/messages.en.ts";
import { messages as recordsEs } from "../features/records/messages.es.ts";
import { messages as retention } from "../features/retention/messages.en.ts";
import { messages as roster } from "../features/roster/messages.en.ts";
import { messages as sharing } from "../features/sharing/messages.en.ts";
import { messages as sharingEs } from "../features/sharing/messages.es.ts";
import { messages as students } from "../features/students/messages.en.ts";
import { messages as studentsEs } from "../features/students/messages.es.ts";
import type { Message } from "./format.ts";
import { messages as labels } from "./labels.en.ts";
import { messages as labelsEs } from "./labels.es.ts";
import { messages as common } from "./messages.en.ts";
import { messages as commonEs } from "./messages.es.ts";
import type { NotYetInSpanish } from "./not-yet-in-spanish.ts";
import type { StaffOnly } from "./staff-only.ts";

export const en = {
  ...common,
  ...labels,
  ...landing,
  ...auth,
  ...home,
  ...students,
  ...sharing,
  ...overview,
  ...plans,
  ...planEditor,
  ...navigator,
  ...enforcement,
  ...compliance,
  ...roster,
  ...records,
  ...amendment,
  ...accounts,
  ...audit,
  ...retention,
} as const;

export type EnglishCatalog = typeof en;
export type MessageKey = keyof EnglishCatalog;

/** A translation of one English catalog: same keys, any text. */
export type CatalogFor<T> = { readonly [K in keyof T]: Message };
/** A translation of the family-facing keys of one English catalog (staff-only keys may be left out). */
export type FamilyCatalogFor<T> = { readonly [K in Exclude<keyof T, StaffOnly | NotYetInSpanish>]: Message } & {
  readonly [K in Extract<keyof T, StaffOnly | NotYetInSpanish>]?: Message;
};

export const LOCALES = ["en", "es"] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language's own name, written in that language (the switcher shows these). */
export const LOCALE_NAMES: { readonly [L in Locale]: string } = { en: "English", es: "Español" };

export const es = {
  ...commonEs,
  ...labelsEs,
  ...landingEs,
  ...authEs,
  ...homeEs,
  ...studentsEs,
  ...sharingEs,
  ...plansEs,
  ...navigatorEs,
  ...enforcementEs,
  ...recordsEs,
  ...accountsEs,
  ...amendmentEs,
};

export const catalogs: { readonly [L in Locale]: Partial<CatalogFor<EnglishCatalog>> } = { en, es };
