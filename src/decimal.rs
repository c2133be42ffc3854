//! Decimal numbers read from text ("12", "-0.375", "1.5e3") and written as text, without the
//! standard library's float parser or float formatting in the widget.
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

/// `value` as Rust's `{}` writes it ("0.1", "-0", "1000000000000000000000", "inf", "NaN"):
/// the shortest digits that read back as `value`, never an exponent. For every number the crate
/// writes into JSON, CSV, SVG or a message, so that the widget and the command line write the
/// same text while the widget carries no float formatting of its own.
pub fn shortest(value: f64) -> String {
    written(value, |sign, digits, exponent| {
        let n = i32::try_from(digits.len()).unwrap_or(i32::MAX);
        let mut out = String::from(sign);
        if exponent < 0 {
            out.push_str("0.");
            out.extend(std::iter::repeat_n(
                '0',
                exponent.unsigned_abs() as usize - 1,
            ));
            out.push_str(digits);
        } else if exponent >= n - 1 {
            out.push_str(digits);
            out.extend(std::iter::repeat_n('0', (exponent - n + 1) as usize));
        } else {
            let (whole, fraction) = digits.split_at(exponent as usize + 1);
            out.push_str(whole);
            out.push('.');
            out.push_str(fraction);
        }
        out
    })
}

/// `value` as Rust's `{:e}` writes it ("1e300", "-1.5e-7", "0e0"): the shortest digits in
/// scientific notation, for numbers too long to write whole in a message.
pub fn scientific(value: f64) -> String {
    written(value, |sign, digits, exponent| {
        let (first, rest) = digits.split_at(1);
        let point = if rest.is_empty() { "" } else { "." };
        format!("{sign}{first}{point}{rest}e{exponent}")
    })
}

/// `value` laid out by `layout` from its sign, its shortest digits and the power of ten of their
/// first digit; not finite values as Rust writes them ("NaN", "inf", "-inf").
fn written(value: f64, layout: impl Fn(&str, &str, i32) -> String) -> String {
    if value.is_nan() {
        return "NaN".into();
    }
    let sign = if value.is_sign_negative() { "-" } else { "" };
    if value.is_infinite() {
        return format!("{sign}inf");
    }
    let (digits, exponent) = shortest_digits(&round_trip_text(value.abs()));
    let digits = upper_on_tie(value.abs(), digits, exponent);
    layout(sign, &digits, exponent)
}

/// `digits` (the shortest that read back as `value`, finite and positive, the first at the power
/// of ten `exponent`) as Rust chooses them on a tie: when `value` lies exactly halfway between
/// these digits and the next ones up, both equally short and close, Rust takes the upper and
/// `Number::toString` the even one (846208.67236328125: Rust "…813", V8 "…812"). Otherwise
/// both take the closest, and `digits` come back unchanged.
fn upper_on_tie(value: f64, digits: String, exponent: i32) -> String {
    // at most 17 digits: 2 lower + 1 fits in a u64, the products below are checked
    let (Some(lower), Some((m, e))) = (
        digits.parse::<u64>().ok().filter(|_| digits.len() <= 17),
        odd_binary(value),
    ) else {
        return digits;
    };
    // the power of ten of the last digit; halfway = (2 lower + 1) * 5^last * 2^(last - 1)
    let last = exponent + 1 - digits.len() as i32;
    let odd = 2 * lower + 1;
    let halfway = e == last - 1
        && match 5_u64.checked_pow(last.unsigned_abs()) {
            Some(five) if last >= 0 => odd.checked_mul(five) == Some(m),
            Some(five) => m.checked_mul(five) == Some(odd),
            None => false,
        };
    if halfway {
        (lower + 1).to_string()
    } else {
        digits
    }
}

/// `value` (finite, positive) as `m * 2^e` with `m` odd; `None` for zero.
fn odd_binary(value: f64) -> Option<(u64, i32)> {
    let bits = value.to_bits();
    let (fraction, biased) = (bits & ((1 << 52) - 1), ((bits >> 52) & 0x7ff) as i32);
    let (m, e) = match biased {
        0 => (fraction, -1074),
        _ => (fraction | 1 << 52, biased - 1075),
    };
    let zeros = m.trailing_zeros();
    (m != 0).then(|| (m >> zeros, e + zeros as i32))
}

