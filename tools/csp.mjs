// Content-Security-Policy for a finished page: hashes every inline <script> and <style> and
// writes the policy as the first tag in <head>. Used by post-build.mjs (dist/index.html) and
// single-file.mjs (the self-contained page).
import { createHash } from 'node:crypto';

const INLINE = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1\s*>/gi;
const META = /\s*<meta http-equiv="Content-Security-Policy"[^>]*>/i;

/** `'sha256-…'` of an inline element's text, as the browser hashes it (the parser turns CRLF into LF). */
export function sourceHash(text) {
  const digest = createHash('sha256').update(text.replace(/\r\n?/g, '\n'), 'utf8').digest('base64');
  return `'sha256-${digest}'`;
}

/** The inline scripts and styles of a page, in document order. */
export function inlineElements(html) {
  return [...html.matchAll(INLINE)]
    .filter(([, tag, attrs]) => tag.toLowerCase() === 'style' || !/\ssrc\s*=/i.test(attrs))
    .map(([, tag, , text]) => ({ tag: tag.toLowerCase(), text }));
}

/** A tag's attributes as `[name, value]` pairs (a value unquoted or absent is read as written). */
function attributes(tag) {
  const attrs = tag.replace(/^<[a-z][^\s/>]*/i, '');
  return [...attrs.matchAll(/([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)]
    .map(([, name, double, single, bare]) => [name.toLowerCase(), double ?? single ?? bare ?? '']);
}

/**
 * Inline markup a policy without 'unsafe-inline' blocks and no hash can allow: event-handler
 * attributes, style attributes and javascript: URLs. Names each tag found. Attribute values
 * are read as values: text such as `onload=` inside a quoted value is no attribute.
 */
export function unhashableInline(html) {
  const tags = html.replace(INLINE, '<$1$2>').match(/<[a-z][^>]*>/gi) ?? [];
  return tags.filter((tag) => attributes(tag).some(([name, value]) =>
    /^on[a-z]+$/.test(name) || name === 'style'
    || (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(name) && /^\s*javascript:/i.test(value))));
}

/**
 * The page with `directives` as its Content-Security-Policy meta tag (replacing any earlier
 * one), the hashes of its inline scripts added to script-src and of its inline styles to
 * style-src. Fails on inline markup no hash can allow.
 */
export function withContentSecurityPolicy(html, directives) {
  const bad = unhashableInline(html);
  if (bad.length > 0) {
    throw new Error(`the page has inline code the Content-Security-Policy would block:\n  ${bad.join('\n  ')}`);
  }
  html = html.replace(META, '');
  const elements = inlineElements(html);
  const policy = structuredClone(directives);
  for (const { tag, text } of elements) {
    const directive = tag === 'script' ? 'script-src' : 'style-src';
    const hash = sourceHash(text);
    policy[directive] ??= [];
    if (!policy[directive].includes(hash)) policy[directive].push(hash);
  }
  const content = Object.entries(policy).map(([name, values]) => [name, ...values].join(' ')).join('; ');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${content}">`;
  // Right after <meta charset>: the policy covers only what comes after it.
  const charset = /<meta charset=[^>]*>/i;
  const anchor = charset.test(html) ? charset : /<head[^>]*>/i;
  if (!anchor.test(html)) throw new Error('the page has no <head>');
  return {
    html: html.replace(anchor, (tag) => `${tag}\n  ${meta}`),
    scripts: elements.filter((e) => e.tag === 'script').length,
    styles: elements.filter((e) => e.tag === 'style').length,
  };
}
