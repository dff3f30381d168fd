/**
 * Shortens text for display (reasons, quotes) without ever cutting a surrogate pair in two: a
 * lone surrogate is not valid UTF-8, and PostgreSQL refuses it in a JSON column.
 */

/** The first `max` UTF-16 units of `text`, one fewer when that would split a pair. */
export function sliceCodeUnits(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end);
}

/** `text` if it fits in `max` units, else its beginning and an ellipsis, `max` units at most. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${sliceCodeUnits(text, max - 1).trimEnd()}…`;
}
