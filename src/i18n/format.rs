//! Numbers, years and dates as readers of each language write them, from CLDR's data rather
//! than rules of our own: the browser's `Intl` in the widget (it ships CLDR already, so the
//! wasm carries no locale data), ICU4X's compiled CLDR data natively (the command line, the
//! snapshots). `tests/formats.json` lists the expected strings; the native tests and the
//! browser tests both check them, so the two renderers agree.
//!
//! Locales: French "fr" (narrow no-break space groups, decimal comma), Moroccan Arabic "ar-MA"
//! (dot groups, decimal comma, Western digits by default, the Moroccan month names "غشت",
//! "شتنبر"...) and British English "en-GB" (day before month, as in Morocco). Arabic-Indic digits
//! ("ar-MA-u-nu-arab") are a reader's choice for Arabic only: they are not written in French or
//! English text.

use super::Lang;
use crate::model::Date;

/// Which digits Arabic numbers are written with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Digits {
    /// 0123456789: CLDR's default for ar-MA and what Moroccan Arabic-language media print.
    #[default]
    Latin,
    /// ٠١٢٣٤٥٦٧٨٩ (Arabic-Indic), as in much of the Arab East.
    Arabic,
}

/// A language with its digits: everything a number, year or date needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Locale {
    /// The language of the widget's words and of the number and date formats.
    pub lang: Lang,
    /// The digits numbers are written with; [`Locale::new`] and [`Locale::from_tag`] keep
    /// Arabic-Indic ones for Arabic only.
    pub digits: Digits,
}

impl Locale {
    /// Digits other than Latin are kept for Arabic only.
    pub fn new(lang: Lang, digits: Digits) -> Locale {
        let digits = if lang == Lang::Ar {
            digits
        } else {
            Digits::Latin
        };
        Locale { lang, digits }
    }

    /// The locale of a BCP 47 tag: its language, and Arabic-Indic digits when it asks for them
    /// with the Unicode extension "-u-nu-arab" (as in `lang="ar-MA-u-nu-arab"`).
    pub fn from_tag(tag: &str) -> Locale {
        let lower = tag.to_ascii_lowercase().replace('_', "-");
        let subtags: Vec<&str> = lower.split('-').collect();
        let arab = subtags.windows(2).any(|w| w == ["nu", "arab"]);
        let digits = if arab { Digits::Arabic } else { Digits::Latin };
        Locale::new(Lang::from_tag(tag), digits)
    }

    /// The BCP 47 tag given to `Intl` and ICU4X.
    pub fn tag(self) -> &'static str {
        match (self.lang, self.digits) {
            (Lang::Fr, _) => "fr",
            (Lang::Ar, Digits::Latin) => "ar-MA",
            (Lang::Ar, Digits::Arabic) => "ar-MA-u-nu-arab",
            (Lang::En, _) => "en-GB",
        }
    }
}

impl From<Locale> for Lang {
    fn from(locale: Locale) -> Lang {
        locale.lang
    }
}

impl Locale {
    /// Whether the language is written right to left (Arabic).
    pub fn is_rtl(self) -> bool {
        self.lang.is_rtl()
    }

    /// The language's ISO 639-1 code (`fr`, `ar`, `en`), without region or digits.
    pub fn code(self) -> &'static str {
        self.lang.code()
    }
}

impl From<Lang> for Locale {
    fn from(lang: Lang) -> Locale {
        Locale::new(lang, Digits::Latin)
    }
}

/// How much of a date to write (a year alone is [`format_year`]); `DayShort` has the
/// abbreviated month of tight labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateStyle {
    YearMonth,
    Day,
    DayShort,
}

/// A count or figure with at most `decimals` decimals (rounded half away from zero, trailing
/// zeros dropped) and thousands grouped as the locale does.
pub fn format_number(value: f64, locale: impl Into<Locale>, decimals: usize) -> String {
    if !value.is_finite() {
        return String::new();
    }
    backend::number(locale.into().tag(), value, decimals.min(6) as u8, true)
}

/// A percentage as readers of `lang` write it: French puts a narrow no-break space before
/// the sign, Arabic-Indic digits take the Arabic percent sign (CLDR's percent patterns; stable
/// ICU4X has no percent formatter, so the sign is placed here).
pub fn format_percent(value: f64, lang: impl Into<Locale>) -> String {
    let lang = lang.into();
    let number = format_number(value, lang, 1);
    match (lang.lang, lang.digits) {
        (Lang::Fr, _) => format!("{number}\u{202f}%"),
        (Lang::Ar, Digits::Arabic) => format!("{number}\u{066a}"),
        _ => format!("{number}%"),
    }
}

