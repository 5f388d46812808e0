// Which events a classified hit or a reply adds to the log. A person's click or reply proves they
// opened the message, so an inferred open is added when no human open was seen; machine and self
// events are recorded for the record but are never a "first" (and so never hide a later human one).
import type { HitType, PlannedEvent, PriorEngagement, Verdict } from './types';

const inferredOpen: PlannedEvent = { type: 'open', source: 'human', reasons: [], inferred: true, first: true };

export function planHitEvents(type: HitType, verdict: Verdict, prior: PriorEngagement): PlannedEvent[] {
  if (verdict.source !== 'human') {
    return [{ type, source: verdict.source, reasons: [...verdict.reasons], inferred: false, first: false }];
  }
  const repeat = verdict.repeat === true;
  switch (type) {
    case 'open':
      return [{ type, source: 'human', reasons: [], inferred: false, first: prior.humanOpens === 0 && !repeat }];
    case 'click': {
      const click: PlannedEvent = { type, source: 'human', reasons: [], inferred: false, first: prior.humanClicks === 0 && !repeat };
      return prior.humanOpens === 0 ? [{ ...inferredOpen }, click] : [click];
    }
    default: {
      const never: never = type;
      throw new Error(`unknown hit type ${String(never)}`);
    }
  }
}

export function planReplyEvents(prior: PriorEngagement): PlannedEvent[] {
  const reply: PlannedEvent = { type: 'reply', source: 'human', reasons: [], inferred: false, first: prior.humanReplies === 0 };
  return prior.humanOpens === 0 ? [{ ...inferredOpen }, reply] : [reply];
}
