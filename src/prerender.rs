//! The default view as HTML, rendered at build time by the very components the page runs
//! (yew's server renderer, natively), and written into the page trunk built: the article
//! shows before the wasm starts and with JavaScript off, and the page hydrates these nodes
//! rather than drawing new ones. Also a meta description from the first document.
//!
//! Compiled with the `ssr` feature only (`src/bin/prerender.rs`); the page never carries it.

use crate::app::App;
use crate::corpus;
use explorer_core::Document;
use yew::prelude::*;
use yew::LocalServerRenderer;

/// The element trunk's page holds for the app, empty until this fills it.
pub const EMPTY_APP: &str = r#"<div id="app"></div>"#;

/// Longest meta description, in chars (search engines show about this much).
const DESCRIPTION_CHARS: usize = 160;

/// The app's first render, as the page will hydrate it.
pub fn render_app() -> String {
    futures::executor::block_on(LocalServerRenderer::<App>::new().render())
}

/// What the page's head gains: a description of the corpus from its first document.
pub fn render_head() -> String {
    futures::executor::block_on(
        LocalServerRenderer::<Description>::new()
            .hydratable(false)
            .render(),
    )
}

#[component]
fn Description() -> Html {
    let content = corpus().docs.first().map(description).unwrap_or_default();
    html! { <meta name="description" {content} /> }
}

/// The first document's opening words, on one line, cut at a word before
/// `DESCRIPTION_CHARS` chars: its first paragraph, or its title if it has no body.
pub fn description(doc: &Document) -> String {
    let first = match doc.paragraphs.first() {
        Some(_) => doc.paragraph(0),
        None => doc.meta.title.as_str(),
    };
    let whole = first.split_whitespace().collect::<Vec<_>>().join(" ");
    if whole.chars().count() <= DESCRIPTION_CHARS {
        return whole;
    }
    // Whole words, and room for the ellipsis.
    let mut out = String::new();
    let mut chars = 0;
    for word in whole.split(' ') {
        let needed = word.chars().count() + usize::from(chars > 0);
        if chars + needed > DESCRIPTION_CHARS - 1 {
            break;
        }
        if chars > 0 {
            out.push(' ');
        }
        out.push_str(word);
        chars += needed;
    }
    out.push('…');
    out
}

/// Writes `app` into the page's empty app element and `head` at the end of its head. Plain
/// string splicing: nothing in the inserted text is read as a pattern.
pub fn fill_page(page: &str, app: &str, head: &str) -> Result<String, String> {
    if page.matches(EMPTY_APP).count() != 1 {
        return Err(format!("the page must hold exactly one empty {EMPTY_APP}"));
    }
    let Some(head_end) = page.find("</head>") else {
        return Err("the page has no </head>".into());
    };
    let app_at = page.find(EMPTY_APP).expect("counted above");
    if app_at < head_end {
        return Err(format!("{EMPTY_APP} is inside the head"));
    }
    let inner = app_at + EMPTY_APP.len() - "</div>".len();
    let mut out = String::with_capacity(page.len() + app.len() + head.len());
    out.push_str(&page[..head_end]);
    out.push_str(head);
    out.push_str(&page[head_end..inner]);
    out.push_str(app);
    out.push_str(&page[inner..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str =
        "<html><head><title>T</title></head><body><div id=\"app\"></div></body></html>";

    #[test]
    fn fills_the_app_and_the_head_as_written() {
        // `$&`, `` $` ``, `$'` and `$$` are replacement patterns in JavaScript's
        // String.replace; here they are text like any other.
        let app = "<p>quoted \"$&\" $` $' $$ $1</p>";
        let head = "<meta name=\"description\" content=\"$&amp;\">";
        assert_eq!(
            fill_page(PAGE, app, head).unwrap(),
            "<html><head><title>T</title><meta name=\"description\" content=\"$&amp;\"></head><body><div id=\"app\"><p>quoted \"$&\" $` $' $$ $1</p></div></body></html>"
        );
    }

    #[test]
    fn refuses_a_page_it_cannot_fill() {
        for page in [
            "<html><head></head><body></body></html>",
            "<html><head></head><body><div id=\"app\"></div><div id=\"app\"></div></body></html>",
            "<html><body><div id=\"app\"></div></body></html>",
            "<html><head><div id=\"app\"></div></head><body></body></html>",
        ] {
            assert!(fill_page(page, "x", "y").is_err(), "{page}");
        }
    }

    #[track_caller]
    fn check_description(text: &str, expected: &str) {
        assert_eq!(description(&Document::parse("a.txt", text)), expected);
    }

    #[test]
    fn descriptions() {
        check_description(
            "A title\n\nSource: Wire\n\nFirst   paragraph,\non two lines.\n\nSecond.",
            "First paragraph, on two lines.",
        );
        let long = "word ".repeat(100);
        let cut = description(&Document::parse("a.txt", &format!("Title\n\n{long}")));
        assert!(cut.ends_with("word…"), "{cut}");
        assert!(
            cut.chars().count() <= DESCRIPTION_CHARS,
            "{}",
            cut.chars().count()
        );
        // One word longer than the whole budget is cut to nothing but the ellipsis.
        let huge = "x".repeat(500);
        check_description(&format!("Title\n\n{huge}"), "…");
    }

    #[test]
    fn the_first_render_holds_the_first_document_as_text() {
        let html = render_app();
        let doc = &corpus().docs[0];
        assert!(html.contains("<h1 class=\"doc-title\">"));
        // Every paragraph's opening words are in the page, escaped.
        for i in 0..doc.paragraphs.len().min(5) {
            let opening: String = doc.paragraph(i).chars().take(20).collect();
            let escaped = opening
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;");
            assert!(html.contains(&escaped), "paragraph {i}: {opening}");
        }
        // No side panel yet: they follow a frame after the page is live.
        assert!(!html.contains("chip"));
    }
}
