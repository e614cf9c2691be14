/**
 * The message format: ICU MessageFormat, read by `intl-messageformat` (FormatJS).
 *
 * - A placeholder: `"Signed in as {name}"`.
 * - A plural, with the language's own plural rules (Intl.PluralRules): `"{count, plural, one {# minuto}
 *   other {# minutos}}"`; `#` is the number, written the reader's way ("1,200" / "1200"); `=0 {…}`
 *   gives a sentence of its own for none.
 * - A choice: `"{role, select, teacher {la maestra} other {el maestro}}"`.
 *
 * A plural or select case whose whole text is one bare word (`one {once}`) reads to the type
 * checker as an argument: write it with two words or more (`one {one time}`).
 *
 * Translators edit text, not code. An apostrophe is plain text ("family's"), except before `{` or
 * `}` where ICU reads it as a quote. Tags like `<b>` are plain text too (`ignoreTag`).
 */
import { IntlMessageFormat } from "intl-messageformat";

export type Message = string;

type Trim<S extends string> = S extends ` ${infer R}` ? Trim<R> : S extends `${infer R} ` ? Trim<R> : S;
type IsName<S extends string> = S extends ""
  ? false
  : S extends `${string}${" " | "{" | "}" | "," | "#" | "'" | "\n"}${string}`
    ? false
    : true;
type KindType<K extends string> =
  Trim<K> extends "plural" | "selectordinal" | "number" ? number : Trim<K> extends "select" ? string : string | number;

/** Every `{argument}` of an ICU message, as `[name, type]` pairs (plural and number: number; select: string). */
type Arguments<S extends string, Found = never> = S extends `${string}{${infer After}`
  ? After extends `${infer Name}}${string}`
    ? IsName<Trim<Name>> extends true
      ? Arguments<After, Found | [Trim<Name>, string | number]>
      : After extends `${infer Name},${infer Rest}`
        ? IsName<Trim<Name>> extends true
          ? Arguments<
              After,
              Found | [Trim<Name>, Rest extends `${infer Kind},${string}` ? KindType<Kind> : KindType<Rest>]
            >
          : Arguments<After, Found>
        : Arguments<After, Found>
    : Found
  : Found;

/** The parameters a message needs, read from its ICU arguments. */
export type ParamsOf<M> = M extends string
  ? [Arguments<M>] extends [never]
    ? Record<string, never>
    : { [P in Arguments<M> as P[0]]: P[1] }
  : Record<string, never>;

export type ParamValues = Readonly<Record<string, string | number>>;

/** What a message's arguments are, for checking that two languages ask for the same things. */
export type ArgumentKind = "text" | "plural" | "select" | "number" | "date";

type Element = {
  type: number;
  value?: string;
  options?: Record<string, { value: Element[] }>;
  pluralType?: "cardinal" | "ordinal";
  children?: Element[];
};

// The AST element types of @formatjs/icu-messageformat-parser (TYPE enum).
const ARGUMENT = 1;
const NUMBER = 2;
const DATE = 3;
const TIME = 4;
const SELECT = 5;
const PLURAL = 6;
const TAG = 8;

function collect(elements: readonly Element[], into: Map<string, ArgumentKind>): void {
  for (const el of elements) {
    const name = el.value;
    if (el.type === ARGUMENT && name !== undefined && !into.has(name)) into.set(name, "text");
    if (el.type === NUMBER && name !== undefined) into.set(name, "number");
    if ((el.type === DATE || el.type === TIME) && name !== undefined) into.set(name, "date");
    if (el.type === SELECT && name !== undefined) into.set(name, "select");
    if (el.type === PLURAL && name !== undefined) into.set(name, "plural");
    for (const option of Object.values(el.options ?? {})) collect(option.value, into);
    if (el.type === TAG) collect(el.children ?? [], into);
  }
}

const compiled = new Map<string, { format: IntlMessageFormat; args: Map<string, ArgumentKind> }>();

function compile(message: string, locale: string) {
  const key = `${locale}\u0000${message}`;
  let entry = compiled.get(key);
  if (!entry) {
    const format = new IntlMessageFormat(message, locale, undefined, { ignoreTag: true });
    const args = new Map<string, ArgumentKind>();
    collect(format.getAst() as unknown as Element[], args);
    entry = { format, args };
    compiled.set(key, entry);
  }
  return entry;
}

/** The arguments of `message` and their kinds ("count" → "plural"). Throws on a message ICU cannot read. */
export function argumentsOf(message: string): ReadonlyMap<string, ArgumentKind> {
  return compile(message, "en").args;
}

/** Each plural or select argument's option names ("count" → "=0 one other"), to compare languages. */
export function selectorsOf(message: string): ReadonlyMap<string, readonly string[]> {
  const found = new Map<string, string[]>();
  const walk = (elements: readonly Element[]) => {
    for (const el of elements) {
      if ((el.type === PLURAL || el.type === SELECT) && el.value !== undefined)
        found.set(`${el.type === PLURAL ? "plural" : "select"} ${el.value}`, Object.keys(el.options ?? {}));
      for (const option of Object.values(el.options ?? {})) walk(option.value);
    }
  };
  walk(compile(message, "en").format.getAst() as unknown as Element[]);
  return found;
}

/**
 * Fills a message. A plain `{argument}` given a number is written the reader's way ("1,200");
 * a missing parameter stays visible as `{name}` so it is noticed, never blank.
 */
export function formatMessage(message: Message, params: ParamValues | undefined, locale: string): string {
  const { format, args } = compile(message, locale);
  if (args.size === 0) return String(format.format());
  const values: Record<string, string | number> = {};
  for (const [name, kind] of args) {
    const value = params?.[name];
    if (value === undefined) values[name] = kind === "plural" || kind === "number" ? 0 : `{${name}}`;
    else if (kind === "text" && typeof value === "number") values[name] = new Intl.NumberFormat(locale).format(value);
    else values[name] = value;
  }
  return String(format.format(values));
}

/** Fills `{placeholders}` of a plain text (no plurals). */
export function interpolate(text: string, params: ParamValues | undefined, locale: string): string {
  return formatMessage(text, params, locale);
}
