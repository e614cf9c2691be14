/**
 * What the request log may say about an address. Query strings can carry personal data (a name
 * typed into the student search) and the calendar feed's address is a secret, so the log keeps
 * the path only, with the feed's token replaced. A path segment that is not an id or a word (text
 * someone put where an id goes, percent-encoded or overlong) is logged as "[…]".
 */
const PLAIN_SEGMENT = /^[A-Za-z0-9._-]{0,64}$/;

export function logUrl(url: string): string {
  const q = url.indexOf("?");
  const path = q === -1 ? url : url.slice(0, q);
  const shown = path
    .replace(/^\/api\/compliance\/calendar\/[^/]+\.ics$/, "/api/compliance/calendar/[secret].ics")
    .split("/")
    .map((segment) => (PLAIN_SEGMENT.test(segment) || segment === "[secret].ics" ? segment : "[…]"))
    .join("/");
  return q === -1 ? shown : `${shown}?[query]`;
}
