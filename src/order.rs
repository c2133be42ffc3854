//! One small sort for the crate's few short lists (a report's recommendations, a timeline's
//! labels), instead of the standard library's; and a float clamp without `f64::clamp`'s panic.
//!
//! `slice::sort_by` and `sort_unstable_by` are fast on long inputs but compile to 2-4 KB of wasm
//! for every element type and comparison they are used with (driftsort, ipnsort and their
//! small-sorts); `clippy.toml` keeps them out of the crate. These lists are at most [`crate::model::limits::MAX_ITEMS`] (500) long, where an insertion sort is
//! quick enough and costs a few hundred bytes. Longer lists do not belong here: a table's years
//! (up to 100 series x 201 points) go through [`crate::model::distinct_years`].

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

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // compared with std's sorts
mod tests {
    use super::sort_by;

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
}
