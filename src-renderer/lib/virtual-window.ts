// Which rows of a fixed-row-height list are on screen, so 10,000 rows cost as much as 30.
export interface VirtualWindow {
  start: number;
  end: number;
  offset: number;
  total: number;
}

export function virtualWindow(count: number, rowHeight: number, scrollTop: number, viewport: number, overscan = 8): VirtualWindow {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = Math.ceil(viewport / rowHeight) + 1;
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, first + visible + overscan);
  return { start, end, offset: start * rowHeight, total: count * rowHeight };
}

/** The scrollTop that brings row `index` into view, or null when it already is. */
export function scrollToReveal(index: number, rowHeight: number, scrollTop: number, viewport: number): number | null {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewport) return top + rowHeight - viewport;
  return null;
}
