//! Localized text: a plain string, or one string per language with a fallback order.

/// Human text of the dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    /// The same string in every language (names, numbers, codes).
    Plain(String),
    /// `(language code, string)` pairs in document order; never empty once decoded.
    Localized(Vec<(String, String)>),
}

impl Default for Text {
    fn default() -> Self {
        Text::Plain(String::new())
    }
}

impl Text {
    /// The text in `lang`, falling back to the dataset's default language, then English, then
    /// French, then the first language present. Readers always get *some* text rather than a
    /// blank label; which language they got is given by [`Text::resolve`].
    pub fn get<'a>(&'a self, lang: &str, default_lang: &str) -> &'a str {
        self.resolve(lang, default_lang).1
    }

    /// Like [`Text::get`], also returning the language the text is in (`None` for plain text),
    /// so that a page can mark a French quote inside an Arabic chart with `lang="fr"`.
    pub fn resolve<'a>(&'a self, lang: &str, default_lang: &str) -> (Option<&'a str>, &'a str) {
        match self {
            Text::Plain(s) => (None, s),
            Text::Localized(pairs) => {
                let find = |l: &str| pairs.iter().find(|(k, _)| k == l);
                let found = [lang, default_lang, "en", "fr"]
                    .into_iter()
                    .find_map(find)
                    .or(pairs.first());
                match found {
                    Some((k, v)) => (Some(k.as_str()), v.as_str()),
                    None => (None, ""),
                }
            }
        }
    }

    /// Whether the text has a string of its own for `lang` (plain text counts as every language).
    pub fn has(&self, lang: &str) -> bool {
        match self {
            Text::Plain(_) => true,
            Text::Localized(pairs) => pairs.iter().any(|(k, _)| k == lang),
        }
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::Plain(s.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(pairs: &[(&str, &str)]) -> Text {
        Text::Localized(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn falls_back_in_order() {
        let t = text(&[("ar", "الفئة"), ("fr", "Catégorie"), ("en", "Tier")]);
        assert_eq!(t.get("ar", "fr"), "الفئة");
        assert_eq!(t.get("de", "fr"), "Catégorie");
        assert_eq!(t.get("de", "es"), "Tier");
        let t = text(&[("ar", "الفئة"), ("fr", "Catégorie")]);
        assert_eq!(t.get("de", "es"), "Catégorie");
        let t = text(&[("ar", "الفئة")]);
        assert_eq!(t.resolve("en", "fr"), (Some("ar"), "الفئة"));
    }

    #[test]
    fn plain_text_is_every_language() {
        let t = Text::from("CNCLT");
        assert_eq!(t.get("ar", "fr"), "CNCLT");
        assert!(t.has("ar"));
        assert_eq!(t.resolve("ar", "fr").0, None);
    }
}
