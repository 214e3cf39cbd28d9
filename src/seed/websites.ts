/**
 * The sources print most websites as bare host names (`hlj.gov.cn`). The graph
 * serves an absolute URL a browser can follow and keeps the printed form beside it.
 * The scheme is `http:` because the sources do not say whether a host serves TLS:
 * a host that does redirects `http:` to it, while an `https:` URL to one that does
 * not would fail.
 */
export function websiteOf(printed: string | null): { website: string | null; websiteAsPrinted: string | null } {
  if (printed === null) return { website: null, websiteAsPrinted: null };
  const absolute = /^https?:\/\//i.test(printed) ? printed : `http://${printed}`;
  const url = new URL(absolute);
  if (url.hostname === "" || !url.hostname.includes(".")) throw new Error(`website "${printed}" is not a host name or URL`);
  return { website: absolute, websiteAsPrinted: absolute === printed ? null : printed };
}
