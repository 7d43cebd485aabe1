//! Component tests in headless Chromium (wasm-bindgen-test): the app renders the embedded
//! corpus as a reader sees it. Run by scripts/test.sh.
#![cfg(target_arch = "wasm32")]

use text_explorer::{app::App, corpus};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn mount() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush();
    root
}

#[wasm_bindgen_test]
fn reader_shows_the_first_document_with_its_metadata() {
    let root = mount();
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
