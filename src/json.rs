//! A small JSON reader.
//!
//! Why not `serde_json`: the widget must report *every* problem of a dataset at once with its
//! JSON path, which a derived `Deserialize` cannot do (it stops at the first error). So the text
//! is read into a plain [`Json`] tree here, and `model::decode` walks that tree collecting
//! problems. Reading JSON ourselves also keeps `serde_json` out of the wasm (about 18 KB), gives
//! the same line/column messages natively and in the browser, and lets us bound nesting depth.
//! What is wrong with a text is a [`SyntaxKind`]; `crate::diagnostics` says it in words.

use std::fmt;

/// Deepest nesting of arrays and objects accepted. A version 1 dataset nests about 6 levels;
/// the bound keeps hostile input from exhausting the stack.
pub const MAX_DEPTH: usize = 64;

/// Most values (numbers, strings, booleans, nulls, arrays and objects, each counting one)
/// accepted in one text. The Morocco dataset has about 2,000; the bound keeps a 1 MB file of
/// tiny values (`[0,0,0,…]`, half a million of them) from taking memory and time that a page
/// cannot spare.
pub const MAX_VALUES: usize = 100_000;

/// A JSON value. Objects keep their members in document order (and any repeated keys, which
/// the decoder reports).
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, always finite: one too large for an `f64` is a syntax error.
    Number(f64),
    /// A string, its escapes decoded.
    String(String),
    /// An array, its items in order.
    Array(Vec<Json>),
    /// An object: its members as `(name, value)` pairs in document order, repeated names kept.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// What kind of value this is, in words a publisher reads ("a string", "an array").
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }

    /// The value of member `key` of an object (the first one if repeated), to change.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Json> {
        match self {
            Json::Object(members) => members.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The value of member `key` of an object (the first one if repeated).
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

impl fmt::Display for Json {
    /// Writes compact JSON text (what the browser side hands to `JSON.parse`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Json::Null => f.write_str("null"),
            Json::Bool(b) => write!(f, "{b}"),
            Json::Number(n) if n.is_finite() => f.write_str(&crate::decimal::shortest(*n)),
            Json::Number(_) => f.write_str("null"),
            Json::String(s) => write_string(f, s),
            Json::Array(items) => {
                f.write_str("[")?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    write!(f, "{item}")?;
                }
                f.write_str("]")
            }
            Json::Object(members) => {
                f.write_str("{")?;
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    write_string(f, key)?;
                    write!(f, ":{value}")?;
                }
                f.write_str("}")
            }
        }
    }
}

fn write_string(f: &mut fmt::Formatter<'_>, s: &str) -> fmt::Result {
    f.write_str("\"")?;
    for c in s.chars() {
        match c {
            '"' => f.write_str("\\\"")?,
            '\\' => f.write_str("\\\\")?,
            '\n' => f.write_str("\\n")?,
            '\r' => f.write_str("\\r")?,
            '\t' => f.write_str("\\t")?,
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                write!(f, "\\u{:04x}", c as u32)?
            }
            c => write!(f, "{c}")?,
        }
    }
    f.write_str("\"")
}

/// Builds a JSON object from `(key, value)` pairs.
pub fn object<const N: usize>(members: [(&str, Json); N]) -> Json {
    Json::Object(
        members
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    )
}

impl From<&str> for Json {
    fn from(s: &str) -> Json {
        Json::String(s.to_string())
    }
}

impl From<String> for Json {
    fn from(s: String) -> Json {
        Json::String(s)
    }
}

impl From<f64> for Json {
    fn from(n: f64) -> Json {
        Json::Number(n)
    }
}

impl<T: Into<Json>> From<Option<T>> for Json {
    fn from(v: Option<T>) -> Json {
        v.map_or(Json::Null, Into::into)
    }
}

/// A syntax error, with the 1-based line and column (in characters) where it was found. It is said
/// in words by `crate::diagnostics`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// The line, counted from 1.
    pub line: usize,
    /// The column within the line, counted from 1 in characters (not bytes).
    pub column: usize,
    /// The same place in bytes, from the start of the text (after a byte-order mark).
    pub offset: usize,
    /// What is wrong there.
    pub kind: SyntaxKind,
}

impl std::error::Error for SyntaxError {}

