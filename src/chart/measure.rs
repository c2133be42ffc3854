//! Text measurement. Layout needs label widths (axis margins, legend wrapping); the browser
//! measures with the canvas's own `measureText`, native renders estimate.

use crate::order::SortedMap;

/// Measures the width of a line of text in CSS pixels.
pub trait Measure {
    /// The width, in CSS pixels, of `text` set on one line at a font size of `size` CSS pixels,
    /// bold or regular.
    fn width(&self, text: &str, size: f64, bold: bool) -> f64;
}

/// A font-free estimate for native renders (SVG snapshots, the command line). It is
/// deterministic, so snapshots do not depend on the fonts of the machine, and sized on a
/// typical sans-serif: Latin letters and digits about 0.55 em, Arabic letters about 0.5 em,
/// spaces and narrow punctuation 0.3 em.
pub struct Estimate;

impl Measure for Estimate {
    fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        let ems: f64 = text
            .chars()
            .map(|c| match c {
                ' ' | '.' | ',' | ':' | ';' | '\'' | '|' | 'i' | 'l' | 'j' | '!' | '(' | ')' => 0.3,
                '\u{2000}'..='\u{206f}' | '\u{fe00}'..='\u{fe0f}' => 0.0,
                'm' | 'w' | 'M' | 'W' => 0.85,
                'A'..='Z' => 0.66,
                '\u{0600}'..='\u{06ff}' => 0.5,
                _ => 0.56,
            })
            .sum();
        ems * size * if bold { 1.06 } else { 1.0 }
    }
}

/// Widths already measured, by text, size (bits) and weight: see [`Cached`]. A sorted list
/// rather than a hash map keeps hashing out of the wasm; the lists are short: the overview of
/// `data/morocco.json` keeps about 600 widths in one language, every view in all three about
/// 1,800 (`tests/robustness.rs` prints them).
#[derive(Default)]
pub struct Widths(std::cell::RefCell<SortedMap<(String, u64, bool), f64>>);

impl Widths {
    /// Most widths kept; past it the memory starts again. Each new width moves those sorted
    /// after it: this bounds that to 4,096 entries of 32 bytes in the wasm, and every view of
    /// `data/morocco.json` in its three languages fits (`tests/robustness.rs`).
    pub const MOST: usize = 4_096;

    /// How many widths are kept.
    pub fn len(&self) -> usize {
        self.0.borrow().len()
    }

    /// Whether no width is kept yet.
    pub fn is_empty(&self) -> bool {
        self.0.borrow().is_empty()
    }
}

/// Remembers what another measure said. Layouts try several densities and wrap the same labels
/// again at each, and in the browser every measure is a `measureText` call through the wasm
/// boundary: with the largest accepted dataset the status board asked for the same words
/// thousands of times (hundreds of milliseconds). The widths live in a [`Widths`] that the
/// widget keeps from one drawing to the next (its fonts do not change).
pub struct Cached<'a, M> {
    /// The measure asked for a width not yet known.
    pub inner: M,
    widths: &'a Widths,
}

impl<'a, M: Measure> Cached<'a, M> {
    /// A measure that asks `inner` once per text, size and weight, and keeps the answers in
    /// `widths`, which may outlive it.
    pub fn new(inner: M, widths: &'a Widths) -> Cached<'a, M> {
        Cached { inner, widths }
    }
}

impl<M: Measure> Measure for Cached<'_, M> {
    fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        let sought = (text, size.to_bits(), bold);
        let known = self
            .widths
            .0
            .borrow()
            .get_by(|(t, s, b)| (t.as_str(), *s, *b).cmp(&sought))
            .copied();
        if let Some(w) = known {
            return w;
        }
        let w = self.inner.width(text, size, bold);
        let mut widths = self.widths.0.borrow_mut();
        if widths.len() >= Widths::MOST {
            widths.clear();
        }
        widths.insert((text.to_string(), sought.1, bold), w);
        w
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counts the measures that reach it.
    struct Counting(std::cell::Cell<usize>);

    impl Measure for Counting {
        fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
            self.0.set(self.0.get() + 1);
            Estimate.width(text, size, bold)
        }
    }

    #[test]
    fn cached_measures_answer_the_same_once_per_text() {
        let widths = Widths::default();
        let cached = Cached::new(Counting(0.into()), &widths);
        for _ in 0..3 {
            assert_eq!(
                cached.width("Tier 2", 12.0, false),
                Estimate.width("Tier 2", 12.0, false)
            );
            assert_eq!(
                cached.width("Tier 2", 12.0, true),
                Estimate.width("Tier 2", 12.0, true)
            );
            assert_eq!(
                cached.width("Tier 2", 14.0, false),
                Estimate.width("Tier 2", 14.0, false)
            );
        }
        assert_eq!(cached.inner.0.get(), 3);
    }

    #[test]
    fn estimates_grow_with_text_and_size() {
        let m = Estimate;
        assert!(m.width("Tier 2 Watch List", 12.0, false) > m.width("Tier 2", 12.0, false));
        assert!(m.width("2024", 16.0, false) > m.width("2024", 12.0, false));
        // Arabic is measured per character, not per UTF-8 byte
        let ar = m.width("الفئة 2", 12.0, false);
        assert!(ar > 20.0 && ar < 50.0, "{ar}");
        assert_eq!(
            m.width("a\u{2068}b\u{2069}", 10.0, false),
            m.width("ab", 10.0, false)
        );
    }
}
