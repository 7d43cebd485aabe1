//! Lines written to standard output by the command-line tools (the CLI and the maintainer's
//! examples), which end quietly when the reader stops reading (`… | head`).

use std::io::Write as _;

/// Writes `line` and a newline to standard output. A closed pipe ends the program with
/// success, as a reader that has read enough is no failure; any other write error ends it with
/// a message and status 1.
pub fn line(line: &str) {
    if let Err(e) = writeln!(std::io::stdout().lock(), "{line}") {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("error: cannot write the output: {e}");
        std::process::exit(1);
    }
}
