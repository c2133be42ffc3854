//! Dataset text inside the widget's own lines, in either direction: the one rule for the
//! direction isolates (U+2066 LRI, U+2067 RLI, U+2068 FSI … U+2069 PDI) that keep mixed Arabic
//! and Latin text in order.
//!
//! A dataset's Arabic note may hold a Latin name ("… موقع Bladi.net (نقلا عن TelQuel)"), an
//! English label may hold an Arabic word, and a French title may sit in an Arabic sentence.
//! Left to the Unicode bidirectional algorithm, the neutral characters at the edges of such a
//! run (a hyphen, a full stop, brackets) take the direction of the text around it, and a line
//! break inside the run scatters it ("(-pmp-persons" / "prosecuted)."). Isolating each run of
//! the other direction, and the whole text when it starts in the other direction, keeps every
//! part where it belongs in HTML and on the canvas alike.

const LRI: char = '\u{2066}';
const RLI: char = '\u{2067}';
const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

/// The direction of a strongly directional character: `Some(true)` right to left (Hebrew,
/// Arabic, their presentation forms), `Some(false)` left to right (letters of other scripts),
/// `None` for digits, punctuation, spaces and marks.
fn strong(c: char) -> Option<bool> {
    match c {
        '\u{0590}'..='\u{08ff}' | '\u{fb1d}'..='\u{fdff}' | '\u{fe70}'..='\u{fefc}' => {
            // Arabic-Indic digits and the Arabic comma and marks are not strong letters
            (c.is_alphabetic() && !c.is_numeric()).then_some(true)
        }
        _ if c.is_alphabetic() => Some(false),
        _ => None,
    }
}

/// `text` first-strong isolated: its own first letter sets its direction, whatever surrounds it
/// (each publisher of a source line, so the separators stay between them).
pub fn isolate(text: &str) -> String {
    format!("{FSI}{text}{PDI}")
}

/// One line of a chart drawn on a canvas that stays `dir="ltr"` (which keeps plotters' anchors
/// right): in right-to-left layouts a right-to-left isolate, so that a line mixing Arabic with
/// Latin names and numbers reads from the right; otherwise first-strong isolated, so an Arabic
/// title in an English chart keeps its brackets and full stop in place.
pub fn line(text: &str, rtl: bool) -> String {
    let open = if rtl { RLI } else { FSI };
    format!("{open}{text}{PDI}")
}

/// `text` isolated left to right: code (a JSON path, a member name) in a right-to-left line.
pub fn ltr(text: &str) -> String {
    format!("{LRI}{text}{PDI}")
}

/// `text` without any direction isolate (the CSV's cells: data, not display).
pub fn strip(text: &str) -> String {
    text.chars().filter(|c| !(LRI..=PDI).contains(c)).collect()
}

/// Whether `text` has a character of the right-to-left scripts.
pub fn has_rtl(text: &str) -> bool {
    text.chars().any(|c| strong(c) == Some(true))
}

/// `text` made ready to stand in a line that runs right to left (`rtl`) or left to right: each
/// run of the other direction isolated (LRI or RLI … PDI), and the whole text first-strong
/// isolated (FSI … PDI) when its first letter runs the other way, so that its own brackets
/// and full stop stay with it. Text already isolated is left as it is.
pub fn embed(text: &str, rtl: bool) -> String {
    if text.contains([LRI, RLI, FSI]) {
        return text.to_string();
    }
    let first = text.chars().find_map(strong);
    // text wholly of the other direction needs no runs of its own inside its isolate
    let mixed = text.chars().any(|c| strong(c) == Some(rtl));
    let inner = if mixed {
        isolate_runs(text, rtl)
    } else {
        text.to_string()
    };
    match first {
        Some(first) if first != rtl => format!("{FSI}{inner}{PDI}"),
        _ => inner,
    }
}

/// The runs of `text` that go against the line's direction, each isolated: a run starts at a
/// letter of the other direction and ends at the last such letter (or a digit right after
/// it) before a letter of the line's own direction, so the punctuation around it stays in the
/// sentence; a closing bracket whose opening one is inside the run goes inside too.
fn isolate_runs(text: &str, rtl: bool) -> String {
    let opening = if rtl { LRI } else { RLI };
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        if strong(chars[i]) != Some(!rtl) {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let end = run_end(&chars, i, rtl);
        out.push(opening);
        out.extend(&chars[i..end]);
        out.push(PDI);
        i = end;
    }
    out
}

/// The end (exclusive) of the run of the other direction that starts at `start`.
fn run_end(chars: &[char], start: usize, rtl: bool) -> usize {
    let mut end = start + 1;
    for (j, &c) in chars.iter().enumerate().skip(start + 1) {
        match strong(c) {
            Some(d) if d == rtl => break,
            Some(_) => end = j + 1,
            None if c.is_numeric() && end == j => end = j + 1,
            None => {}
        }
    }
    let run = &chars[start..end];
    for (open, close) in [('(', ')'), ('[', ']')] {
        let unclosed = run.iter().filter(|&&c| c == open).count()
            > run.iter().filter(|&&c| c == close).count();
        if unclosed && chars.get(end) == Some(&close) {
            end += 1;
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_runs_in_arabic_are_isolated_with_their_inner_punctuation() {
        let note = "انظر pmp-persons-prosecuted.";
        assert_eq!(
            embed(note, true),
            "انظر \u{2066}pmp-persons-prosecuted\u{2069}."
        );
        let quoted = "أورده موقع Bladi.net (نقلا عن TelQuel).";
        assert_eq!(
            embed(quoted, true),
            "أورده موقع \u{2066}Bladi.net\u{2069} (نقلا عن \u{2066}TelQuel\u{2069})."
        );
        let bracket = "المصدر: US State Dept (via ecoi.net)";
        assert_eq!(
            embed(bracket, true),
            "المصدر: \u{2066}US State Dept (via ecoi.net)\u{2069}"
        );
        // a number apart from the Latin word belongs to the sentence
        assert_eq!(
            embed("تقرير TIP 2024", true),
            "تقرير \u{2066}TIP\u{2069} 2024"
        );
    }

    #[test]
    fn text_that_starts_the_other_way_is_isolated_whole() {
        assert_eq!(
            embed("Prosecutions (TIP).", true),
            "\u{2068}Prosecutions (TIP).\u{2069}"
        );
        assert_eq!(
            embed("Prosecutions (تقرير)", true),
            "\u{2068}\u{2066}Prosecutions\u{2069} (تقرير)\u{2069}"
        );
        assert_eq!(
            embed("المتابعات (TIP)", false),
            "\u{2068}\u{2067}المتابعات\u{2069} (TIP)\u{2069}"
        );
        // text in the line's own direction, numbers and isolated text are left alone
        assert_eq!(
            embed("Prosecutions 2024 (TIP)", false),
            "Prosecutions 2024 (TIP)"
        );
        assert_eq!(embed("المتابعات ٢٠٢٤", true), "المتابعات ٢٠٢٤");
        assert_eq!(embed("\u{2068}x\u{2069}", true), "\u{2068}x\u{2069}");
        assert!(has_rtl("abc ب") && !has_rtl("abc 2024"));
    }
}
