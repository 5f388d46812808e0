// Rules on time and on this message's earlier hits. Thresholds come from what the corpus and the
// ESP literature show: gateways fetch within seconds of delivery (SparkPost, "security filters and
// bots … triggering opens very shortly after delivery"), and link scanners open every link of a
// message within a second or two, which no reader does.
import type { HitFacts, PriorHit } from './types';

/** Several distinct links of one message from one address within this window is a scanner. */
export const BURST_WINDOW_MS = 5_000;
export const BURST_MIN_LINKS = 3;
/** Every tracked link (two or more) from one address within this window is a scanner too. */
export const ALL_LINKS_WINDOW_MS = 2_000;
/** The same source loading again within this window is one open or click, not a new one. */
export const REPEAT_WINDOW_MS = 60_000;

/** One source: the address together with the user agent (a NAT hides many people behind one address). */
export function sameSource(hit: PriorHit, facts: HitFacts): boolean {
  return hit.ip === facts.ip && (hit.userAgent ?? '') === (facts.headers['user-agent'] ?? '');
}

export function isTooSoon(facts: HitFacts, sendGraceMs: number): boolean {
  return facts.at.getTime() - facts.sentAt.getTime() < sendGraceMs;
}

/** Links clicked from this address within `windowMs` before this hit, this one included. */
function recentLinks(facts: HitFacts, priorHits: readonly PriorHit[], windowMs: number): Set<string> {
  const links = new Set<string>();
  if (facts.linkId !== undefined) links.add(facts.linkId);
  const since = facts.at.getTime() - windowMs;
  for (const hit of priorHits) {
    const t = hit.at.getTime();
    if (hit.type === 'click' && hit.ip === facts.ip && hit.linkId !== undefined && t >= since && t <= facts.at.getTime()) {
      links.add(hit.linkId);
    }
  }
  return links;
}

export function isClickBurst(facts: HitFacts, priorHits: readonly PriorHit[], trackedLinkCount: number): boolean {
  if (facts.type !== 'click') return false;
  if (recentLinks(facts, priorHits, BURST_WINDOW_MS).size >= BURST_MIN_LINKS) return true;
  return trackedLinkCount >= 2 && recentLinks(facts, priorHits, ALL_LINKS_WINDOW_MS).size >= trackedLinkCount;
}

/** The honeypot link was followed now, or earlier by this same source. */
export function isHoneypotSource(facts: HitFacts, priorHits: readonly PriorHit[]): boolean {
  return facts.honeypot === true || priorHits.some((hit) => hit.honeypot === true && sameSource(hit, facts));
}

/** A human hit of the same type from the same source within a minute: a reload, not a new event. */
export function isRepeat(facts: HitFacts, priorHits: readonly PriorHit[]): boolean {
  const since = facts.at.getTime() - REPEAT_WINDOW_MS;
  return priorHits.some(
    (hit) =>
      hit.type === facts.type &&
      hit.source === 'human' &&
      hit.linkId === facts.linkId &&
      hit.at.getTime() >= since &&
      sameSource(hit, facts),
  );
}
