//! Entry point of the wasm binary that trunk builds.
fn main() {
    text_explorer::run();
}
