//! What is wrong with a dataset, in words: each [`ProblemKind`] and [`SyntaxKind`] said in
//! French, Arabic or English ([`message`]), where it is in the file ([`locate`]), and the
//! reports built of them: the widget's error ([`load_error`]), the checker page's ([`check`]),
//! and the English of the command line (the `Display` of [`Problem`], [`LoadError`] and
//! [`SyntaxError`]).
//!
//! The validator (`crate::model`) and the JSON reader only say *what* is wrong, as codes; every
//! word about it lives here and in `catalog.rs`, which nothing needs while a valid dataset is
//! read and drawn: the part of the wasm that a split may load only when a dataset is refused.

mod catalog;
mod locate;
pub mod report;

use std::fmt;

pub use locate::{locate, Position};
pub use report::check;

use crate::decimal;
use crate::i18n::{self, bidi, Lang, Msg};
use crate::json::{SyntaxError, SyntaxKind, MAX_DEPTH, MAX_VALUES};
use crate::model::limits::{MAX_FILE_BYTES, MAX_PROBLEMS, MAX_PROBLEM_CHARS};
use crate::model::{shorten, DateError, LoadError, Problem, ProblemKind};

/// A message in words: text whose odd parts are code (JSON member names and values, addresses),
/// which a page sets apart and reads left to right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// `[text, code, text, …]`, starting with text (which may be empty).
    pub parts: Vec<String>,
}

impl Message {
    /// The message as plain text: its code as it is, isolated left to right in Arabic (so that
    /// a member name keeps its place in a right-to-left line).
    pub fn plain(&self, lang: Lang) -> String {
        let mut out = String::new();
        for (i, part) in self.parts.iter().enumerate() {
            if i % 2 == 1 && lang.is_rtl() {
                out.push_str(&bidi::ltr(part));
            } else {
                out.push_str(part);
            }
        }
        out
    }

    /// The message cut to `max` characters, with "…" where cut.
    fn cut(mut self, max: usize) -> Message {
        let mut left = max;
        for (i, part) in self.parts.iter_mut().enumerate() {
            let n = part.chars().count();
            if n > left {
                *part = shorten(part, left);
                self.parts.truncate(i + 1);
                break;
            }
            left -= n;
        }
        self
    }

    /// Another message after this one, their parts kept apart.
    fn then(mut self, next: Message) -> Message {
        // the first part of `next` is text: it joins this message's last part if that is text
        let ends_in_text = self.parts.len() % 2 == 1;
        let mut next = next.parts.into_iter();
        if let (Some(last), Some(first)) = (self.parts.last_mut(), next.next()) {
            if ends_in_text {
                last.push_str(&first);
            } else {
                self.parts.push(first);
            }
        }
        self.parts.extend(next);
        self
    }
}

