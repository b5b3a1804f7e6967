//! The hash maps and sets copydesk uses: std's containers with foldhash's fixed-seed hasher
//! instead of std's SipHash. The keys are short words looked up for every token, where SipHash
//! costs more than the lookup; nothing here faces untrusted keys at a scale where hash flooding
//! matters (the input size is capped, see [`crate::Options`]), and the fixed seed keeps even the
//! iteration order the same from run to run. No output depends on that order all the same:
//! whatever is rendered is sorted or kept in a `Vec` or a `BTree*` first.
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

/// The hasher of [`HashMap`] and [`HashSet`]: foldhash's fast hash with a fixed seed.
pub type Hasher = foldhash::fast::FixedState;

/// `std::collections::HashMap` with [`Hasher`].
pub type HashMap<K, V> = std::collections::HashMap<K, V, Hasher>;

/// `std::collections::HashSet` with [`Hasher`].
pub type HashSet<T> = std::collections::HashSet<T, Hasher>;
