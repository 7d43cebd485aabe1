//! Embeds the corpus: reads every text file in `seeds/` (or the folder named by the
//! `EXPLORER_SEEDS` environment variable), analyses it natively with `explorer-core`, and
//! writes the result to `$OUT_DIR/corpus.bin` for `include_bytes!`. A bad seed stops the build
//! with a message naming the file.

use explorer_core::seeds::{documents_from_files, read_seed_folder};
use explorer_core::Corpus;
use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=EXPLORER_SEEDS");
    let manifest_dir = PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"),
    );
    let seeds_dir = match std::env::var_os("EXPLORER_SEEDS") {
        Some(dir) => manifest_dir.join(dir),
        None => manifest_dir.join("seeds"),
    };
    // Cargo rescans a directory named here recursively, so adding, editing or removing a seed
    // re-runs this script.
    println!("cargo:rerun-if-changed={}", seeds_dir.display());

    let folder = read_seed_folder(&seeds_dir).unwrap_or_else(|e| fail(&e));
    for skipped in &folder.skipped {
        println!("cargo:warning=seeds: skipped {skipped} (not a text file: expected .txt, .text, .md or no extension)");
    }
    let docs = documents_from_files(&folder.files).unwrap_or_else(|e| fail(&e));
    let mut corpus = Corpus::build(docs);
    // What only the word tools and corpus views read goes into their module (tools.bin), not
    // into the page (corpus.bin).
    let tools = corpus.take_tool_data();
    write("corpus.bin", postcard::to_allocvec(&corpus));
    write("tools.bin", postcard::to_allocvec(&tools));
}

fn write(name: &str, bytes: Result<Vec<u8>, postcard::Error>) {
    let bytes = bytes.unwrap_or_else(|e| fail(&format!("cannot encode {name}: {e}")));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join(name);
    std::fs::write(&out, bytes)
        .unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", out.display())));
}

fn fail(message: &dyn std::fmt::Display) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1);
}
