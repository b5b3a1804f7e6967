//! Shared helpers of the copydesk fuzz targets: one engine for the whole run, the input as
//! text plus options, and the time budget that turns superlinear behaviour into a crash.

use std::sync::OnceLock;
use std::time::Duration;

use copydesk::lang::Lang;
use copydesk::markup::InputFormat;
use copydesk::{Engine, Options};

/// The engine, built once per fuzzing process (building it is not what is measured).
pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| match Engine::new() {
        Ok(e) => e,
        Err(e) => panic!("the embedded language packs do not load: {e}"),
    })
}

/// The CPU time the calling thread has used. CPU time, not wall time: the fuzzers share two
/// cores with other jobs, and waiting for a core is not the library's slowness.
#[allow(unsafe_code)]
fn thread_cpu_time() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec; the clock id is a constant libc defines.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    if rc != 0 {
        return Duration::ZERO;
    }
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// The budget for an input of `len` bytes: 100 ms per started 10 KB (pulldown-cmark's DoS
/// fuzzer uses the same kind of linear bound), i.e. anything superlinear fails on a large
/// enough input. `COPYDESK_FUZZ_MS_PER_10K` overrides the 100 ms (a slower build, e.g. with a
/// sanitizer).
pub fn budget(len: usize) -> Duration {
    static MS: OnceLock<u64> = OnceLock::new();
    let ms = *MS.get_or_init(|| {
        std::env::var("COPYDESK_FUZZ_MS_PER_10K")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(100)
    });
    let blocks = len.div_ceil(10 * 1024).max(1) as u64;
    Duration::from_millis(ms * blocks)
}

/// Runs `f` on the input and panics (a libFuzzer crash) when it takes more CPU time than
/// [`budget`] allows for `len` bytes.
pub fn timed<R>(what: &str, len: usize, f: impl FnOnce() -> R) -> R {
    let start = thread_cpu_time();
    let r = f();
    let took = thread_cpu_time().saturating_sub(start);
    let limit = budget(len);
    if took > limit {
        panic!("{what}: {took:?} of CPU for {len} bytes (budget {limit:?}): superlinear?");
    }
    r
}

/// Splits fuzz data into options and text. A first byte below 0x08 (never in real text)
/// selects options; otherwise the defaults apply and every byte is text. Invalid UTF-8 is
/// replaced (the CLI refuses it before the library sees it).
pub fn split(data: &[u8]) -> (Options, String) {
    let (opts, rest) = match data.split_first() {
        Some((&b, rest)) if b < 0x08 => {
            let lang = match b & 0b11 {
                0 => None,
                1 => Some(Lang::Fr),
                2 => Some(Lang::En),
                _ => None,
            };
            let format = match (b >> 2) & 0b1 {
                0 => None,
                _ => Some(InputFormat::Html),
            };
            let opts = Options::default()
                .with_lang(lang)
                .with_input_format(format)
                .with_min_words(Some(if b & 0b11 == 3 { 0 } else { 300 }));
            (opts, rest)
        }
        _ => (Options::default(), data),
    };
    (opts, String::from_utf8_lossy(rest).into_owned())
}
