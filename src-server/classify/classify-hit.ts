// Who caused a hit: human, machine or self, with every reason that applied, so a user can see why.
// Pure: the facts and the earlier hits come in, a verdict goes out; the recipient always gets the
// same answer whatever is decided here.
import { isSpoofedBrowserClick } from './browser-rules';
import { clientInfo } from './client-info';
import { isPrefetchRequest } from './header-rules';
import { isClickBurst, isHoneypotSource, isRepeat, isTooSoon } from './history-rules';
import { networksOf, type NetworkEntry, type NetworkTable } from './network-table';
import { defaultNetworkTable } from './ranges-file';
import type { ClassifyContext, HitFacts, Verdict } from './types';
import { isAppleMppUserAgent, isBotUserAgent, isGmailPrefetchUserAgent } from './user-agent-rules';

const MPP_PROXY = 'Apple Mail Privacy Protection';

/** Does a match on this network make the hit machine? Opens are judged conservatively. */
function networkCounts(network: NetworkEntry, facts: HitFacts, clientIdentified: boolean): boolean {
  if (facts.type === 'click') return network.clicks;
  switch (network.opens) {
    case 'always':
      return true;
    case 'unidentified-client':
      return !clientIdentified;
    case 'never':
      return false;
    default: {
      const never: never = network.opens;
      throw new Error(`unknown opens policy ${String(never)}`);
    }
  }
}

export function classifyHit(facts: HitFacts, ctx: ClassifyContext, networks: NetworkTable = defaultNetworkTable()): Verdict {
  const userAgent = facts.headers['user-agent']?.trim() || undefined;
  const client = clientInfo(userAgent);

  if (ctx.isSenderAddress(facts.ip)) return { source: 'self', reasons: ['sender-ip'], client };

  const reasons = new Set<string>();
  if (userAgent === undefined) reasons.add('no-user-agent');
  if (facts.method === 'HEAD') reasons.add('head-request');
  if (isPrefetchRequest(facts.headers)) reasons.add('prefetch');

  // Rules on the user agent: at most one applies, the most specific first.
  if (facts.type === 'open' && isAppleMppUserAgent(userAgent)) {
    reasons.add('apple-mpp');
    client.proxy = MPP_PROXY;
  } else if (isGmailPrefetchUserAgent(userAgent)) {
    reasons.add('prefetch');
    reasons.add('gmail-prefetch');
  } else if (userAgent !== undefined && isBotUserAgent(userAgent)) {
    reasons.add('bot-user-agent');
  } else if (isSpoofedBrowserClick(facts, client)) {
    reasons.add('spoofed-browser');
  }

  // A client counts as named only when its user agent was not already caught disguising a script.
  const clientIdentified = client.app !== undefined && !reasons.has('bot-user-agent') && !reasons.has('spoofed-browser');
  for (const network of networksOf(networks, facts.ip)) {
    if (!networkCounts(network, facts, clientIdentified)) continue;
    reasons.add(network.reason);
    if (network.reason === 'apple-mpp') client.proxy = MPP_PROXY;
  }

  if (isTooSoon(facts, ctx.config.sendGraceMs)) reasons.add('too-soon');
  if (isClickBurst(facts, ctx.priorHits, ctx.trackedLinkCount)) reasons.add('click-burst');
  if (isHoneypotSource(facts, ctx.priorHits)) reasons.add('honeypot');

  if (reasons.size > 0) return { source: 'machine', reasons: [...reasons], client };
  const verdict: Verdict = { source: 'human', reasons: [], client };
  if (isRepeat(facts, ctx.priorHits)) verdict.repeat = true;
  return verdict;
}
