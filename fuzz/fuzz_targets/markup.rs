//! HTML and Markdown input extraction and format detection: no panic, linear time, and only
//! safe image sources come through.
#![no_main]

use copydesk::markup::{self, InputFormat};
use copydesk_fuzz::timed;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let len = text.len();
    let _ = timed("markup::detect", len, || InputFormat::detect(&text));
    let h = timed("markup::html", len, || markup::html(&text));
    let m = timed("markup::markdown", len, || markup::markdown(&text));
    for ex in [&h, &m] {
        for img in &ex.images {
            assert!(
                markup::safe_src(&img.src),
                "unsafe image source kept: {}",
                img.src
            );
        }
    }
});
