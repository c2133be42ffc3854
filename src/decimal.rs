//! Decimal numbers read from text ("12", "-0.375", "1.5e3"), without the standard library's
//! parser in the widget.
//!
//! `str::parse::<f64>` is exact for every input thanks to a table of 128-bit powers of five
//! (Eisel-Lemire) that does not compress, about a tenth of the widget's download, for figures
//! that are nearly always short. A short number (at most 15 significant digits, a
//! power of ten within 10^±22) is read here exactly, with one correctly rounded IEEE operation
//! (Clinger's fast path). The rare others go to a correctly rounded reader that is there anyway:
//! the browser's `parseFloat` in the widget, the standard library's natively. Both paths give
//! the nearest f64, so the widget and the command line read every file alike.

/// 10^0 ..= 10^22: the powers of ten an f64 holds exactly.
const POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Most significant digits read on the fast path: 10^15 - 1 < 2^53, so the digits are exact.
const FAST_DIGITS: u32 = 15;

/// The number `text` writes: an optional sign, digits with an optional fraction (one side of the
/// point may be empty, not both), an optional exponent; nothing else, not even spaces. The
/// nearest f64 (infinite past f64::MAX, as `parseFloat` and `str::parse` say). `None` for any
/// other text ("", "1e", "inf", "0x10", " 1").
pub fn parse(text: &str) -> Option<f64> {
    let parts = Parts::read(text)?;
    Some(parts.fast().unwrap_or_else(|| exact(text)))
}

/// What [`Parts::read`] saw: the significant digits (while they fit) and the power of ten.
struct Parts {
    negative: bool,
    /// The first significant digits, as an integer.
    mantissa: u64,
    /// How many significant digits the text has (leading zeros excluded).
    digits: u32,
    /// The power of ten of the mantissa's last digit (exponent minus digits after the point),
    /// kept within ±100,000 (further out only the slow path reads it).
    exponent: i64,
}

impl Parts {
    /// Checks the grammar and gathers the parts; `None` when `text` is not a number.
    fn read(text: &str) -> Option<Parts> {
        let mut bytes = text.as_bytes();
        let negative = bytes.first() == Some(&b'-');
        if let Some((b'-' | b'+', rest)) = bytes.split_first() {
            bytes = rest;
        }
        let mut parts = Parts {
            negative,
            mantissa: 0,
            digits: 0,
            exponent: 0,
        };
        let (whole, rest) = split_digits(bytes);
        parts.push_digits(whole, false);
        let (fraction, rest) = match rest.split_first() {
            Some((b'.', rest)) => split_digits(rest),
            _ => (&rest[..0], rest),
        };
        if whole.is_empty() && fraction.is_empty() {
            return None;
        }
        parts.push_digits(fraction, true);
        let rest = match rest.split_first() {
            Some((b'e' | b'E', rest)) => {
                let (negative, rest) = match rest.split_first() {
                    Some((b'-', rest)) => (true, rest),
                    Some((b'+', rest)) => (false, rest),
                    _ => (false, rest),
                };
                let (digits, rest) = split_digits(rest);
                if digits.is_empty() {
                    return None;
                }
                let value = digits
                    .iter()
                    .fold(0_i64, |n, d| (n * 10 + i64::from(d - b'0')).min(100_000));
                parts.exponent += if negative { -value } else { value };
                rest
            }
            _ => rest,
        };
        rest.is_empty().then_some(parts)
    }

    /// Adds digits to the mantissa; those past the fast path's count only move the exponent
    /// (the fast path then declines), those after the point lower it.
    fn push_digits(&mut self, digits: &[u8], after_point: bool) {
        for &d in digits {
            let significant = self.digits > 0 || d != b'0';
            if significant {
                if self.digits < FAST_DIGITS {
                    self.mantissa = self.mantissa * 10 + u64::from(d - b'0');
                } else {
                    self.exponent += 1; // a digit left out: only its place counts
                }
                self.digits += 1;
            }
            if after_point {
                self.exponent -= 1;
            }
        }
    }

    /// The exact value by one IEEE multiplication or division of two exact f64s, when there is
    /// one: Clinger's fast path.
    fn fast(&self) -> Option<f64> {
        let magnitude = if self.mantissa == 0 {
            0.0
        } else if self.digits > FAST_DIGITS {
            return None;
        } else {
            let power = *POWERS_OF_TEN.get(self.exponent.unsigned_abs() as usize)?;
            let mantissa = self.mantissa as f64; // exact: below 10^15
            if self.exponent >= 0 {
                mantissa * power
            } else {
                mantissa / power
            }
        };
        Some(if self.negative { -magnitude } else { magnitude })
    }
}

