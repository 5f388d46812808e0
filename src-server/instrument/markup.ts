// The markup instrumentation adds. Both pieces are built so a reader never sees them and a
// screen reader never announces them; only the request they cause matters.

/** Escapes a value for a double-quoted attribute. */
export function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/**
 * The open pixel: 1×1, no alt text, no border, no margins, so it takes no visible room.
 * Not `display:none`, because some clients skip loading images that are not displayed.
 */
export function pixelMarkup(src: string): string {
  return (
    `<img src="${escapeAttr(src)}" width="1" height="1" alt="" border="0" ` +
    'style="display:block;width:1px;height:1px;max-width:1px;max-height:1px;border:0;margin:0;padding:0;overflow:hidden" />'
  );
}

/**
 * The honeypot: a link no person can see, focus or hear, with no text, so only a machine that
 * follows every URL in the body fetches it. `mso-hide:all` hides it in Outlook's Word engine,
 * which ignores `display:none` on some elements.
 */
export function honeypotMarkup(href: string): string {
  return (
    `<a href="${escapeAttr(href)}" tabindex="-1" aria-hidden="true" ` +
    'style="display:none!important;mso-hide:all;font-size:0;line-height:0;max-height:0;overflow:hidden;opacity:0"></a>'
  );
}