/// The shortest text that reads back as `value` (finite, not negative), from the standard
/// library: "1.2345e3".
#[cfg(not(target_arch = "wasm32"))]
fn round_trip_text(value: f64) -> String {
    format!("{value:e}")
}

/// The shortest text that reads back as `value` (finite, not negative), from the browser's
/// `Number.prototype.toString`: "1234.5", "1.5e+21" or "1e-7". ECMA-262 asks for the shortest
/// digits that read back and recommends the closest of them, as Rust takes and the engines do;
/// on an exact tie [`upper_on_tie`] makes them Rust's. A radix of 10 cannot fail; should it, the
/// text is empty and reads as 0.
#[cfg(target_arch = "wasm32")]
fn round_trip_text(value: f64) -> String {
    js_sys::Number::from(value)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default()
}

/// The significant digits of a plain or scientific number ("0.00125", "1.25e-3", "1.5e+21")
/// and the power of ten of the first one: ("125", -3). Zero (or no digits) is ("0", 0).
fn shortest_digits(text: &str) -> (String, i32) {
    let (mantissa, exponent) = text.split_once(['e', 'E']).unwrap_or((text, "0"));
    let exponent: i32 = exponent.trim_start_matches('+').parse().unwrap_or(0);
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all: String = whole.chars().chain(fraction.chars()).collect();
    let leading = all.len() - all.trim_start_matches('0').len();
    let digits = all.trim_matches('0');
    if digits.is_empty() {
        return ("0".into(), 0);
    }
    let whole_len = i32::try_from(whole.len()).unwrap_or(0);
    let leading = i32::try_from(leading).unwrap_or(0);
    (digits.to_string(), exponent + whole_len - 1 - leading)
}

#[cfg(test)]
mod tests {
    #[test]
    fn shortest_and_scientific_write_what_rust_writes() {
        let mut values = vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.1,
            0.2 + 0.1,
            37.5,
            2023.0,
            1e21,
            1e22,
            1.5e21,
            1e-7,
            1.5e-7,
            0.000001,
            123456.789,
            12.0 / 1.24,
            9.677419354838708,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
            1e300,
            1e-300,
            100.0,
            0.35,
            1e15,
            1e16,
            1e17,
            123e-20,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            values.push(f64::from_bits(seed));
            values.push((seed % 1_000_000) as f64 / 100.0);
        }
        for v in values {
            assert_eq!(super::shortest(v), format!("{v}"), "{v:e}");
            assert_eq!(super::scientific(v), format!("{v:e}"), "{v:e}");
        }
    }

    #[test]
    fn takes_the_upper_digits_on_a_tie_as_rust_does() {
        // (value, what Number.prototype.toString writes in V8, the digits Rust writes)
        for (bits, browser, rust) in [
            (
                0x4129_d301_5840_0000_u64,
                "846208.6723632812",
                "8462086723632813",
            ),
            (
                0x430d_fbd5_9271_da0a,
                "1054958628518721.2",
                "10549586285187213",
            ),
            (
                0x40f5_8c47_cd00_0000,
                "88260.48754882812",
                "8826048754882813",
            ),
            (0x3fe0_0000_0000_0000, "0.5", "5"),
            (
                0x4129_d301_5840_0001,
                "846208.6723632814",
                "8462086723632814",
            ),
        ] {
            let value = f64::from_bits(bits);
            let (digits, exponent) = super::shortest_digits(browser);
            assert_eq!(
                super::upper_on_tie(value, digits, exponent),
                rust,
                "{browser}"
            );
            assert_eq!(
                format!("{value:e}").replace('.', "").split('e').next(),
                Some(rust)
            );
        }
    }

    #[test]
    fn reads_the_digits_of_what_the_browser_writes() {
        // Number.prototype.toString's forms (the widget's source of digits)
        for (text, digits, exponent) in [
            ("0", "0", 0),
            ("1234.5", "12345", 3),
            ("1.5e+21", "15", 21),
            ("1e+21", "1", 21),
            ("1e-7", "1", -7),
            ("0.000001", "1", -6),
            ("0.00125", "125", -3),
            ("100", "1", 2),
            ("5e-324", "5", -324),
            ("1.7976931348623157e+308", "17976931348623157", 308),
        ] {
            let got = super::shortest_digits(text);
            assert_eq!(got, (digits.to_string(), exponent), "{text}");
        }
    }

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
