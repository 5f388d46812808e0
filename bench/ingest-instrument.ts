// npx tsx bench/ingest-instrument.ts — how long instrumenting a body takes (parse once, then one
// render per recipient), for a typical 20 KB message, a 200 KB newsletter and a 2 MB body.
// Registration runs this on the server's event loop, so it bounds how long a hit can wait then.
import { planInstrumentation } from '../src-server/instrument/index';

const ROW =
  '<tr><td style="padding:4px;font-family:Arial">Item &amp; more <a href="https://acme.example/p?id=1&amp;x=2"><span>Product</span> page</a> ' +
  'and <a href="https://acme.example/">acme.example</a> <a href="mailto:sales@acme.example">mail us</a></td></tr>\n';
const QUOTE = '<div class="gmail_quote"><blockquote class="gmail_quote"><p>Earlier: <a href="https://acme.example/old">old link</a></p></blockquote></div>';

function body(bytes: number): string {
  const rows: string[] = [];
  for (let size = 0; size < bytes; size += ROW.length) rows.push(ROW);
  return `<html><body><table>${rows.join('')}</table>${QUOTE}</body></html>`;
}

function median(times: number[]): number {
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] as number;
}

const options = (who: number) => ({ pixelUrl: `https://t.example/p/${who}.gif`, trackedUrl: (l: { index: number }) => `https://t.example/c/${who}-${l.index}` });
// Warm the JIT first, as a running server would be.
for (let i = 0; i < 20; i++) planInstrumentation(body(50_000)).render(options(i));
console.log('size      links   plan ms   render ms (one recipient)');
for (const bytes of [20_000, 200_000, 2_000_000]) {
  const html = body(bytes);
  const runs = bytes > 1_000_000 ? 5 : 21;
  const plans: number[] = [];
  const renders: number[] = [];
  let links = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const plan = planInstrumentation(html);
    const t1 = performance.now();
    plan.render(options(i));
    plans.push(t1 - t0);
    renders.push(performance.now() - t1);
    links = plan.links.length;
  }
  console.log(`${(html.length / 1000).toFixed(0).padStart(5)} KB ${String(links).padStart(7)} ${median(plans).toFixed(1).padStart(9)} ${median(renders).toFixed(1).padStart(11)}`);
}
console.log('reproduce: npx tsx bench/ingest-instrument.ts');
