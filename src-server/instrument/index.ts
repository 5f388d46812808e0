// HTML instrumentation: the open pixel before quoted history, tracked links for hyperlinked
// text, an optional honeypot link. Pure: same input, same output, no I/O.
import { planInstrumentation } from './plan';
import type { InstrumentOptions, LinkFound } from './types';

export type { InstrumentOptions, InstrumentPlan, LinkFound } from './types';
export { planInstrumentation } from './plan';

export interface InstrumentResult {
  html: string;
  /** The trackable links in document order, rewritten when `trackedUrl` is given, listed either way. */
  links: LinkFound[];
}

/**
 * Instruments one body. To make several bodies of the same HTML (one per recipient), prefer
 * `planInstrumentation(html)` once and `render` per recipient: it parses only once.
 */
export function instrumentHtml(html: string, opts: InstrumentOptions): InstrumentResult {
  const plan = planInstrumentation(html);
  return { html: plan.render(opts), links: [...plan.links] };
}
