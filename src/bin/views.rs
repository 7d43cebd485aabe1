//! The `views` module: the word tools and corpus views, which the page imports the first time
//! a reader asks for one of them. Its functions are `text_explorer::views`'s exports; there is
//! nothing to start.

// Links the library, whose `views` feature holds the exports.
use text_explorer as _;

fn main() {}
