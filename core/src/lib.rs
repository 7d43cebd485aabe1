//! The explorer's text analysis: documents, tokens, search, term statistics and entities.
//!
//! This crate knows nothing about the web: no yew, web-sys, wasm-bindgen or gloo. It is tested
//! natively and compiles for wasm32, where the page uses it to answer queries. Work that can be
//! done once (parsing, indexing, entity extraction) runs at build time in `build.rs`.

pub mod collocates;
pub mod corpus;
pub mod document;
pub mod documents;
pub mod entities;
pub mod export;
mod fold_table;
pub mod format;
pub mod index;
pub mod keyness;
pub mod layout;
pub mod lazy;
pub mod measures;
pub mod network;
pub mod order;
pub mod output;
pub mod phrases;
pub mod query;
pub mod search;
pub mod seeds;
pub mod sentences;
pub mod span;
pub mod state;
pub mod stats;
pub mod stopwords;
#[cfg(test)]
mod testing;
pub mod text;
pub mod tokens;
pub mod tools_view;
pub mod trends;
pub mod word_tools;

pub use corpus::Corpus;
pub use document::{Document, Meta, SeedError};
pub use span::Span;