/// What is wrong with a text that is not JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxKind {
    /// Nothing but white space (or nothing at all).
    Empty,
    /// The text ends inside a value.
    UnexpectedEnd,
    /// Text after the end of the value.
    TrailingText,
    /// A character that starts no value.
    ExpectedValue,
    /// A `t`, `f` or `n` that does not spell `true`, `false` or `null` (the word expected).
    ExpectedLiteral(&'static str),
    /// More than [`MAX_VALUES`] values.
    TooManyValues,
    /// Nested deeper than [`MAX_DEPTH`] levels.
    TooDeep,
    /// A comma just before `}`.
    TrailingCommaInObject,
    /// A comma just before `]`.
    TrailingCommaInArray,
    /// A member name that is not a string.
    ExpectedName,
    /// No `:` after a member name.
    ExpectedColon,
    /// Neither `,` nor `}` after a member.
    ExpectedCommaOrBrace,
    /// Neither `,` nor `]` after an item.
    ExpectedCommaOrBracket,
    /// A string without its closing quote.
    UnterminatedString,
    /// A control character (a line break, a tab) written as such in a string.
    ControlCharacter,
    /// A backslash followed by a letter that escapes nothing.
    UnknownEscape,
    /// `\u` not followed by 4 hexadecimal digits.
    BadUnicodeEscape,
    /// Half of a surrogate pair in a `\u` escape.
    LoneSurrogate,
    /// A `-` without digits.
    BadNumber,
    /// A `.` without digits after it.
    DigitsAfterPoint,
    /// An exponent without digits.
    DigitsInExponent,
    /// A number too large for a 64-bit float.
    NumberOutOfRange,
}

/// Where a value is in the text, in bytes: recorded by [`parse_with_spans`] for every value, in
/// document order (a value before the values inside it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// Where the member name before the value starts (its opening quote), for a member's value.
    pub key: Option<usize>,
    /// Where the value starts.
    pub start: usize,
    /// Where it ends (exclusive).
    pub end: usize,
    /// The index of the span after this value and every value inside it: the next sibling's.
    pub after: usize,
}

/// Parses a complete JSON text (RFC 8259). A leading byte-order mark is accepted.
pub fn parse(text: &str) -> Result<Json, SyntaxError> {
    read(text, None).map(|(json, _)| json)
}

/// Parses like [`parse`], recording where every value is ([`Span`], in document order). Only a
/// text with problems needs it (to say where they are), so [`parse`] does not.
pub fn parse_with_spans(text: &str) -> Result<(Json, Vec<Span>), SyntaxError> {
    read(text, Some(Vec::new())).map(|(json, spans)| (json, spans.unwrap_or_default()))
}

/// The text of a JSON file without its byte-order mark, if it has one: where offsets count from.
pub fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

fn read(text: &str, spans: Option<Vec<Span>>) -> Result<(Json, Option<Vec<Span>>), SyntaxError> {
    let text = without_bom(text);
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        depth: 0,
        values: 0,
        spans,
        key: None,
    };
    reader.skip_ws();
    if reader.pos == reader.bytes.len() {
        return Err(reader.error(SyntaxKind::Empty));
    }
    let value = reader.value()?;
    reader.skip_ws();
    if reader.pos < reader.bytes.len() {
        return Err(reader.error(SyntaxKind::TrailingText));
    }
    Ok((value, reader.spans))
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
    values: usize,
    /// Where each value is, when asked for ([`parse_with_spans`]).
    spans: Option<Vec<Span>>,
    /// Where the member name of the value about to be read starts.
    key: Option<usize>,
}

