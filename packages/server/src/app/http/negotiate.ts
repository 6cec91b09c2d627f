const MEDIA_RANGE = /^\s*([^\s/;]+)\/([^;\s]+)\s*(?:;(.*))?$/;

/**
 * Whether a client accepts `text/html` (as `req.accepts('html')` in Express decided): no Accept
 * header accepts anything; otherwise the most specific range that covers text/html (text/html,
 * then text/*, then * / *) decides, and accepts unless its q is 0.
 */
export function acceptsHtml(accept: string | undefined): boolean {
  if (accept === undefined) return true;
  let best: { specificity: number; q: number } | undefined;
  for (const entry of accept.split(',')) {
    const match = MEDIA_RANGE.exec(entry);
    if (!match) continue;
    const type = match[1].toLowerCase();
    const subtype = match[2].toLowerCase();
    if ((type !== 'text' && type !== '*') || (subtype !== 'html' && subtype !== '*')) continue;
    let q = 1;
    let parameters = false;
    let covers = true;
    for (const parameter of (match[3] ?? '').split(';')) {
      const [name = '', value = ''] = parameter.split('=', 2).map((part) => part.trim());
      if (!name) continue;
      // What follows q are extensions, not parameters of the media type.
      if (name.toLowerCase() === 'q') {
        q = Number.parseFloat(value);
        break;
      }
      // A range that names a parameter (text/html;level=1) covers only pages that have it.
      if (value.replace(/^"(.*)"$/, '$1') === '*') parameters = true;
      else covers = false;
    }
    if (!covers || Number.isNaN(q)) continue;
    const specificity = (type === 'text' ? 4 : 0) + (subtype === 'html' ? 2 : 0) + (parameters ? 1 : 0);
    if (!best || specificity > best.specificity || (specificity === best.specificity && q > best.q))
      best = { specificity, q };
  }
  return best !== undefined && best.q > 0;
}
