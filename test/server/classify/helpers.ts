// Builders for classifier inputs, so each test states only the facts that matter to it.
import type { ClassifyContext, HitFacts, PriorHit } from '../../../src-server/classify';

export const SENT_AT = new Date('2026-12-04T19:00:00.000Z');
export const GRACE_MS = 10_000;

export function hit(over: Partial<HitFacts> & { ua?: string | null; afterMs?: number } = {}): HitFacts {
  const { ua, afterMs, ...rest } = over;
  const userAgent = ua === undefined ? 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36' : ua;
  return {
    type: 'open',
    method: 'GET',
    at: new Date(SENT_AT.getTime() + (afterMs ?? 3_600_000)),
    ip: '203.0.113.7',
    headers: userAgent === null ? {} : { 'user-agent': userAgent },
    sentAt: SENT_AT,
    ...rest,
  };
}

export function prior(facts: HitFacts, over: Partial<PriorHit> = {}): PriorHit {
  return {
    type: facts.type,
    at: facts.at,
    ip: facts.ip,
    userAgent: facts.headers['user-agent'],
    ...(facts.linkId === undefined ? {} : { linkId: facts.linkId }),
    ...(facts.honeypot === undefined ? {} : { honeypot: facts.honeypot }),
    source: 'human',
    reasons: [],
    boundTo: null,
    ...over,
  };
}

export function ctx(over: Partial<ClassifyContext> = {}, senderIps: readonly string[] = []): ClassifyContext {
  return {
    priorHits: [],
    isSenderAddress: (ip) => senderIps.includes(ip),
    trackedLinkCount: 3,
    config: { sendGraceMs: GRACE_MS },
    ...over,
  };
}
