// Speculative loads announce themselves in a request header. Sources:
// - Sec-Purpose: "prefetch" / "prefetch;prerender" (Fetch spec; Chromium speculation rules);
// - Purpose: "prefetch" (Chromium and Safari before Sec-Purpose);
// - X-Purpose: "preview" / "instant" (Safari Top Sites and Chrome Instant previews);
// - X-Moz: "prefetch" (Firefox link prefetching, MDN "Link prefetching FAQ").
const PREFETCH_HEADERS = ['sec-purpose', 'purpose', 'x-purpose', 'x-moz'] as const;
const PREFETCH_VALUE = /prefetch|prerender|preview|instant/i;

export function isPrefetchRequest(headers: Readonly<Record<string, string | undefined>>): boolean {
  return PREFETCH_HEADERS.some((name) => {
    const value = headers[name];
    return value !== undefined && PREFETCH_VALUE.test(value);
  });
}
