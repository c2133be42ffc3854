//! Where each problem is in the file, as an editor shows it: the line and columns of the member
//! or value its JSON path names. Reading a valid dataset records no position (the widget reads
//! every dataset, and most are valid); a file with problems is read once more, recording where
//! every value is (`json::parse_with_spans`), and each path is followed in that tree.

use crate::json::{self, Json, Span};
use crate::model::{Problem, ProblemKind};

/// A place in a dataset's text: a line and the columns on it, counted from 1 in characters (not
/// bytes), as editors count them; the text after a byte-order mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// The line, from 1.
    pub line: usize,
    /// The first column of what the problem is about.
    pub column: usize,
    /// The column after it (equal to `column` for an empty place, such as the end of the
    /// file), on the same line: a member's name and value up to the end of the line.
    pub end_column: usize,
}

/// Where each of `problems` is in `text`, in order: `None` for a problem about the whole file
/// (too large, not text) and for a path the text does not have.
pub fn locate(text: &str, problems: &[Problem]) -> Vec<Option<Position>> {
    let text = json::without_bom(text);
    let lines = Lines::new(text);
    let tree = json::parse_with_spans(text).ok();
    problems
        .iter()
        .map(|p| {
            let (start, end) = match (&p.kind, &tree) {
                (ProblemKind::NotJson(e), _) => (e.offset, next_char(text, e.offset)),
                (ProblemKind::TooLarge { .. } | ProblemKind::NotText, _) => return None,
                (kind, Some((tree, spans))) => find(tree, spans, &p.path, names_a_repeat(kind))?,
                (_, None) => return None,
            };
            Some(lines.position(text, start, end))
        })
        .collect()
}

/// Whether a problem is about a member name written again: its place is the last one.
fn names_a_repeat(kind: &ProblemKind) -> bool {
    matches!(
        kind,
        ProblemKind::DuplicateMember | ProblemKind::LanguageTwice | ProblemKind::SourceKeyTwice
    )
}

/// The end of the character at `offset` (the offset itself at the end of the text or a line).
fn next_char(text: &str, offset: usize) -> usize {
    match text.get(offset..).and_then(|rest| rest.chars().next()) {
        Some('\n' | '\r') | None => offset,
        Some(c) => offset + c.len_utf8(),
    }
}

/// The bytes `[start, end)` of what `path` names: a member from its name to the end of its
/// value, an item its value, the whole file for `$`. A path that goes where the text does not
/// (a member that is missing) stops at the deepest value it reaches: the object that lacks it.
/// `last`: a member named more than once is its last occurrence (else its first, the one read).
fn find(tree: &Json, spans: &[Span], path: &str, last: bool) -> Option<(usize, usize)> {
    let (mut node, mut index, mut rest) = (tree, 0, path);
    while !rest.is_empty() {
        let step = match node {
            Json::Array(items) => item(items, rest),
            Json::Object(members) => member(members, rest, last),
            _ => None,
        };
        let Some((position, value, after)) = step else {
            break;
        };
        index = nth_child(spans, index, position)?;
        node = value;
        rest = after;
    }
    let span = spans.get(index)?;
    Some((span.key.unwrap_or(span.start), span.end))
}

/// The item `[i]` at the start of `rest`: its index, its value and the rest of the path.
fn item<'a, 'p>(items: &'a [Json], rest: &'p str) -> Option<(usize, &'a Json, &'p str)> {
    let close = rest.strip_prefix('[')?.find(']')? + 1;
    let i: usize = rest[1..close].parse().ok()?;
    Some((i, items.get(i)?, &rest[close + 1..]))
}

/// The member named at the start of `rest` (after its `.`; the file's own members have none):
/// the longest name that the path goes on from, as a name may hold a `.` or a `[`.
fn member<'a, 'p>(
    members: &'a [(String, Json)],
    rest: &'p str,
    last: bool,
) -> Option<(usize, &'a Json, &'p str)> {
    let name = rest.strip_prefix('.').unwrap_or(rest);
    let fits = |key: &str| {
        name.strip_prefix(key)
            .is_some_and(|after| after.is_empty() || after.starts_with(['.', '[']))
    };
    let mut best: Option<(usize, &Json, usize)> = None;
    for (i, (key, value)) in members.iter().enumerate() {
        let longer = best.is_none_or(|(_, _, len)| key.len() > len);
        let again = best.is_some_and(|(_, _, len)| key.len() == len) && last;
        if fits(key) && (longer || again) {
            best = Some((i, value, key.len()));
        }
    }
    best.map(|(i, value, len)| (i, value, &name[len..]))
}

/// The index in `spans` of the `n`th value inside the value at `parent` (spans are in document
/// order, each knowing where the values after it start).
fn nth_child(spans: &[Span], parent: usize, n: usize) -> Option<usize> {
    let mut i = parent + 1;
    for _ in 0..n {
        i = spans.get(i)?.after;
    }
    Some(i)
}

/// Where the lines of a text start, in bytes.
struct Lines(Vec<usize>);

impl Lines {
    fn new(text: &str) -> Lines {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        Lines(starts)
    }

    /// The position of the bytes `[start, end)`, the end cut at the end of the first line.
    fn position(&self, text: &str, start: usize, end: usize) -> Position {
        let line = self.0.partition_point(|s| *s <= start).max(1);
        let line_start = self.0[line - 1];
        let line_end = self.0.get(line).map_or(text.len(), |next| next - 1);
        let end = end.clamp(start, line_end);
        let shown = text.get(start..end).unwrap_or("").trim_end_matches('\r');
        let column = text.get(line_start..start).map_or(0, |s| s.chars().count()) + 1;
        Position {
            line,
            column,
            end_column: column + shown.chars().count(),
        }
    }
}