/// `bytes` split after its leading ASCII digits.
fn split_digits(bytes: &[u8]) -> (&[u8], &[u8]) {
    let n = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    bytes.split_at(n)
}

/// The nearest f64 to a number the fast path declined (already checked by [`Parts::read`]).
#[cfg(not(target_arch = "wasm32"))]
fn exact(text: &str) -> f64 {
    text.parse().unwrap_or(f64::NAN)
}

/// The nearest f64 to a number the fast path declined (already checked by [`Parts::read`]):
/// `parseFloat` reads the same grammar and rounds to nearest, as ECMA-262 requires.
#[cfg(target_arch = "wasm32")]
fn exact(text: &str) -> f64 {
    js_sys::parse_float(text)
}

/// `value` written with at most two decimals ("12", "13.75", "0.5"), for CSS lengths and
/// colour opacities: without the standard library's float formatting (`{}` on an `f64`), which
/// costs the widget's download about 20 KB of wasm for numbers it never shows a reader (those go
/// through `Intl`). Not finite or negative values are written as 0.
pub fn short(value: f64) -> String {
    let hundredths = if value.is_finite() && value > 0.0 {
        (value * 100.0).round().min(1e15) as u64
    } else {
        0
    };
    let (whole, part) = (hundredths / 100, hundredths % 100);
    match part {
        0 => whole.to_string(),
        p if p % 10 == 0 => format!("{whole}.{}", p / 10),
        p => format!("{whole}.{p:02}"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn short_numbers_are_written_with_two_decimals_at_most() {
        assert_eq!(super::short(12.0), "12");
        assert_eq!(super::short(13.75), "13.75");
        assert_eq!(super::short(0.5), "0.5");
        assert_eq!(super::short(0.05), "0.05");
        assert_eq!(super::short(16.5 * 1.25), "20.63");
        assert_eq!(super::short(f64::NAN), "0");
        assert_eq!(super::short(-3.0), "0");
    }

    use super::{parse, Parts};

    /// Every text is read to the very f64 the standard library reads (bit for bit).
    fn same_as_std(text: &str) {
        let std: f64 = text
            .parse()
            .unwrap_or_else(|e| panic!("std refuses {text}: {e}"));
        let mine = parse(text).unwrap_or_else(|| panic!("refused {text}"));
        assert_eq!(mine.to_bits(), std.to_bits(), "{text}: {mine} != {std}");
    }

    #[test]
    fn reads_what_a_dataset_and_css_write() {
        for text in [
            "0", "-0", "7", "-12", "2023", "37.5", "0.1", "0.30000000000000004", "1e3", "1E-3",
            "2.5e+2", "999999999999999", "1000000000000000", "123456789012345.6", ".5", "5.",
            "+3", "-.25e1", "0.000001", "1e22", "1e-22", "4e23", "1e-23", "00012", "0.0000",
            "1e400", "-1e400", "1e-400", "179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "9007199254740993", "0.1000000000000000055511151231257827", "1e99999999999999999999",
            "3.14159265358979323846264338327950288", "1e-99999999999",
        ] {
            same_as_std(text);
        }
    }

    #[test]
    fn reads_generated_numbers_like_std() {
        // a small linear congruential generator: the same thousands of cases every run
        let mut seed = 0x2545_f491_u64;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) % n
        };
        for _ in 0..50_000 {
            let mut text = String::new();
            if next(3) == 0 {
                text.push('-');
            }
            for _ in 0..next(12) {
                text.push(char::from(b'0' + next(10) as u8));
            }
            if next(2) == 0 {
                text.push('.');
                for _ in 0..next(12) {
                    text.push(char::from(b'0' + next(10) as u8));
                }
            }
            if !text.bytes().any(|b| b.is_ascii_digit()) {
                text.push('0');
            }
            if next(3) == 0 {
                text.push_str(&format!("e{}", next(60) as i64 - 30));
            }
            same_as_std(&text);
        }
    }

    #[test]
    fn refuses_what_is_not_a_number() {
        for text in [
            "", "-", "+", ".", "-.", "e5", "1e", "1e+", "1.2.3", " 1", "1 ", "inf", "NaN",
            "infinity", "0x10", "1_000", "1,5", "--1", "1e5.0", "١٢",
        ] {
            assert_eq!(parse(text), None, "{text:?}");
        }
    }

    #[test]
    fn short_numbers_take_the_fast_path() {
        for text in [
            "2023",
            "37.5",
            "-0.375",
            "1e22",
            "123456789012345",
            "0.000001",
        ] {
            let parts = Parts::read(text).unwrap();
            assert!(parts.fast().is_some(), "{text}");
        }
        for text in ["1234567890123456", "1e23", "1e-23"] {
            let parts = Parts::read(text).unwrap();
            assert!(parts.fast().is_none(), "{text}");
        }
    }
}
