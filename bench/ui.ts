// npm run bench:ui — the window with a heavy account: 10,000 messages and 100,000 events on the real
// server, the real desktop services in the dev host, the built renderer in Debian's Chromium.
// Prints medians (and p99/max where frames matter) of: first render of Emails and Activity (a cold
// window, and switching views), search (keystroke to results painted), and frame times while
// scrolling. Knobs: BENCH_MESSAGES (10000), BENCH_EVENTS (100000), BENCH_RUNS (9).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startDevHost } from '../src-main/dev-host/dev-host';
import { addTestUser, startTestServer } from '../test/support/server';
import { buildRenderer, launchChromium } from '../test/renderer/e2e/harness';
import { seedEvents, seedMessages, subjectOf } from './ui-seed';
import { report, type ScrollRun } from './ui-report';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 10_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 9);

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

const t0 = performance.now();
const [rendererDir, server] = await Promise.all([buildRenderer(), startTestServer()]);
const user = addTestUser(server, { name: 'Bench Sender' });
const seeded = await seedMessages(server, user.token, MESSAGES);
const tMessages = seconds(t0);
const t1 = performance.now();
seedEvents(server, user.id, seeded, EVENTS);
console.log(`seeded ${MESSAGES.toLocaleString('en')} messages through the API in ${tMessages} s, ${EVENTS.toLocaleString('en')} events into the store in ${seconds(t1)} s`);

const settingsDir = mkdtempSync(join(tmpdir(), 'inkling-bench-desktop-'));
const host = await startDevHost({ settingsDir, rendererDir, credentials: { url: server.url, token: user.token } });
if (!host.connected?.ok) throw new Error(`dev host could not connect: ${JSON.stringify(host.connected)}`);
// Let the desktop catch up on the backlog first: the benchmark is about the window, not catch-up.
const t2 = performance.now();
const latest = server.store.latestSeq(user.id);
while (cursor(settingsDir) < latest) await new Promise((r) => setTimeout(r, 50));
console.log(`desktop caught up on ${latest.toLocaleString('en')} events in ${seconds(t2)} s`);

const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.addInitScript({ path: resolve(import.meta.dirname, 'ui-probe.js') });
const probe = <T>(expression: string) => page.evaluate(expression) as Promise<T>;
// Polled from here: waitForFunction with a string would need eval, which the page's CSP forbids.
const mark = async (name: string) => {
  const start = Date.now();
  for (;;) {
    const at = await probe<number | undefined>(`window.inklingProbe?.marks.${name}`);
    if (at !== undefined) return at;
    if (Date.now() - start > 20_000) throw new Error(`no ${name} mark after 20 s; the page shows: ${(await page.innerText('body')).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

const results = { coldEmails: [] as number[], coldActivity: [] as number[], appEmails: [] as number[], appActivity: [] as number[], warmEmails: [] as number[], warmActivity: [] as number[], search: [] as number[] };
try {
  // Warm-up run, not counted: Chromium's caches and V8's code cache.
  // A query string per run makes each goto a real load, not a hash change in the same document.
  await page.goto(`${host.url}?warmup#/emails`);
  await mark('emails');
  for (let i = 0; i < RUNS; i++) {
    await page.goto(`${host.url}?run=${i}#/emails`);
    results.coldEmails.push(await mark('emails'));
    results.appEmails.push((await mark('emails')) - (await mark('ready')));
    await page.goto(`${host.url}?run=${i}#/activity`);
    results.coldActivity.push(await mark('activity'));
    results.appActivity.push((await mark('activity')) - (await mark('ready')));
  }
  for (let i = 0; i < RUNS; i++) {
    results.warmEmails.push(await probe<number>(`window.inklingProbe.openView('emails')`));
    results.warmActivity.push(await probe<number>(`window.inklingProbe.openView('activity')`));
  }
  await probe(`window.inklingProbe.openView('emails')`);
  for (let i = 0; i < RUNS * 2; i++) {
    const n = (i * 977 + 13) % MESSAGES;
    const subject = subjectOf(n);
    const query = String(n).padStart(5, '0');
    results.search.push(await probe<number>(`window.inklingProbe.search(${JSON.stringify(query)}, ${JSON.stringify(subject)})`));
  }
  await probe(`window.inklingProbe.search('', ${JSON.stringify(subjectOf(MESSAGES - 1))})`);
  const emailsScroll = await probe<Scroll>(`window.inklingProbe.scroll('emails-list', 600, 120)`);
  await probe(`window.inklingProbe.openView('activity')`);
  const activityScroll = await probe<Scroll>(`window.inklingProbe.scroll('activity-list', 300, 120)`);
  report({ messages: MESSAGES, events: EVENTS, browser: browser.version(), ...results, emailsScroll, activityScroll });
} finally {
  await browser.close();
  await host.close();
  await server.close();
}

type Scroll = ScrollRun;

function cursor(dir: string): number {
  try {
    return Math.max(0, ...Object.values(JSON.parse(readFileSync(join(dir, 'cursors.json'), 'utf8')) as Record<string, number>));
  } catch {
    return 0;
  }
}
