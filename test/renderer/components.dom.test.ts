// Components mounted in jsdom with the browser build of svelte. They take plain props (no bridge),
// so what they show is exactly what a person would read.
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import EventRow from '../../src-renderer/components/EventRow.svelte';
import EngagementChart from '../../src-renderer/components/EngagementChart.svelte';
import VirtualListHarness from './VirtualListHarness.svelte';
import { event } from './fixtures';

// jsdom has no layout, so no ResizeObserver (bind:clientHeight uses it); the list keeps its
// default viewport height, which is all these tests need.
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

const now = Date.parse('2026-12-04T10:05:00.000Z');

describe('EventRow', () => {
  it('greys a machine open and says why it is not a person', () => {
    const { container } = render(EventRow, { event: event({ source: 'machine', reasons: ['apple-mpp'], client: { proxy: 'Apple' } }), now });
    const row = container.querySelector('.event')!;
    expect(row.classList.contains('greyed')).toBe(true);
    expect(row.textContent).toContain('A machine loaded the pixel for Jane Doe');
    expect(row.textContent).toContain('Apple Mail Privacy Protection loaded the pixel, not a person');
    expect(row.textContent).not.toMatch(/\bopened\b/);
  });

  it('says who clicked what, when (exact on hover) and how', () => {
    const { container } = render(EventRow, {
      event: event({ type: 'click', link: { id: 'l', url: 'https://acme.example/pricing', text: 'our pricing' }, client: { app: 'Chrome', os: 'Windows' } }),
      now,
    });
    expect(screen.getByText('Jane Doe')).toBeTruthy();
    expect(container.textContent).toContain('clicked');
    expect(container.textContent).toContain('“our pricing”');
    expect(container.textContent).toContain('Chrome on Windows');
    const time = container.querySelector('time')!;
    expect(time.textContent).toBe('5 min. ago');
    expect(time.getAttribute('title')).toMatch(/2026/);
  });
});

describe('EngagementChart', () => {
  it('draws people only and describes the bars for screen readers', () => {
    const { container } = render(EngagementChart, {
      props: {
        events: [event({ at: '2026-12-04T09:10:00.000Z' }), event({ source: 'machine', at: '2026-12-04T09:12:00.000Z' })],
        sentAt: '2026-12-04T09:00:00.000Z',
        now,
      },
    });
    const svg = container.querySelector('svg')!;
    expect(svg.getAttribute('aria-label')).toMatch(/1 opens, 0 clicks, 0 replies/);
    const tall = [...container.querySelectorAll('rect.open')].filter((r) => Number(r.getAttribute('height')) > 0);
    expect(tall).toHaveLength(1);
  });
});

describe('VirtualList', () => {
  it('renders a window of 10,000 rows and moves the active row with the keyboard', async () => {
    const items = Array.from({ length: 10_000 }, (_, i) => ({ id: `m${i}`, label: `Email ${i}` }));
    const activated: string[] = [];
    render(VirtualListHarness, { items, onactivate: (item: { id: string }) => activated.push(item.id) });
    const list = screen.getByRole('listbox', { name: 'Emails' });
    const rows = screen.getAllByRole('option');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(60);
    await fireEvent.keyDown(list, { key: 'ArrowDown' });
    await fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(list.getAttribute('aria-activedescendant')).toMatch(/-2$/);
    await fireEvent.keyDown(list, { key: 'Enter' });
    expect(activated).toEqual(['m2']);
  });
});
