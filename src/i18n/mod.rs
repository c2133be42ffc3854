//! The widget's own words in French, Arabic and English, text direction and number formats.

/// A language the widget speaks. Dataset text may be in any language; these are the ones the
/// widget's own strings (buttons, messages, summaries) exist in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Fr,
    Ar,
    En,
}

impl Lang {
    /// The widget language for a BCP 47 tag ("ar-MA" -> Arabic); English for anything else.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Lang::Fr,
            "ar" => Lang::Ar,
            _ => Lang::En,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::Ar => "ar",
            Lang::En => "en",
        }
    }

    pub fn is_rtl(self) -> bool {
        self == Lang::Ar
    }
}

/// The widget's own strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    /// Prefix of the source line under a chart.
    Sources,
    /// Conjunction before the last item of a list.
    And,
}

pub fn t(lang: Lang, msg: Msg) -> &'static str {
    use Lang::*;
    use Msg::*;
    match (msg, lang) {
        (Sources, Fr) => "Sources :",
        (Sources, Ar) => "المصادر:",
        (Sources, En) => "Sources:",
        (And, Fr) => " et ",
        (And, Ar) => " و",
        (And, En) => " and ",
    }
}

/// Joins items as a sentence list: "a, b and c" / "a, b et c" / "a، b وc".
pub fn join_list(lang: Lang, items: &[&str]) -> String {
    let comma = if lang == Lang::Ar { "، " } else { ", " };
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{}{}{}", init.join(comma), t(lang, Msg::And), last),
    }
}

/// Formats a count or figure the way readers of `lang` write it: French groups thousands with
/// a narrow no-break space and uses a decimal comma; Moroccan Arabic (ar-MA) groups with a dot
/// and uses a decimal comma, in Western digits; English uses commas and a decimal point.
/// At most `digits` decimals, trailing zeros dropped.
pub fn format_number(value: f64, lang: Lang, digits: usize) -> String {
    let (group, decimal) = match lang {
        Lang::Fr => ('\u{202f}', ','),
        Lang::Ar => ('.', ','),
        Lang::En => (',', '.'),
    };
    let fixed = format!("{:.*}", digits, value.abs());
    let (int, frac) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let frac = frac.trim_end_matches('0');
    let mut out = String::new();
    if value < 0.0 && fixed.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        out.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(decimal);
        out.push_str(frac);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_per_locale() {
        assert_eq!(format_number(1749.0, Lang::En, 0), "1,749");
        assert_eq!(format_number(1749.0, Lang::Fr, 0), "1\u{202f}749");
        assert_eq!(format_number(1749.0, Lang::Ar, 0), "1.749");
        assert_eq!(format_number(213.0, Lang::Fr, 0), "213");
        assert_eq!(
            format_number(1234567.5, Lang::Fr, 1),
            "1\u{202f}234\u{202f}567,5"
        );
        assert_eq!(format_number(2.50, Lang::En, 2), "2.5");
        assert_eq!(format_number(-3.0, Lang::En, 0), "-3");
        assert_eq!(format_number(-0.0001, Lang::En, 0), "0");
    }

    #[test]
    fn languages_and_lists() {
        assert_eq!(Lang::from_tag("ar-MA"), Lang::Ar);
        assert_eq!(Lang::from_tag("FR"), Lang::Fr);
        assert_eq!(Lang::from_tag("de"), Lang::En);
        assert!(Lang::Ar.is_rtl());
        assert_eq!(join_list(Lang::En, &["a", "b", "c"]), "a, b and c");
        assert_eq!(join_list(Lang::Fr, &["a", "b"]), "a et b");
        assert_eq!(join_list(Lang::Ar, &["أ", "ب", "ج"]), "أ، ب وج");
    }
}