/// A year in the locale's digits, never grouped ("2024", "٢٠٢٤").
pub fn format_year(year: i32, locale: impl Into<Locale>) -> String {
    let locale = locale.into();
    if locale.digits == Digits::Latin {
        return year.to_string();
    }
    backend::number(locale.tag(), f64::from(year), 0, false)
}

/// A span of years, "2023–2030"; in Arabic kept left to right (U+2066...U+2069), the later
/// year on the right as Moroccan print writes it, whatever text is around it.
pub fn format_years(first: i32, last: i32, locale: impl Into<Locale>) -> String {
    let locale = locale.into();
    if first == last {
        return format_year(first, locale);
    }
    let (a, b) = (format_year(first, locale), format_year(last, locale));
    if locale.is_rtl() {
        format!("\u{2066}{a}\u{2013}{b}\u{2069}")
    } else {
        format!("{a}\u{2013}{b}")
    }
}

/// A date as readers of the locale write it, at the precision the source gives: "2016",
/// "May 2019" / "mai 2019" / "ماي 2019", "25 August 2016" / "25 août 2016" / "25 غشت 2016",
/// "1er mars 2023". With `abbreviate`, English shortens the month when a day is given
/// ("25 Aug 2016"), as the timeline's tight labels need (French and Arabic months stay whole:
/// CLDR's short Arabic form is all digits).
///
/// One rule is ours on top of CLDR: French writes the first day of a month as an ordinal,
/// "1er mars" (Imprimerie nationale), which `Intl` does not.
pub fn format_date(date: &Date, locale: impl Into<Locale>, abbreviate: bool) -> String {
    let locale = locale.into();
    let month = date.month.filter(|m| (1..=12).contains(m));
    let style = match (month, date.day) {
        (None, _) => return format_year(date.year, locale),
        (Some(_), None) => DateStyle::YearMonth,
        (Some(_), Some(_)) if abbreviate && locale.lang == Lang::En => DateStyle::DayShort,
        (Some(_), Some(_)) => DateStyle::Day,
    };
    let (m, d) = (month.unwrap_or(1), date.day.unwrap_or(1));
    let text = backend::date(locale.tag(), (date.year, m, d), style);
    if locale.lang == Lang::Fr && date.day == Some(1) {
        if let Some(rest) = text.strip_prefix("1 ") {
            return format!("1er {rest}");
        }
    }
    text
}

/// The number in `decimals` decimals as plain ASCII ("-1234.5"), rounded half away from zero
/// from the shortest representation of the float (what `Intl` does), trailing zeros dropped.
/// Both backends format this string, so they round the same way.
fn plain(value: f64, decimals: u8) -> String {
    let shortest = crate::decimal::shortest(value); // the shortest round-trip digits, no exponent
    let (sign, digits) = match shortest.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", shortest.as_str()),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let keep = usize::from(decimals);
    let mut kept: Vec<u8> = int.bytes().chain(frac.bytes().take(keep)).collect();
    kept.extend(std::iter::repeat_n(b'0', keep.saturating_sub(frac.len())));
    if frac.as_bytes().get(keep).is_some_and(|d| *d >= b'5') {
        round_up(&mut kept);
    }
    let split = kept.len() - keep;
    let int: String = kept[..split].iter().map(|&b| char::from(b)).collect();
    let frac: String = kept[split..].iter().map(|&b| char::from(b)).collect();
    let frac = frac.trim_end_matches('0');
    let zero = int.bytes().all(|b| b == b'0') && frac.is_empty();
    let sign = if zero { "" } else { sign };
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    if frac.is_empty() {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac}")
    }
}

/// Adds one to a string of ASCII digits, carrying (and growing on "999").
fn round_up(digits: &mut Vec<u8>) {
    for d in digits.iter_mut().rev() {
        if *d == b'9' {
            *d = b'0';
        } else {
            *d += 1;
            return;
        }
    }
    digits.insert(0, b'1');
}

#[cfg(not(target_arch = "wasm32"))]
mod backend {
    //! ICU4X with its compiled CLDR data. Formatters are built once per locale and kept.

    use super::{plain, DateStyle};
    use icu_calendar::Gregorian;
    use icu_datetime::fieldsets::{YM, YMD};
    use icu_datetime::input::Date;
    use icu_datetime::FixedCalendarDateTimeFormatter;
    use icu_decimal::input::Decimal;
    use icu_decimal::options::{DecimalFormatterOptions, GroupingStrategy};
    use icu_decimal::DecimalFormatter;
    use icu_locale_core::Locale;
    use std::cell::RefCell;
    use std::collections::HashMap;

