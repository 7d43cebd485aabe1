//! Maintainer CLI: check what seed files yield before building the page.
fn main() {
    println!("todo");
}
