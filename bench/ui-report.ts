// Prints the UI benchmark's figures against the issue's aims, with the command to reproduce them.
export interface ScrollRun {
  intervals: number[];
  work: number[];
  rows: number;
  top: number;
}

export interface UiResults {
  messages: number;
  events: number;
  browser: string;
  coldEmails: number[];
  coldActivity: number[];
  appEmails: number[];
  appActivity: number[];
  warmEmails: number[];
  warmActivity: number[];
  search: number[];
  emailsScroll: ScrollRun;
  activityScroll: ScrollRun;
}

export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const line = (label: string, values: readonly number[], aim?: number) =>
  `  ${label.padEnd(44)} median ${ms(quantile(values, 0.5)).padStart(9)}   p99 ${ms(quantile(values, 0.99)).padStart(9)}   (n=${values.length})${
    aim === undefined ? '' : `   aim < ${aim} ms: ${quantile(values, 0.5) < aim ? 'met' : 'MISSED'}`
  }`;

function scrollLines(name: string, run: ScrollRun): string[] {
  const frame = quantile(run.intervals, 0.5);
  const dropped = run.intervals.filter((interval) => interval > frame * 1.5).length;
  const overBudget = run.work.filter((work) => work > 16).length;
  return [
    `  scrolling ${name}: ${run.intervals.length} frames, ${Math.round(run.top).toLocaleString('en')} px, ${run.rows} rows in the DOM at the end`,
    line('  frame interval (paint included)', run.intervals),
    `      max ${ms(Math.max(...run.intervals))}, frames longer than 1.5x the median: ${dropped}`,
    line('  work per frame (handler + Svelte + layout)', run.work, 16),
    `      max ${ms(Math.max(...run.work))}, frames over 16 ms of work: ${overBudget}`,
  ];
}

export function report(r: UiResults): void {
  const lines = [
    '',
    `UI benchmark: ${r.messages.toLocaleString('en')} messages, ${r.events.toLocaleString('en')} events, Chromium ${r.browser} headless, 1280x800`,
    'first render (navigation start -> first rows painted, cold window):',
    line('Emails', r.coldEmails),
    line('Activity', r.coldActivity),
    'first render (DOMContentLoaded -> first rows painted: the app starting, connecting its bridge, fetching, painting):',
    line('Emails', r.appEmails, 150),
    line('Activity', r.appActivity, 150),
    'first render (click in the sidebar -> rows painted):',
    line('Emails (re-fetches its first page)', r.warmEmails, 150),
    line('Activity', r.warmActivity, 150),
    'search (one input event -> matching rows painted, server-side search):',
    line(`by subject number, 1 hit of ${r.messages.toLocaleString('en')}`, r.search, 50),
    'scrolling (120 px per frame):',
    ...scrollLines('Emails (pages of 200 fetched as the end nears)', r.emailsScroll),
    ...scrollLines('Activity (latest 1,000 events)', r.activityScroll),
    '',
    'reproduce: npm run bench:ui   (BENCH_MESSAGES, BENCH_EVENTS, BENCH_RUNS to vary)',
  ];
  console.log(lines.join('\n'));
}
