//! Writes a deterministic synthetic French brief of at least N bytes to stdout (the text the
//! benches use), for measuring scale and memory with the CLI:
//! `cargo run --release --example synth -- 1000000 > /tmp/1MB.txt`.

#[path = "../benches/support/synth.rs"]
#[allow(dead_code)]
mod synth;

use std::io::Write;

fn main() {
    let bytes = std::env::args()
        .nth(1)
        .and_then(|a| a.parse::<usize>().ok())
        .unwrap_or(1_000_000);
    let seed = std::env::args()
        .nth(2)
        .and_then(|a| a.parse::<u64>().ok())
        .unwrap_or(42);
    let text = synth::brief(seed, bytes);
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}