/// An argument of a message: the catalog's own words (which may hold code, between backticks)
/// or a value from the data (never read as a template).
enum Arg {
    Word(&'static str),
    Value(String),
}

/// A value as an argument.
fn val(value: impl ToString) -> Arg {
    Arg::Value(value.to_string())
}

/// The catalog's words for `key` of `table` as an argument.
fn word<K>(table: &[(K, [&'static str; 3])], key: &K, lang: Lang) -> Arg {
    Arg::Word(texts_of(table, key, lang))
}

/// The text of `lang` of `texts` (`[French, Arabic, English]`).
fn pick(texts: &[&'static str; 3], lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => texts[0],
        Lang::Ar => texts[1],
        Lang::En => texts[2],
    }
}

/// The texts of `key` in a catalog table, found by its variant; "" if the table lacks it.
fn texts_of<K>(table: &[(K, [&'static str; 3])], key: &K, lang: Lang) -> &'static str {
    let wanted = std::mem::discriminant(key);
    table
        .iter()
        .find(|(k, _)| std::mem::discriminant(k) == wanted)
        .map_or("", |(_, texts)| pick(texts, lang))
}

/// `template` with its `{i}` replaced by `args`: the catalog's words first (their code marked
/// with backticks too), then the split into text and code, then the values, so that a value
/// with a backtick stays what it is.
fn fill(template: &str, args: &[Arg]) -> Message {
    let slot = |i: usize| format!("{{{i}}}");
    let mut text = template.to_string();
    for (i, arg) in args.iter().enumerate() {
        if let Arg::Word(word) = arg {
            text = text.replace(&slot(i), word);
        }
    }
    let parts = text
        .split('`')
        .map(|part| {
            let mut part = part.to_string();
            for (i, arg) in args.iter().enumerate() {
                if let Arg::Value(value) = arg {
                    if part.contains(&slot(i)) {
                        part = part.replace(&slot(i), value);
                    }
                }
            }
            part
        })
        .collect();
    Message { parts }
}

/// What `kind` says, in `lang`, cut to [`MAX_PROBLEM_CHARS`] characters.
pub fn message(kind: &ProblemKind, lang: Lang) -> Message {
    let message = match kind {
        ProblemKind::NotJson(e) => not_json(e, lang, &catalog::NOT_JSON),
        ProblemKind::BadDate { text, error } => {
            let detail = match error {
                DateError::NoMonth(month) => val(month),
                DateError::NoDay { days } => val(days),
                DateError::Shape => val(""),
            };
            fill(texts_of(catalog::DATES, error, lang), &[val(text), detail])
        }
        _ => fill(texts_of(catalog::PROBLEMS, kind, lang), &args(kind, lang)),
    };
    message.cut(MAX_PROBLEM_CHARS)
}

/// A syntax error with where it is (`at`: [`catalog::NOT_JSON`] or [`catalog::AT`]); an empty
/// file is only said to be empty.
fn not_json(e: &SyntaxError, lang: Lang, at: &[&'static str; 3]) -> Message {
    if e.kind == SyntaxKind::Empty {
        return syntax_message(e.kind, lang);
    }
    let place = [val(e.line), val(e.column)];
    fill(pick(at, lang), &place).then(syntax_message(e.kind, lang))
}

/// What is wrong with a text that is not JSON, in `lang`.
pub fn syntax_message(kind: SyntaxKind, lang: Lang) -> Message {
    let arg = match kind {
        SyntaxKind::ExpectedLiteral(word) => Arg::Word(word),
        SyntaxKind::TooManyValues => val(MAX_VALUES),
        SyntaxKind::TooDeep => val(MAX_DEPTH),
        _ => val(""),
    };
    fill(texts_of(catalog::SYNTAX, &kind, lang), &[arg])
}

/// The arguments of a problem's message, in the order of its `{0}`, `{1}`…
fn args(kind: &ProblemKind, lang: Lang) -> Vec<Arg> {
    match kind {
        ProblemKind::TooLarge { bytes } => vec![val(bytes), val(MAX_FILE_BYTES)],
        ProblemKind::MoreProblems { unlisted } => vec![val(unlisted), val(MAX_PROBLEMS)],
        ProblemKind::TooMany { what, max, found } => {
            vec![val(max), word(catalog::COUNTED, what, lang), val(found)]
        }
        ProblemKind::TooLong { chars, max } => vec![val(chars), val(max)],
        ProblemKind::Expected { wanted, found } => {
            vec![
                word(catalog::SHAPES, wanted, lang),
                word(catalog::SHAPES, found, lang),
            ]
        }
        ProblemKind::UnknownMember { allowed } => vec![val(allowed.join(", "))],
        ProblemKind::UnknownMemberNear { near } => vec![val(near)],
        ProblemKind::NotWhole { number }
        | ProblemKind::Negative { number }
        | ProblemKind::ProgressRange { number } => vec![val(decimal::shortest(*number))],
        ProblemKind::TooBig { number } => vec![val(decimal::scientific(*number))],
        ProblemKind::OutOfRange { number, min, max } => {
            vec![val(decimal::shortest(*number)), val(min), val(max)]
        }
        ProblemKind::NotOneOf { value, what, names } => {
            vec![
                val(value),
                word(catalog::CHOICES, what, lang),
                val(names.join(", ")),
            ]
        }
        ProblemKind::NumberInQuotes { text: s }
        | ProblemKind::BadId { value: s }
        | ProblemKind::BadLanguage { value: s }
        | ProblemKind::UnknownSource { key: s }
        | ProblemKind::BadCountry { value: s }
        | ProblemKind::LanguageListedTwice { lang: s }
        | ProblemKind::UnknownSubject { code: s } => vec![val(s)],
        ProblemKind::DuplicateId { id: a, first: b }
        | ProblemKind::DefaultLanguage {
            lang: a,
            languages: b,
        }
        | ProblemKind::SubjectTwice { code: a, first: b }
        | ProblemKind::NotALevel { id: a, levels: b }
        | ProblemKind::MilestoneOrder {
            date: a,
            previous: b,
        } => vec![val(a), val(b)],
        ProblemKind::NotAnId { id, list } => vec![val(id), val(list)],
        ProblemKind::LevelAndPlacement { placement, level } => vec![val(placement), val(level)],
        ProblemKind::RatedTwice { code, scale, first } => vec![val(code), val(scale), val(first)],
        ProblemKind::FormatVersion { version } => vec![val(version)],
        ProblemKind::PeriodReversed { start, end } => vec![val(start), val(end)],
        ProblemKind::YearRepeated { year } => vec![val(year)],
        ProblemKind::YearOrder { year, previous } => vec![val(year), val(previous)],
        ProblemKind::DeclaredTooFew { declared, listed } => vec![val(declared), val(listed)],
        ProblemKind::RankOrder { rank, previous } => vec![val(rank), val(previous)],
        ProblemKind::RankAboveDeclared { rank, declared } => vec![val(rank), val(declared)],
        _ => Vec::new(),
    }
}

/// What a reader is told when a dataset cannot be read, in `lang`: that the file is not JSON
/// (and where), or not a valid dataset, with its problems (`path: message`, a line each).
pub fn load_error(error: &LoadError, lang: &str) -> String {
    let ui = Lang::from_tag(lang);
    match error {
        LoadError::Syntax(e) => {
            let what = not_json(e, ui, &catalog::AT).plain(ui);
            i18n::tf(ui, Msg::ErrorJson, &[&what])
        }
        e => {
            let mut out = i18n::t(ui, Msg::ErrorInvalid).to_string();
            for p in e.problems().iter() {
                out.push('\n');
                // a path is code: left to right, also in a right-to-left line
                if ui.is_rtl() {
                    out.push_str(&bidi::ltr(&p.path));
                } else {
                    out.push_str(&p.path);
                }
                out.push_str(": ");
                out.push_str(&message(&p.kind, ui).plain(ui));
            }
            out
        }
    }
}

impl fmt::Display for Problem {
    /// `path: message`, in English (the command line's words).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = message(&self.kind, Lang::En).plain(Lang::En);
        write!(f, "{}: {message}", self.path)
    }
}

impl fmt::Display for LoadError {
    /// Every problem, a line each, in English.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems().iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl fmt::Display for SyntaxError {
    /// `line L, column C: what`, in English.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&not_json(self, Lang::En, &catalog::AT).plain(Lang::En))
    }
}

#[cfg(test)]
mod tests;
