//! Component tests in headless Chromium and Firefox (wasm-bindgen-test): the app renders the
//! embedded corpus and reacts to a reader as the core says it should. Run by scripts/test.sh,
//! once per engine.
#![cfg(target_arch = "wasm32")]

use explorer_core::query::parse;
use text_explorer::{app::App, corpus};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn mount() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    // Each test starts from the default view.
    let _ = web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("#"));
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

async fn type_query(root: &web_sys::Element, query: &str) {
    let input: web_sys::HtmlInputElement = root
        .query_selector("input[type=search]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    input.set_value(query);
    let event = web_sys::InputEvent::new("input").unwrap();
    input.dispatch_event(&event).unwrap();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn reader_shows_the_first_document_with_its_metadata() {
    let root = mount().await;
    let doc = &corpus().docs[0];
    let title = root.query_selector("h1").unwrap().expect("a title heading");
    assert_eq!(title.text_content().unwrap(), doc.meta.title);
    let paragraphs = root.query_selector_all(".doc-body p").unwrap();
    assert_eq!(paragraphs.length() as usize, doc.paragraphs.len());
    for i in 0..paragraphs.length() {
        let text = paragraphs.item(i).unwrap().text_content().unwrap();
        assert_eq!(text, doc.paragraph(i as usize), "paragraph {i}");
    }
    if let Some(published) = &doc.meta.published {
        let time = root
            .query_selector("time")
            .unwrap()
            .expect("a <time> element");
        assert_eq!(time.get_attribute("datetime").unwrap(), published.iso);
    }
    root.remove();
}

#[wasm_bindgen_test]
async fn typing_marks_exactly_the_core_hits_and_keeps_the_text() {
    let root = mount().await;
    let doc = &corpus().docs[0];
    let word = corpus()
        .index
        .vocab
        .form(
            corpus().doc_stats[0]
                .terms()
                .iter()
                .find(|(t, _)| !corpus().index.vocab.is_stop(*t))
                .unwrap()
                .0,
        )
        .to_string();
    type_query(&root, &word).await;
    let expected = corpus().search(&parse(&word));
    let marks = root.query_selector_all(".doc mark.hit").unwrap();
    assert_eq!(marks.length() as usize, expected.hits_in(0).len());
    assert!(marks.length() > 0);
    for (i, hit) in expected.hits_in(0).iter().enumerate() {
        let mark = marks.item(i as u32).unwrap();
        assert_eq!(mark.text_content().unwrap(), hit.span.of(&doc.text));
    }
    // Marks split the text but never change it.
    let body = root
        .query_selector(".doc-body")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    let plain: String = doc.paragraphs.iter().map(|p| p.of(&doc.text)).collect();
    assert_eq!(body, plain);
    let counter = root
        .query_selector(".counter")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(counter, format!("1 of {}", expected.hits_in(0).len()));
    root.remove();
}

#[wasm_bindgen_test]
async fn a_query_with_no_hits_says_so() {
    let root = mount().await;
    type_query(&root, "zzqqxx").await;
    let status = root
        .query_selector("#search-status")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(status.contains("No matches for “zzqqxx”"), "{status}");
    assert_eq!(root.query_selector_all(".doc mark").unwrap().length(), 0);
    root.remove();
}
