export interface LinkFound {
  /** Position among the trackable links in document order; the same HTML always gives the same indexes. */
  index: number;
  /** The absolute http(s) URL the link pointed to (entities decoded, as a browser would open it). */
  url: string;
  /** What the reader sees: the link text with whitespace collapsed (or an image link's alt text), at most 200 characters. */
  text: string;
}

export interface InstrumentOptions {
  /** Absolute URL of the open pixel, or null for no pixel. */
  pixelUrl: string | null;
  /** The tracked URL for a link, or null to leave every link as it is. */
  trackedUrl: ((link: LinkFound) => string) | null;
  /** Adds one link no person can see or reach, so only machines that fetch every URL follow it. */
  honeypotUrl?: string | null;
}

/** One parsed body, ready to be rendered any number of times (one per recipient). */
export interface InstrumentPlan {
  /** The links `render` rewrites when given `trackedUrl`; indexes are stable across renders. */
  readonly links: readonly LinkFound[];
  render(opts: InstrumentOptions): string;
}
