/* global window, document, requestAnimationFrame */
// Runs inside the benchmarked page (added as an init script, which the page's CSP does not cover).
// Times are taken in a requestAnimationFrame callback: the frame in which the change is painted.
(() => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  const marks = {};
  const watched = {
    emails: '[data-testid="email-row"]',
    activity: '[data-testid="activity-list"] [role="option"]',
  };
  // Cold start: the first frame in which each view shows rows, in ms since navigation started.
  // When the app's own code may start: what the window controls, without the page load before it.
  document.addEventListener('DOMContentLoaded', () => (marks.ready = performance.now()));
  const poll = () => {
    for (const [name, selector] of Object.entries(watched)) {
      if (marks[name] === undefined && document.querySelector(selector)) marks[name] = performance.now();
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);

  async function until(check, limitMs = 10_000) {
    const start = performance.now();
    for (;;) {
      const now = await frame();
      if (check()) return now;
      if (now - start > limitMs) throw new Error('timed out');
    }
  }

  window.inklingProbe = {
    marks,
    /** Clicks a place in the sidebar and times until its rows are painted. */
    async openView(name) {
      await frame();
      const label = name === 'emails' ? 'Emails' : 'Activity';
      const button = [...document.querySelectorAll('nav button')].find((b) => b.textContent.startsWith(label));
      const start = performance.now();
      button.click();
      const end = await until(() => document.querySelector(watched[name]) !== null);
      return end - start;
    },
    /** Types a whole query (one input event) and times until exactly the expected rows are painted. */
    async search(query, expectedText) {
      const input = document.getElementById('email-search');
      await frame();
      const start = performance.now();
      input.value = query;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const end = await until(() => {
        const first = document.querySelector(watched.emails);
        return first !== null && first.textContent.includes(expectedText);
      });
      return end - start;
    },
    /**
     * Scrolls a view's list by `step` px per frame. Returns the interval between frames (what a person
     * sees, paint included) and each frame's own work: the scroll handler, Svelte's update and layout.
     */
    async scroll(testId, frames, step) {
      const scroller = document.querySelector(`[data-testid="${testId}"] [role="listbox"]`);
      const intervals = [];
      const work = [];
      let last = await frame();
      for (let i = 0; i < frames; i++) {
        const now = await frame();
        intervals.push(now - last);
        last = now;
        const start = performance.now();
        scroller.scrollTop += step;
        scroller.dispatchEvent(new Event('scroll'));
        await Promise.resolve();
        await Promise.resolve();
        // Reading geometry forces style and layout now, so they count in this frame's work.
        scroller.lastElementChild.getBoundingClientRect();
        work.push(performance.now() - start);
      }
      return { intervals, work, rows: scroller.querySelectorAll('[role="option"]').length, top: scroller.scrollTop };
    },
  };
})();