impl Reader<'_> {
    fn error(&self, kind: SyntaxKind) -> SyntaxError {
        let offset = floor_char_boundary(self.text, self.pos);
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        SyntaxError {
            line,
            column,
            offset,
            kind,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn expect_literal(&mut self, word: &'static str, value: Json) -> Result<Json, SyntaxError> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error(SyntaxKind::ExpectedLiteral(word)))
        }
    }

    fn value(&mut self) -> Result<Json, SyntaxError> {
        self.values += 1;
        if self.values > MAX_VALUES {
            return Err(self.error(SyntaxKind::TooManyValues));
        }
        let key = self.key.take();
        let Some(spans) = &mut self.spans else {
            return self.bare_value();
        };
        let index = spans.len();
        let start = self.pos;
        spans.push(Span {
            key,
            start,
            end: start,
            after: index + 1,
        });
        let value = self.bare_value()?;
        if let Some(spans) = &mut self.spans {
            let after = spans.len();
            spans[index].end = self.pos;
            spans[index].after = after;
        }
        Ok(value)
    }

    fn bare_value(&mut self) -> Result<Json, SyntaxError> {
        match self.peek() {
            None => Err(self.error(SyntaxKind::UnexpectedEnd)),
            Some(b'{') => self.nested(Self::object),
            Some(b'[') => self.nested(Self::array),
            Some(b'"') => self.string().map(Json::String),
            Some(b't') => self.expect_literal("true", Json::Bool(true)),
            Some(b'f') => self.expect_literal("false", Json::Bool(false)),
            Some(b'n') => self.expect_literal("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error(SyntaxKind::ExpectedValue)),
        }
    }

    fn nested(
        &mut self,
        read: fn(&mut Self) -> Result<Json, SyntaxError>,
    ) -> Result<Json, SyntaxError> {
        if self.depth >= MAX_DEPTH {
            return Err(self.error(SyntaxKind::TooDeep));
        }
        self.depth += 1;
        let result = read(self);
        self.depth -= 1;
        result
    }

    fn object(&mut self) -> Result<Json, SyntaxError> {
        self.pos += 1; // '{'
        let mut members = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Json::Object(members));
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(self.error(if self.peek() == Some(b'}') {
                    SyntaxKind::TrailingCommaInObject
                } else {
                    SyntaxKind::ExpectedName
                }));
            }
            let key_start = self.pos;
            let key = self.string()?;
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.error(SyntaxKind::ExpectedColon));
            }
            self.pos += 1;
            self.skip_ws();
            self.key = Some(key_start);
            let value = self.value()?;
            members.push((key, value));
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Json::Object(members));
                }
                _ => return Err(self.error(SyntaxKind::ExpectedCommaOrBrace)),
            }
        }
    }

    fn array(&mut self) -> Result<Json, SyntaxError> {
        self.pos += 1; // '['
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Json::Array(items));
        }
        loop {
            self.skip_ws();
            if self.peek() == Some(b']') {
                return Err(self.error(SyntaxKind::TrailingCommaInArray));
            }
            items.push(self.value()?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Json::Array(items));
                }
                _ => return Err(self.error(SyntaxKind::ExpectedCommaOrBracket)),
            }
        }
    }

    fn string(&mut self) -> Result<String, SyntaxError> {
        self.pos += 1; // opening quote
        let mut out = String::new();
        loop {
            let start = self.pos;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(&self.text[start..self.pos]);
            match self.peek() {
                None => return Err(self.error(SyntaxKind::UnterminatedString)),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape(&mut out)?;
                }
                Some(_) => return Err(self.error(SyntaxKind::ControlCharacter)),
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), SyntaxError> {
        let Some(b) = self.peek() else {
            return Err(self.error(SyntaxKind::UnterminatedString));
        };
        self.pos += 1;
        let c = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(out),
            _ => return Err(self.error(SyntaxKind::UnknownEscape)),
        };
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let digits = self
            .text
            .get(self.pos..self.pos + 4)
            .filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()));
        let Some(digits) = digits else {
            return Err(self.error(SyntaxKind::BadUnicodeEscape));
        };
        self.pos += 4;
        u32::from_str_radix(digits, 16).map_err(|_| self.error(SyntaxKind::BadUnicodeEscape))
    }

    fn unicode_escape(&mut self, out: &mut String) -> Result<(), SyntaxError> {
        let first = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&first) {
            if !self.bytes[self.pos..].starts_with(b"\\u") {
                return Err(self.error(SyntaxKind::LoneSurrogate));
            }
            self.pos += 2;
            let second = self.hex4()?;
            if !(0xDC00..0xE000).contains(&second) {
                return Err(self.error(SyntaxKind::LoneSurrogate));
            }
            0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        } else {
            first
        };
        match char::from_u32(code) {
            Some(c) => {
                out.push(c);
                Ok(())
            }
            None => Err(self.error(SyntaxKind::LoneSurrogate)),
        }
    }

    fn number(&mut self) -> Result<Json, SyntaxError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error(SyntaxKind::BadNumber)),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error(SyntaxKind::DigitsAfterPoint));
            }
            self.digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error(SyntaxKind::DigitsInExponent));
            }
            self.digits();
        }
        let text = &self.text[start..self.pos];
        match crate::decimal::parse(text) {
            Some(n) if n.is_finite() => Ok(Json::Number(n)),
            _ => Err(self.error(SyntaxKind::NumberOutOfRange)),
        }
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
    }
}

