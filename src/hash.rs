//! The hash maps and sets copydesk uses: std's containers with foldhash's hasher instead of
//! std's SipHash. The keys are short words looked up for every token, where SipHash costs
//! more than the lookup. Like std's, the hasher is seeded at random (a process-wide secret
//! and a seed per map), so that no text can be written in advance to make every word of it
//! collide in a map (foldhash's "minimal" HashDoS resistance; the input size is capped as
//! well, see [`crate::Options`]). The iteration order of a map therefore changes from run to
//! run, as it did with std's hasher, and no output depends on it: whatever is rendered is
//! sorted or kept in a `Vec` or a `BTree*` first (the dev sets, the samples and the test
//! fixtures come out byte-identical run after run).
//!
//! `HashMap::new()` and `HashMap::with_capacity(n)` come from [`HashMapExt`] and
//! [`HashSetExt`] (std gives them only to its own hasher); `HashMap::default()` works as well.
//!
//! ```
//! use copydesk::hash::{HashSet, HashSetExt};
//!
//! let mut seen = HashSet::new();
//! assert!(seen.insert("préfecture"));
//! assert!(!seen.insert("préfecture"));
//! ```

pub use foldhash::{HashMapExt, HashSetExt};

/// The hasher of [`HashMap`] and [`HashSet`]: foldhash's fast hash, seeded at random.
pub type Hasher = foldhash::fast::RandomState;

/// `std::collections::HashMap` with [`Hasher`].
pub type HashMap<K, V> = std::collections::HashMap<K, V, Hasher>;

/// `std::collections::HashSet` with [`Hasher`].
pub type HashSet<T> = std::collections::HashSet<T, Hasher>;
