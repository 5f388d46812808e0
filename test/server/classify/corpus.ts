// The labelled hit corpus (fixtures/*.json): each case is one hit, the message's earlier hits, what
// truly caused it (`truth`) and what the classifier is expected to say (`expect`). They differ only
// for the documented known limits, so the benchmark's figures stay honest.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { ClassifyContext, HitFacts, PriorHit } from '../../../src-server/classify';

/** The corpus's send grace; the server's default is its own choice (INKLING_SEND_GRACE_MS). */
export const CORPUS_GRACE_MS = 10_000;
const SENT_AT = Date.parse('2026-12-04T09:00:00.000Z');

const HitType = z.enum(['open', 'click']);
const Source = z.enum(['human', 'machine', 'self']);

const CorpusCase = z.object({
  name: z.string(),
  doc: z.string(),
  truth: z.enum(['human', 'human-repeat', 'machine', 'self']),
  hit: z.object({
    type: HitType,
    afterMs: z.number(),
    ip: z.string(),
    headers: z.record(z.string(), z.string()),
    method: z.enum(['GET', 'HEAD']).default('GET'),
    linkId: z.string().optional(),
    honeypot: z.boolean().optional(),
  }),
  history: z
    .array(
      z.object({
        type: HitType,
        afterMs: z.number(),
        ip: z.string(),
        userAgent: z.string().nullable(),
        source: Source,
        reasons: z.array(z.string()),
        linkId: z.string().optional(),
        honeypot: z.boolean().optional(),
      }),
    )
    .default([]),
  trackedLinkCount: z.number().int().nonnegative().default(3),
  senderIps: z.array(z.string()).default([]),
  expect: z.object({
    source: Source,
    reasons: z.array(z.string()),
    client: z.record(z.string(), z.string()).optional(),
    repeat: z.boolean().optional(),
  }),
});
export type CorpusCase = z.infer<typeof CorpusCase>;

const CorpusFile = z.object({ description: z.string(), cases: z.array(CorpusCase).min(1) });

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

export function loadCorpus(): { file: string; c: CorpusCase }[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((file) => CorpusFile.parse(JSON.parse(readFileSync(FIXTURES + file, 'utf8'))).cases.map((c) => ({ file, c })));
}

export function factsOf(c: CorpusCase): HitFacts {
  const { type, afterMs, ip, headers, method, linkId, honeypot } = c.hit;
  return {
    type, method, ip, headers,
    at: new Date(SENT_AT + afterMs),
    sentAt: new Date(SENT_AT),
    ...(linkId === undefined ? {} : { linkId }),
    ...(honeypot === undefined ? {} : { honeypot }),
  };
}

export function contextOf(c: CorpusCase): ClassifyContext {
  const priorHits: PriorHit[] = c.history.map((h) => ({
    type: h.type,
    at: new Date(SENT_AT + h.afterMs),
    ip: h.ip,
    userAgent: h.userAgent ?? undefined,
    source: h.source,
    reasons: h.reasons,
    boundTo: null,
    ...(h.linkId === undefined ? {} : { linkId: h.linkId }),
    ...(h.honeypot === undefined ? {} : { honeypot: h.honeypot }),
  }));
  return {
    priorHits,
    isSenderAddress: (ip) => c.senderIps.includes(ip),
    trackedLinkCount: c.trackedLinkCount,
    config: { sendGraceMs: CORPUS_GRACE_MS },
  };
}

/** "Worth notifying": a human hit that is not a repeat of one just seen. */
export function worthNotifying(source: string, repeat: boolean | undefined): boolean {
  return source === 'human' && repeat !== true;
}
