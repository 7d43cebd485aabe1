//! Trains the entity tagger's weights (`core/data/tagger.bin`) from the open data sets.
fn main() {}
