//! The stages up to the outline (`Engine::analyze`) on any brief: a value or a typed error,
//! never a panic, within the linear time budget.
#![no_main]

use copydesk::Input;
use copydesk_fuzz::{engine, split, timed};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (opts, text) = split(data);
    let out = timed("analyze", text.len(), || {
        engine().analyze(Input::Brief(&text), &opts)
    });
    if let Ok(v) = out {
        let _ = timed("analysis json", text.len(), || serde_json::to_string(&v));
    }
});
