//! Order without the standard library's heavier machinery: one small sort for the crate's few
//! short lists (a report's recommendations, a timeline's labels), a float clamp without
//! `f64::clamp`'s panic, and a map kept as a sorted list.
//!
//! `slice::sort_by` and `sort_unstable_by` are fast on long inputs but compile to 2-4 KB of wasm
//! for every element type and comparison they are used with (driftsort, ipnsort and their
//! small-sorts); `clippy.toml` keeps them out of the crate. These lists are at most [`crate::model::limits::MAX_ITEMS`] (500) long, where an insertion sort is
//! quick enough and costs a few hundred bytes. Longer lists do not belong here: a table's years
//! (up to 100 series x 201 points) go through [`crate::model::distinct_years`].

use std::cmp::Ordering;

/// Sorts `items` so that no item is `less` than the one before it. Stable: items that are not
/// `less` than each other keep their order. Quadratic in the worst case, linear on sorted input:
/// for lists of at most a few hundred items.
pub fn sort_by<T>(items: &mut [T], less: impl Fn(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && less(&items[j], &items[j - 1]) {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// `value` kept within `min..=max`, as `f64::clamp` does (NaN stays NaN), without its check
/// that `min <= max`: that check's panic message writes both bounds with `{:?}`, which alone
/// brings the standard library's float formatting (about 20 KB) into the widget's wasm.
/// Bounds the wrong way round give `max` for values above it, else `min`.
pub fn clamp(value: f64, min: f64, max: f64) -> f64 {
    if value > max {
        max
    } else if value < min {
        min
    } else {
        value
    }
}

/// A map kept as a list sorted by key, looked up by binary search. `std::collections::HashMap`
/// brings hashbrown, SipHash and the random keys it seeds them with into the wasm (about 2 KB
/// gzip, in the first download); this needs only comparisons. An insert moves the entries after
/// it, so it suits maps of up to a few thousand entries that are read far more often than they
/// grow, such as a cache.
pub struct SortedMap<K, V>(Vec<(K, V)>);

impl<K, V> Default for SortedMap<K, V> {
    fn default() -> Self {
        SortedMap(Vec::new())
    }
}

impl<K: Ord, V> SortedMap<K, V> {
    /// Where the key that `order` looks for is, or would go. `order` says how a stored key
    /// compares with the one sought, and must agree with `K`'s `Ord`: it lets a caller look up
    /// by a borrowed form of the key without building one.
    fn position(&self, mut order: impl FnMut(&K) -> Ordering) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| order(k))
    }

    /// The value of the key that `order` finds (see [`SortedMap::position`] for `order`).
    pub fn get_by(&self, order: impl FnMut(&K) -> Ordering) -> Option<&V> {
        let i = self.position(order).ok()?;
        self.0.get(i).map(|(_, v)| v)
    }

    /// Sets the value of `key`, and returns the value it replaces, if any.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.position(|k| k.cmp(&key)) {
            Ok(i) => self.0.get_mut(i).map(|(_, v)| std::mem::replace(v, value)),
            Err(i) => {
                self.0.insert(i, (key, value));
                None
            }
        }
    }

    /// How many keys have a value.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether no key has a value.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Forgets every key.
    pub fn clear(&mut self) {
        self.0.clear();
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // compared with std's sorts
mod tests {
    use super::{sort_by, SortedMap};

    #[test]
    fn clamps_like_the_standard_library() {
        for v in [
            -1.0,
            0.0,
            0.5,
            1.0,
            2.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            -0.0,
        ] {
            assert_eq!(
                super::clamp(v, 0.0, 1.0).to_bits(),
                v.clamp(0.0, 1.0).to_bits(),
                "{v}"
            );
        }
        assert!(super::clamp(f64::NAN, 0.0, 1.0).is_nan());
    }

    #[test]
    fn sorts_like_the_standard_library_and_keeps_ties_in_order() {
        // pairs sorted by their first member only: the second tells whether ties moved
        let mut seed = 7_u32;
        for len in [0, 1, 2, 3, 10, 57, 300] {
            let items: Vec<(u32, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) % 13, i)
                })
                .collect();
            let mut mine = items.clone();
            sort_by(&mut mine, |a, b| a.0 < b.0);
            let mut std = items;
            std.sort_by_key(|p| p.0);
            assert_eq!(mine, std, "{len} items");
        }
    }

    #[test]
    fn floats_by_total_order() {
        let mut v = [3.5, -0.0, f64::INFINITY, 0.0, -2.0, 1e-9];
        sort_by(&mut v, |a, b| a.total_cmp(b).is_lt());
        assert_eq!(
            v.map(f64::to_bits),
            [-2.0, -0.0, 0.0, 1e-9, 3.5, f64::INFINITY].map(f64::to_bits)
        );
    }

    #[test]
    fn sorted_map_answers_as_a_btree_map_does() {
        let mut mine: SortedMap<(String, u32), usize> = SortedMap::default();
        let mut btree = std::collections::BTreeMap::new();
        assert!(mine.is_empty());
        let mut seed = 11_u32;
        for i in 0..2000 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let key = (format!("w{}", (seed >> 16) % 97), (seed >> 8) % 3);
            let sought = (key.0.as_str(), key.1);
            assert_eq!(
                mine.get_by(|(t, n)| (t.as_str(), *n).cmp(&sought)),
                btree.get(&key),
                "{key:?} before insert {i}"
            );
            assert_eq!(mine.insert(key.clone(), i), btree.insert(key, i));
            assert_eq!(mine.len(), btree.len());
        }
        // the keys are kept in order, each once
        assert!(mine.0.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(
            mine.0.iter().map(|(k, v)| (k, v)).collect::<Vec<_>>(),
            btree.iter().collect::<Vec<_>>()
        );
        mine.clear();
        assert!(mine.is_empty());
        assert_eq!(mine.get_by(|(t, n)| (t.as_str(), *n).cmp(&("w1", 0))), None);
    }
}
