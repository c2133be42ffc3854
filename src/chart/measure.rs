//! Text measurement. Layout needs label widths (axis margins, legend wrapping); the browser
//! measures with the canvas's own `measureText`, native renders estimate.

/// Measures the width of a line of text in CSS pixels.
pub trait Measure {
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

#[cfg(test)]
mod tests {
    use super::*;

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