    /// One formatter per precision: ICU4X types a formatter by the fields it writes.
    enum DateFormatter {
        Month(FixedCalendarDateTimeFormatter<Gregorian, YM>),
        Day(FixedCalendarDateTimeFormatter<Gregorian, YMD>),
    }

    thread_local! {
        static NUMBERS: RefCell<HashMap<(&'static str, bool), Option<DecimalFormatter>>> =
            RefCell::default();
        static DATES: RefCell<HashMap<(&'static str, u8), Option<DateFormatter>>> =
            RefCell::default();
    }

    fn locale(tag: &str) -> Option<Locale> {
        tag.parse().ok()
    }

    fn number_formatter(tag: &str, grouping: bool) -> Option<DecimalFormatter> {
        let mut options = DecimalFormatterOptions::default();
        options.grouping_strategy = Some(if grouping {
            GroupingStrategy::Auto
        } else {
            GroupingStrategy::Never
        });
        DecimalFormatter::try_new(locale(tag)?.into(), options).ok()
    }

    pub fn number(tag: &'static str, value: f64, decimals: u8, grouping: bool) -> String {
        let text = plain(value, decimals);
        NUMBERS.with_borrow_mut(|cache| {
            let formatter = cache
                .entry((tag, grouping))
                .or_insert_with(|| number_formatter(tag, grouping));
            match (formatter, text.parse::<Decimal>()) {
                (Some(f), Ok(d)) => f.format(&d).to_string(),
                _ => text,
            }
        })
    }

    fn date_formatter(tag: &str, style: DateStyle) -> Option<DateFormatter> {
        let prefs = locale(tag)?.into();
        Some(match style {
            DateStyle::YearMonth => DateFormatter::Month(
                FixedCalendarDateTimeFormatter::try_new(prefs, YM::long()).ok()?,
            ),
            DateStyle::Day => DateFormatter::Day(
                FixedCalendarDateTimeFormatter::try_new(prefs, YMD::long()).ok()?,
            ),
            DateStyle::DayShort => DateFormatter::Day(
                FixedCalendarDateTimeFormatter::try_new(prefs, YMD::medium()).ok()?,
            ),
        })
    }

    pub fn date(tag: &'static str, (year, month, day): (i32, u8, u8), style: DateStyle) -> String {
        let fallback = || format!("{year:04}-{month:02}-{day:02}");
        let Ok(date) = Date::try_new_gregorian(year, month, day) else {
            return fallback();
        };
        DATES.with_borrow_mut(|cache| {
            let formatter = cache
                .entry((tag, style as u8))
                .or_insert_with(|| date_formatter(tag, style));
            match formatter {
                Some(DateFormatter::Month(f)) => f.format(&date).to_string(),
                Some(DateFormatter::Day(f)) => f.format(&date).to_string(),
                None => fallback(),
            }
        })
    }
}

#[cfg(target_arch = "wasm32")]
mod backend {
    //! The browser's `Intl`, which carries CLDR: no locale data in the wasm. Formatters are
    //! built once per locale and kept (building one costs far more than formatting).

    use super::{plain, DateStyle};
    use js_sys::{Array, Date, Function, Intl, Object, Reflect};
    use std::cell::RefCell;
    use wasm_bindgen::JsValue;

    /// A handful of formatters per page (a few locales times a few styles): a list is enough,
    /// and smaller in the wasm than a hash map.
    type Cache<K> = RefCell<Vec<(K, Function)>>;

    thread_local! {
        static NUMBERS: Cache<(&'static str, bool)> = RefCell::default();
        static DATES: Cache<(&'static str, u8)> = RefCell::default();
    }

    /// The cached formatter for `key`, made by `make` the first time.
    fn cached<K: PartialEq + Copy>(
        cache: &'static std::thread::LocalKey<Cache<K>>,
        key: K,
        make: impl FnOnce() -> Function,
    ) -> Function {
        cache.with_borrow_mut(|list| {
            if let Some((_, f)) = list.iter().find(|(k, _)| *k == key) {
                return f.clone();
            }
            let f = make();
            list.push((key, f.clone()));
            f
        })
    }

    fn options(pairs: &[(&str, JsValue)]) -> Object {
        let object = Object::new();
        for (key, value) in pairs {
            let _ = Reflect::set(&object, &JsValue::from_str(key), value);
        }
        object
    }

    fn locales(tag: &str) -> Array {
        Array::of1(&JsValue::from_str(tag))
    }

    /// `Intl.NumberFormat` is given the rounded decimal string (ES2023 formats strings
    /// exactly), so it rounds as the native backend does.
    pub fn number(tag: &'static str, value: f64, decimals: u8, grouping: bool) -> String {
        let text = plain(value, decimals);
        let format = cached(&NUMBERS, (tag, grouping), || {
            let opts = options(&[
                ("maximumFractionDigits", JsValue::from(20)),
                ("useGrouping", JsValue::from_bool(grouping)),
            ]);
            Intl::NumberFormat::new(&locales(tag), &opts).format()
        });
        format
            .call1(&JsValue::NULL, &JsValue::from_str(&text))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or(text)
    }

    fn date_format(tag: &str, style: DateStyle) -> Function {
        let numeric = || JsValue::from_str("numeric");
        let mut pairs = vec![("timeZone", JsValue::from_str("UTC")), ("year", numeric())];
        match style {
            DateStyle::YearMonth => pairs.push(("month", JsValue::from_str("long"))),
            DateStyle::Day => {
                pairs.push(("month", JsValue::from_str("long")));
                pairs.push(("day", numeric()));
            }
            DateStyle::DayShort => {
                pairs.push(("month", JsValue::from_str("short")));
                pairs.push(("day", numeric()));
            }
        }
        Intl::DateTimeFormat::new(&locales(tag), &options(&pairs)).format()
    }

    pub fn date(tag: &'static str, (year, month, day): (i32, u8, u8), style: DateStyle) -> String {
        let millis = Date::utc(f64::from(year), f64::from(month) - 1.0)
            + (f64::from(day) - 1.0) * 86_400_000.0;
        let format = cached(&DATES, (tag, style as u8), || date_format(tag, style));
        format
            .call1(&JsValue::NULL, &Date::new(&JsValue::from_f64(millis)))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| format!("{year:04}-{month:02}-{day:02}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_rounds_half_away_from_zero_from_the_shortest_digits() {
        assert_eq!(plain(2.5, 0), "3");
        assert_eq!(plain(-2.5, 0), "-3");
        assert_eq!(plain(1.005, 2), "1.01");
        assert_eq!(plain(999.96, 1), "1000");
        assert_eq!(plain(2.50, 2), "2.5");
        assert_eq!(plain(-0.0001, 0), "0");
        assert_eq!(plain(1e15, 0), "1000000000000000");
        assert_eq!(plain(0.1 + 0.2, 2), "0.3");
    }

    /// Every case of tests/formats.json (Chromium's `Intl` output, see its "about") comes out
    /// the same from the native formatters; every difference is listed at once.
    #[test]
    fn native_formats_are_the_browsers() {
        use crate::json::{self, Json};
        let text = include_str!("../../tests/formats.json");
        let Ok(doc) = json::parse(text) else {
            panic!("tests/formats.json is not JSON")
        };
        let Some(Json::Array(cases)) = doc.get("cases") else {
            panic!("tests/formats.json has no cases")
        };
        let str_of = |c: &Json, k: &str| match c.get(k) {
            Some(Json::String(s)) => s.clone(),
            _ => panic!("a case without {k}: {c}"),
        };
        let num_of = |c: &Json, k: &str| match c.get(k) {
            Some(Json::Number(n)) => *n,
            _ => panic!("a case without {k}: {c}"),
        };
        let mut wrong = Vec::new();
        for case in cases {
            let locale = Locale::from_tag(&str_of(case, "locale"));
            let got = match str_of(case, "kind").as_str() {
                "number" => format_number(
                    num_of(case, "value"),
                    locale,
                    num_of(case, "decimals") as usize,
                ),
                "percent" => format_percent(num_of(case, "value"), locale),
                "year" => format_year(num_of(case, "value") as i32, locale),
                "years" => format_years(
                    num_of(case, "first") as i32,
                    num_of(case, "last") as i32,
                    locale,
                ),
                "date" => {
                    let Ok(date) = Date::parse(&str_of(case, "date")) else {
                        panic!("a bad date: {case}")
                    };
                    format_date(
                        &date,
                        locale,
                        case.get("abbreviate") == Some(&Json::Bool(true)),
                    )
                }
                other => panic!("unknown kind {other}"),
            };
            let expected = str_of(case, "text");
            if got != expected {
                wrong.push(format!("{case}: got {got:?}"));
            }
        }
        assert!(cases.len() > 90, "only {} cases", cases.len());
        assert!(
            wrong.is_empty(),
            "{} of {} differ:\n{}",
            wrong.len(),
            cases.len(),
            wrong.join("\n")
        );
    }

    #[test]
    fn tags_carry_the_digits_for_arabic_only() {
        assert_eq!(Locale::from_tag("ar-MA-u-nu-arab").tag(), "ar-MA-u-nu-arab");
        assert_eq!(Locale::from_tag("ar").tag(), "ar-MA");
        assert_eq!(Locale::from_tag("fr-u-nu-arab").tag(), "fr");
        assert_eq!(Locale::from_tag("en-US").tag(), "en-GB");
    }
}
