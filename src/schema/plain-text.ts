/**
 * A type of the data with every free text (string or map per language, see localizedText)
 * as the one string read in a language. Records keyed by any string (`{[lang]: text}`) are
 * the translations; objects with named fields keep their shape.
 */
export type PlainText<T> = T extends string | number | boolean | null | undefined
  ? T
  : T extends readonly [infer A, infer B]
    ? [PlainText<A>, PlainText<B>]
    : T extends readonly (infer U)[]
      ? PlainText<U>[]
      : string extends keyof T
        ? string
        : { [K in keyof T]: PlainText<T[K]> };
