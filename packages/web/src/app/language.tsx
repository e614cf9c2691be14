/**
 * The reader's language for the whole app, and the switcher shown on every page. Switching
 * redraws the page in the other language (every `t()` call reads the new one) and is remembered
 * in this browser.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { LOCALE_NAMES, LOCALES, type Locale } from "../i18n/catalogs.ts";
import { guardianLocale, rememberLocale } from "../i18n/locale-choice.ts";
import { getLocale, setLocale, t } from "../i18n/t.ts";
import { markRedrawn } from "./page.tsx";
import { useSession } from "./session.tsx";

type LanguageContextValue = { locale: Locale; choose: (locale: Locale) => void };

const LanguageContext = createContext<LanguageContextValue | null>(null);

/** Holds the language; its children are drawn again, from scratch, when it changes. */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [locale, setState] = useState<Locale>(getLocale());
  const choose = useCallback((next: Locale) => {
    setLocale(next);
    rememberLocale(next);
    markRedrawn();
    setState(next);
  }, []);
  // A guardian whose child's record gives their language opens the app in it, unless they chose a
  // language in the switcher (kept in this browser). It is not remembered as their choice.
  const { user } = useSession();
  const recorded = guardianLocale(user?.language);
  useEffect(() => {
    if (!recorded || recorded === getLocale()) return;
    setLocale(recorded);
    markRedrawn();
    setState(recorded);
  }, [recorded]);
  const value = useMemo(() => ({ locale, choose }), [locale, choose]);
  return (
    <LanguageContext.Provider value={value}>
      <LocaleTree key={locale}>{children}</LocaleTree>
    </LanguageContext.Provider>
  );
}

function LocaleTree({ children }: { children: ReactNode }) {
  return <>{children}</>;
}

export function useLanguage(): LanguageContextValue {
  const value = useContext(LanguageContext);
  if (!value) throw new Error("useLanguage must be used inside <LanguageProvider>");
  return value;
}

/**
 * "English | Español": each name written in its own language (with its `lang`), the current one
 * pressed. After a switch, focus stays on the switcher, so a keyboard user carries on from there.
 */
let focusAfterSwitch = false;

export function LanguageSwitcher() {
  const { locale, choose } = useLanguage();
  const currentButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!focusAfterSwitch) return;
    focusAfterSwitch = false;
    currentButton.current?.focus();
  }, []);
  return (
    <nav className="language-switcher" aria-label={t("app.language.label")}>
      <ul>
        {LOCALES.map((code) => (
          <li key={code}>
            <button
              type="button"
              lang={code}
              ref={code === locale ? currentButton : undefined}
              aria-pressed={code === locale}
              className="language-option"
              onClick={() => {
                if (code === locale) return;
                focusAfterSwitch = true;
                choose(code);
              }}
            >
              {LOCALE_NAMES[code]}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
