//! Saving a generated file: a Blob behind a temporary link with a `download` name.

use wasm_bindgen::JsCast;

/// Offers `contents` as a file named `file_name`. Failures (a browser without Blob URLs)
/// are logged to the console rather than thrown at the reader.
pub fn download(file_name: &str, mime: &str, contents: &str) {
    if let Err(e) = try_download(file_name, mime, contents) {
        web_sys::console::error_1(&e);
    }
}

fn try_download(file_name: &str, mime: &str, contents: &str) -> Result<(), wasm_bindgen::JsValue> {
    let parts = js_sys::Array::of1(&contents.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(&format!("{mime};charset=utf-8"));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}