/// The largest char boundary not after `i` (error positions may sit inside a multibyte char).
fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_kind_of_value() {
        let v = parse(r#" {"a": [1, -2.5e1, true, false, null], "b": "x\"\u00e9\ud83d\ude00"} "#)
            .unwrap();
        assert_eq!(
            v.get("a"),
            Some(&Json::Array(vec![
                Json::Number(1.0),
                Json::Number(-25.0),
                Json::Bool(true),
                Json::Bool(false),
                Json::Null
            ]))
        );
        assert_eq!(v.get("b"), Some(&Json::String("x\"é😀".into())));
    }

    #[test]
    fn keeps_member_order_and_arabic_text() {
        let v = parse(r#"{"z": 1, "ar": "الاتجار بالبشر", "a": 2}"#).unwrap();
        let Json::Object(members) = v else { panic!() };
        let keys: Vec<_> = members.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["z", "ar", "a"]);
        assert_eq!(members[1].1, Json::String("الاتجار بالبشر".into()));
    }

    #[test]
    fn reports_line_and_column() {
        let err = parse("{\n  \"a\": 1,\n}").unwrap_err();
        assert_eq!((err.line, err.column, err.offset), (3, 1, 12));
        assert_eq!(err.kind, SyntaxKind::TrailingCommaInObject);
        let err = parse("[1, 2,]").unwrap_err();
        assert_eq!(err.kind, SyntaxKind::TrailingCommaInArray);
        let err = parse("{\"é\": tru}").unwrap_err();
        assert_eq!((err.line, err.column), (1, 7));
    }

    #[test]
    fn rejects_what_json_does_not_allow() {
        for bad in [
            "",
            "01",
            "1.",
            "-",
            "'a'",
            "[1 2]",
            "{\"a\" 1}",
            "\"\t\"",
            "\"\\x\"",
            "NaN",
            "1e999",
            "\"\\ud800\"",
            "{} {}",
        ] {
            assert!(parse(bad).is_err(), "accepted {bad:?}");
        }
    }

    #[test]
    fn bounds_nesting_depth() {
        let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        let err = parse(&deep).unwrap_err();
        assert_eq!(err.kind, SyntaxKind::TooDeep);
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn bounds_the_number_of_values() {
        let ok = format!("[{}]", vec!["0"; MAX_VALUES - 1].join(","));
        assert!(parse(&ok).is_ok());
        let many = format!("[{}]", vec!["0"; MAX_VALUES].join(","));
        let err = parse(&many).unwrap_err();
        assert_eq!(err.kind, SyntaxKind::TooManyValues);
    }

    #[test]
    fn writes_what_it_reads() {
        let text = r#"{"a":[1,-2.5,true,null],"b":"x\"\\\n\u0001é"}"#;
        let v = parse(text).unwrap();
        assert_eq!(v.to_string(), text);
        assert_eq!(parse(&v.to_string()).unwrap(), v);
        assert_eq!(Json::Number(f64::NAN).to_string(), "null");
        assert_eq!(Json::from("\u{2028}").to_string(), "\"\\u2028\"");
    }

    #[test]
    fn an_empty_text_is_said_to_be_empty() {
        for empty in ["", " \n\t", "\u{feff}"] {
            assert_eq!(
                parse(empty).unwrap_err().kind,
                SyntaxKind::Empty,
                "{empty:?}"
            );
        }
        assert_eq!(parse("[").unwrap_err().kind, SyntaxKind::UnexpectedEnd);
    }

    #[test]
    fn records_where_each_value_is() {
        let text = "{\"a\": [1, {\"b\": null}], \"c\": \"x\"}";
        let (json, spans) = parse_with_spans(text).unwrap();
        assert_eq!(json, parse(text).unwrap());
        let at = |i: usize| {
            let s = spans[i];
            (
                s.key.map(|k| &text[k..k + 3]),
                &text[s.start..s.end],
                s.after,
            )
        };
        assert_eq!(spans.len(), 6);
        assert_eq!(at(0), (None, text, 6));
        assert_eq!(at(1), (Some("\"a\""), "[1, {\"b\": null}]", 5));
        assert_eq!(at(2), (None, "1", 3));
        assert_eq!(at(3), (None, "{\"b\": null}", 5));
        assert_eq!(at(4), (Some("\"b\""), "null", 5));
        assert_eq!(at(5), (Some("\"c\""), "\"x\"", 6));
    }

    #[test]
    fn accepts_a_byte_order_mark() {
        assert_eq!(parse("\u{feff}[]").unwrap(), Json::Array(vec![]));
    }
}
