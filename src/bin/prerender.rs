//! `prerender PAGE`: writes the default view (the app's first render, by yew's server
//! renderer) and a meta description into PAGE, trunk's built `index.html`. Run natively by
//! the post-build step (`tools/post-build.mjs`) with the same seeds the page embeds.

use std::process::ExitCode;
use text_explorer::prerender::{fill_page, render_app, render_head};

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: prerender PAGE (a built index.html, rewritten in place)");
        return ExitCode::from(2);
    };
    let page = match std::fs::read_to_string(&path) {
        Ok(page) => page,
        Err(e) => {
            eprintln!("prerender: cannot read {}: {e}", path.to_string_lossy());
            return ExitCode::FAILURE;
        }
    };
    let (app, head) = (render_app(), render_head());
    let filled = match fill_page(&page, &app, &head) {
        Ok(filled) => filled,
        Err(e) => {
            eprintln!("prerender: {}: {e}", path.to_string_lossy());
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = std::fs::write(&path, filled) {
        eprintln!("prerender: cannot write {}: {e}", path.to_string_lossy());
        return ExitCode::FAILURE;
    }
    println!("{} KB of HTML", app.len() / 1024);
    ExitCode::SUCCESS
}
