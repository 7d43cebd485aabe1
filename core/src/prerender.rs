//! The default view as static HTML: the first document's title, metadata and text inside the
//! same page skeleton the app draws, written into `index.html` at build time (by the CLI's
//! `prerender`, called from the post-build step). A visitor sees the article before the wasm
//! starts, and the page reads with JavaScript off; the app replaces it when it mounts.
//!
//! This is the one place corpus text becomes HTML source, and every piece of it goes through
//! `escape`.

use crate::document::Document;
use crate::layout::{blocks, BLOCK_BYTES};
use std::fmt::Write as _;

/// Body text written in full up to this many bytes; beyond it, the first blocks and a note.
pub const MAX_PRERENDER_BYTES: usize = 256 * 1024;

/// Escapes text for an HTML text node or a double-quoted attribute value.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The page skeleton with `doc` in the reader, as the app first draws it.
pub fn default_view(doc: &Document) -> String {
    let meta = &doc.meta;
    let mut h = String::new();
    h.push_str(r#"<div class="app prerendered" data-tab="reader"><header class="topbar">"#);
    h.push_str(r#"<p class="brand"><span class="brand-mark" aria-hidden="true">¶</span> Text Explorer</p>"#);
    h.push_str(r#"<form class="search" role="search"><label for="search-input" class="search-label">Search</label>"#);
    h.push_str(r#"<div class="search-row"><input id="search-input" type="search" disabled placeholder="Search starts once the page has loaded"></div>"#);
    // The rest of the app's search bar, so the reader does not move when the app takes over.
    h.push_str(r#"<div class="search-under"><p id="search-status" class="search-status"></p><details class="syntax-help"><summary>Query syntax</summary>"#);
    h.push_str(r#"<p>Words, "exact phrases", prefix*, -excluded, OR, and person:, org:, place:, event:, group: for entities.</p></details></div></form>"#);
    h.push_str(r#"<button type="button" class="icon-button theme-toggle" disabled aria-label="Theme"><span aria-hidden="true">◐</span></button>"#);
    h.push_str(r#"<nav class="tabs" aria-label="Panels">"#);
    for (tab, current) in [
        ("Reader", true),
        ("Matches", false),
        ("Entities", false),
        ("Terms", false),
        ("Stats", false),
    ] {
        let _ = write!(
            h,
            r#"<button type="button" class="tab" aria-pressed="{current}" disabled>{tab}</button>"#
        );
    }
    h.push_str("</nav></header>");
    h.push_str(r#"<div class="panes"><aside class="side side-left" aria-label="Entities and summary"></aside>"#);
    h.push_str(r#"<main class="panel panel-reader" id="reader" aria-label="Reader"><article class="doc"><header class="doc-header">"#);
    let _ = write!(h, r#"<h1 class="doc-title">{}</h1>"#, escape(&meta.title));
    if let Some(byline) = &meta.byline {
        let _ = write!(h, r#"<p class="byline">{}</p>"#, escape(&byline.value));
    }
    h.push_str(r#"<dl class="doc-meta">"#);
    if let Some(source) = &meta.source {
        let _ = write!(
            h,
            r#"<div><dt>Source</dt><dd class="source">{}</dd></div>"#,
            escape(&source.value)
        );
    }
    if let Some(published) = &meta.published {
        let _ = write!(
            h,
            r#"<div><dt>Published</dt><dd><time datetime="{}">{}</time></dd></div>"#,
            escape(&published.iso),
            escape(&published.raw)
        );
    }
    if let Some(editor) = &meta.editor {
        let _ = write!(
            h,
            r#"<div><dt>Editor</dt><dd class="editor">{}</dd></div>"#,
            escape(&editor.value)
        );
    }
    h.push_str(r#"</dl></header><div class="doc-body">"#);
    let mut written = 0;
    for block in blocks(doc, BLOCK_BYTES) {
        if written > MAX_PRERENDER_BYTES {
            h.push_str(r#"<p class="more-text">The rest of this document appears once the page has loaded (it needs JavaScript).</p>"#);
            break;
        }
        let class = if block.part > 0 {
            r#" class="cont""#
        } else {
            ""
        };
        let _ = write!(
            h,
            r#"<p data-para="{}"{class}>{}</p>"#,
            block.para,
            escape(block.span.of(&doc.text))
        );
        written += block.span.len();
    }
    h.push_str(r#"</div></article></main><aside class="side side-right" aria-label="Matches and term frequency"></aside></div></div>"#);
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape(r#"<b a="1">Tom & 'Jerry'</b>"#),
            "&lt;b a=&quot;1&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;"
        );
    }

    #[test]
    fn the_view_holds_the_article_as_escaped_text() {
        let doc = Document::parse(
            "a.txt",
            "A <script>title</script>\n\nSource: Wire & Co\n2024-01-02 10:00\nBy Ann Lee\n\nFirst <img onerror=x> paragraph.\n\nSecond.",
        );
        let html = default_view(&doc);
        assert!(html.contains(r#"<h1 class="doc-title">A &lt;script&gt;title&lt;/script&gt;</h1>"#));
        assert!(html.contains(r#"<p class="byline">By Ann Lee</p>"#));
        assert!(html.contains(r#"<dd class="source">Wire &amp; Co</dd>"#));
        assert!(html.contains(r#"<time datetime="2024-01-02T10:00">2024-01-02 10:00</time>"#));
        assert!(html.contains(r#"<p data-para="0">First &lt;img onerror=x&gt; paragraph.</p><p data-para="1">Second.</p>"#));
        assert!(!html.contains("<script") && !html.contains("<img"));
    }

    #[test]
    fn a_huge_document_is_cut_with_a_note() {
        let body = "word ".repeat(200_000);
        let doc = Document::parse("big.txt", &format!("Big\n\n{body}"));
        let html = default_view(&doc);
        assert!(html.len() < MAX_PRERENDER_BYTES + 64 * 1024);
        assert!(html.contains("needs JavaScript"));
    }
}
