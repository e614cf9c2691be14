/**
 * The message format: plain strings with `{name}` placeholders, or plural forms chosen by the
 * `count` parameter (`{ one: "{count} student", other: "{count} students" }`, keys from
 * Intl.PluralRules). Nothing else: translators edit text, not code.
 */
export type PluralMessage = {
  readonly zero?: string;
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
};
export type Message = string | PluralMessage;

type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;
type MessageText<M> = M extends string ? M : M extends PluralMessage ? M[keyof M] & string : never;

/** The parameters a message needs, read from its `{placeholders}` (plural messages always need `count`). */
export type ParamsOf<M> = [Placeholders<MessageText<M>> | (M extends PluralMessage ? "count" : never)] extends [never]
  ? Record<string, never>
  : {
      [K in Placeholders<MessageText<M>> | (M extends PluralMessage ? "count" : never)]: K extends "count"
        ? number
        : string | number;
    };

export type ParamValues = Readonly<Record<string, string | number>>;

/** Fills `{placeholders}`; a missing parameter stays visible as `{name}` so it is noticed, never blank. */
export function interpolate(text: string, params: ParamValues | undefined, locale: string): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params?.[name];
    if (value === undefined) return whole;
    return typeof value === "number" ? new Intl.NumberFormat(locale).format(value) : value;
  });
}

export function formatMessage(message: Message, params: ParamValues | undefined, locale: string): string {
  if (typeof message === "string") return interpolate(message, params, locale);
  const count = typeof params?.count === "number" ? params.count : 0;
  const category = count === 0 && message.zero !== undefined ? "zero" : new Intl.PluralRules(locale).select(count);
  const text = message[category as keyof PluralMessage] ?? message.other;
  return interpolate(text, params, locale);
}
