//! What every chart view has around its plot: title, legend, source line, margins, and the
//! mirroring of all of it for right-to-left languages.

use super::measure::Measure;
use super::scene::{Align, Baseline, Chrome, Color, LegendItem, Mark, Scene, Shape, Target};
use super::theme::Theme;

pub const PAD: f64 = 12.0;

/// Below this chart width the views stack what sits side by side on wider screens: a board's
/// status columns, the progress view's labels over their bars, the timeline's list instead of
/// its axis (the default heights of `chart::view` follow it).
pub const NARROW_BELOW: f64 = 560.0;

/// The space between the items of a board or a list, from the roomiest to the least before
/// items are left out.
pub struct Spacing {
    pub roomy: f64,
    /// When the canvas is short.
    pub compact: f64,
    pub tight: f64,
}

/// Between two cards of a board, and inside a card.
pub const CARDS: Spacing = Spacing {
    roomy: 8.0,
    compact: 5.0,
    tight: 3.0,
};

/// Between two rows of bars: even compact, clearly more than between a label and its bar when
/// the label sits above it, so that each label reads as belonging to the bar below.
pub const ROWS: Spacing = Spacing {
    roomy: 12.0,
    compact: 7.0,
    tight: 5.0,
};

/// Text sizes, smaller on narrow screens so that a 320 px column still holds the chart.
pub struct Sizes {
    pub title: f64,
    pub label: f64,
    pub small: f64,
}

impl Sizes {
    pub fn for_width(width: f64) -> Sizes {
        if width < 480.0 {
            Sizes {
                title: 14.0,
                label: 11.0,
                small: 10.0,
            }
        } else {
            Sizes {
                title: 17.0,
                label: 12.0,
                small: 11.0,
            }
        }
    }
}

/// How a line of text is set.
#[derive(Debug, Clone, Copy)]
pub struct TextStyle {
    pub size: f64,
    pub bold: bool,
    pub color: Color,
    pub align: Align,
    pub baseline: Baseline,
}

impl TextStyle {
    /// Text hanging from its y.
    pub fn hanging(size: f64, bold: bool, color: Color, align: Align) -> TextStyle {
        TextStyle {
            size,
            bold,
            color,
            align,
            baseline: Baseline::Top,
        }
    }

    /// A line of `text` at (x, y) in this style.
    pub fn mark(self, x: f64, y: f64, text: String) -> Mark {
        Mark::Text {
            x,
            y,
            text,
            size: self.size,
            bold: self.bold,
            color: self.color,
            align: self.align,
            baseline: self.baseline,
        }
    }
}

/// Lays out the frame of a chart: collects its title, legend and source line, draws them when
/// `decorate` is set (exported images) or leaves them to the page (the widget's HTML layer),
/// and gives the rectangle left for the plot.
pub struct Frame<'a> {
    pub width: f64,
    pub height: f64,
    pub rtl: bool,
    /// The reader's language and digits, for every number, year and date drawn.
    pub locale: crate::i18n::Locale,
    pub decorate: bool,
    pub theme: &'a Theme,
    pub measure: &'a dyn Measure,
    pub sizes: Sizes,
    pub marks: Vec<Mark>,
    pub chrome: Chrome,
}

impl<'a> Frame<'a> {
    pub fn new(view: &'a super::View, measure: &'a dyn Measure) -> Self {
        Frame {
            width: view.width,
            height: view.height,
            rtl: view.ui_lang().is_rtl(),
            locale: view.ui_lang(),
            decorate: view.decorate,
            theme: &view.theme,
            measure,
            sizes: Sizes::for_width(view.width),
            marks: Vec::new(),
            chrome: Chrome::default(),
        }
    }

    /// The chart's title; returns the top of what follows.
    pub fn title(&mut self, text: &str) -> f64 {
        self.chrome.title = text.to_string();
        if !self.decorate {
            return PAD;
        }
        let (size, color) = (self.sizes.title, self.theme.text);
        self.paragraph(text, PAD, size, true, color, 2) + 6.0
    }

    /// The scene's finished parts: marks, chrome.
    pub fn finish(self) -> (Vec<Mark>, Chrome) {
        (self.marks, self.chrome)
    }

    /// A marker of `shape` and `color` on each of `targets`, outlined in the background colour
    /// so that it stays visible where lines cross.
    pub fn markers(&mut self, targets: &[Target], shape: Shape, color: Color) {
        for t in targets {
            self.marks.push(Mark::Marker {
                x: t.x,
                y: t.y,
                size: 7.0,
                shape,
                fill: color,
                stroke: self.theme.background,
            });
        }
    }

    /// The finished scene, with the data drawn (`targets`) and the plot area.
    pub fn into_scene(self, targets: Vec<Target>, plot: (f64, f64, f64, f64)) -> Scene {
        Scene {
            width: self.width,
            height: self.height,
            background: self.theme.background,
            marks: self.marks,
            targets,
            plot,
            bands: Vec::new(),
            chrome: self.chrome,
        }
    }

    /// The x of a point `x` pixels from the reading start edge (left, or right in RTL).
    pub fn at_start(&self, x: f64) -> f64 {
        if self.rtl {
            self.width - x
        } else {
            x
        }
    }

    /// A line of text as drawn (see `i18n::bidi::line`).
    pub fn directed(&self, text: String) -> String {
        crate::i18n::bidi::line(&text, self.rtl)
    }

    /// Small text hanging from its y, against the reading start edge.
    pub fn small_text(&self, color: Color, bold: bool) -> TextStyle {
        TextStyle::hanging(self.sizes.small, bold, color, self.start_align())
    }

    /// The text alignment that puts text against the reading start edge.
    pub fn start_align(&self) -> Align {
        if self.rtl {
            Align::Right
        } else {
            Align::Left
        }
    }

    /// Adds wrapped text lines at the reading start edge from `top`; returns the new top.
    pub fn paragraph(
        &mut self,
        text: &str,
        top: f64,
        size: f64,
        bold: bool,
        color: Color,
        max_lines: usize,
    ) -> f64 {
        let width = self.width - 2.0 * PAD;
        let lines = wrap(text, width, size, bold, self.measure, max_lines);
        let line_height = (size * 1.3).round();
        let mut y = top;
        for line in lines {
            self.marks.push(Mark::Text {
                x: self.at_start(PAD),
                y,
                text: self.directed(line),
                size,
                bold,
                color,
                align: self.start_align(),
                baseline: Baseline::Top,
            });
            y += line_height;
        }
        y
    }

    /// Adds the legend entries, flowing from the reading start edge and wrapping; an entry too
    /// long for a line of its own wraps onto two. Returns the new top.
    pub fn legend(&mut self, entries: Vec<LegendItem>, top: f64) -> f64 {
        self.chrome.legend = entries;
        if !self.decorate {
            return top;
        }
        let entries = std::mem::take(&mut self.chrome.legend);
        let top = self.draw_legend(&entries, top);
        self.chrome.legend = entries;
        top
    }

    fn draw_legend(&mut self, entries: &[LegendItem], top: f64) -> f64 {
        let size = self.sizes.label;
        let swatch = 22.0;
        let line_height = (size * 1.6).round();
        let text_room = self.width - 2.0 * PAD - swatch - 6.0;
        let (mut x, mut y, mut row_height) = (PAD, top, line_height);
        for entry in entries {
            let lines = wrap(&entry.label, text_room, size, false, self.measure, 2);
            let text_width = lines
                .iter()
                .map(|l| self.measure.width(l, size, false))
                .fold(0.0, f64::max);
            let entry_width = swatch + 6.0 + text_width;
            if x > PAD && x + entry_width > self.width - PAD {
                x = PAD;
                y += row_height;
                row_height = line_height;
            }
            let cy = y + line_height / 2.0 - 2.0;
            let (a, b) = (self.at_start(x), self.at_start(x + swatch));
            let color = if entry.hidden {
                self.theme.grid
            } else {
                entry.color
            };
            self.marks.push(Mark::Line {
                points: vec![(a, cy), (b, cy)],
                color,
                width: 2.0,
                dash: entry.dash,
            });
            self.marks.push(Mark::Marker {
                x: (a + b) / 2.0,
                y: cy,
                size: 7.0,
                shape: entry.shape,
                fill: color,
                stroke: self.theme.background,
            });
            for (i, line) in lines.iter().enumerate() {
                self.marks.push(Mark::Text {
                    x: self.at_start(x + swatch + 6.0),
                    y: cy + i as f64 * (size * 1.3).round(),
                    text: self.directed(line.clone()),
                    size,
                    bold: false,
                    color: self.theme.text,
                    align: self.start_align(),
                    baseline: Baseline::Middle,
                });
            }
            row_height =
                row_height.max(line_height + (lines.len() as f64 - 1.0) * (size * 1.3).round());
            x += entry_width + 16.0;
        }
        if entries.is_empty() {
            top
        } else {
            y + row_height + 4.0
        }
    }

    /// Adds the source line at the bottom, on at most three lines; returns the y above it.
    pub fn footer(&mut self, text: &str) -> f64 {
        self.footer_lines(text, 3)
    }

    /// Adds the source line at the bottom, on at most `max_lines` lines; returns the y above it.
    pub fn footer_lines(&mut self, text: &str, max_lines: usize) -> f64 {
        self.chrome.source = text.to_string();
        if !self.decorate {
            return self.height - PAD;
        }
        let size = self.sizes.small;
        let width = self.width - 2.0 * PAD;
        let lines = wrap(text, width, size, false, self.measure, max_lines);
        let line_height = (size * 1.35).round();
        let top = self.height - PAD - line_height * lines.len() as f64;
        self.paragraph(text, top, size, false, self.theme.muted, max_lines);
        top - 8.0
    }
}

/// Splits `text` into lines no wider than `width`, at spaces where possible; the last allowed
/// line ends with "…" when text is left over.
///
/// Every measure is a `measureText` call in the browser, and a board wraps hundreds of labels
/// per layout, so the work is kept near one measure per word: a line's width is the sum of its
/// words and spaces (text is measured whole only when that sum is within 2 % of the width, where
/// kerning could decide), words too long for a line and the ellipsis are cut by bisection, and
/// measuring stops one line past the last.
pub fn wrap(
    text: &str,
    width: f64,
    size: f64,
    bold: bool,
    m: &dyn Measure,
    max_lines: usize,
) -> Vec<String> {
    let measure = |s: &str| m.width(s, size, bold);
    let fits = |s: &str| measure(s) <= width;
    let space = measure(" ");
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut current_width = 0.0;
    for word in text.split_whitespace() {
        if lines.len() > max_lines {
            break;
        }
        // a word of hundreds of characters is not measured whole: it goes to the cutting below
        let word_width = if word.len() <= LONG_WORD_BYTES {
            measure(word)
        } else {
            f64::INFINITY
        };
        if !current.is_empty() {
            let sum = current_width + space + word_width;
            let joined = || format!("{current} {word}");
            if sum <= width * 0.98 || sum <= width * 1.02 && fits(&joined()) {
                current = joined();
                current_width = sum;
                continue;
            }
            lines.push(std::mem::take(&mut current));
        }
        if word_width <= width {
            (current, current_width) = (word.to_string(), word_width);
            continue;
        }
        // a word longer than a line is cut where it overflows
        let mut rest = word;
        while !rest.is_empty() && lines.len() <= max_lines {
            let cut = longest_prefix(rest, |p| fits(p)).max(next_char(rest));
            if cut == rest.len() {
                (current, current_width) = (rest.to_string(), measure(rest));
                break;
            }
            lines.push(rest[..cut].to_string());
            rest = &rest[cut..];
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            let keep = longest_prefix(last, |p| fits(&format!("{p}…")));
            last.truncate(keep);
            last.push('…');
        }
    }
    balance_isolates(lines)
}

/// Closes, at the end of each line, the bidi isolates (U+2066-U+2068 ... U+2069) that the line
/// opened and did not close, and opens them again at the start of the next line: a line is laid
/// out on its own, so an isolate cut by a line break would otherwise leave "(via" at the end of
/// one Arabic line and the rest of the Latin name out of order on the next.
fn balance_isolates(lines: Vec<String>) -> Vec<String> {
    const PDI: char = '\u{2069}';
    let mut open: Vec<char> = Vec::new();
    lines
        .into_iter()
        .map(|line| {
            let mut out: String = open.iter().collect();
            for c in line.chars() {
                match c {
                    '\u{2066}'..='\u{2068}' => open.push(c),
                    PDI => {
                        open.pop();
                    }
                    _ => {}
                }
                out.push(c);
            }
            out.extend(std::iter::repeat_n(PDI, open.len()));
            out
        })
        .collect()
}

/// Words longer than this (in bytes) are cut without first measuring them whole.
const LONG_WORD_BYTES: usize = 256;

/// The byte length of the first character of `text` (0 when empty).
fn next_char(text: &str) -> usize {
    text.chars().next().map_or(0, char::len_utf8)
}

/// The byte length of the longest prefix of `text` (cut between characters) for which `ok`
/// holds, assuming that shorter prefixes are never worse: found by doubling then bisection, so
/// a 2,000-character word costs a dozen measures of strings about a line long.
fn longest_prefix(text: &str, ok: impl Fn(&str) -> bool) -> usize {
    let ends: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .skip(1)
        .chain(std::iter::once(text.len()))
        .collect();
    // ends[k] is the byte end of the first k + 1 characters; find the largest k that is ok
    let (mut good, mut bad) = (None, None);
    let mut probe = 0;
    while probe < ends.len() {
        if ok(&text[..ends[probe]]) {
            good = Some(probe);
            probe = probe * 2 + 1;
        } else {
            bad = Some(probe);
            break;
        }
    }
    let (Some(mut low), mut high) = (good, bad.unwrap_or(ends.len())) else {
        return 0;
    };
    while high - low > 1 {
        let mid = low + (high - low) / 2;
        if ok(&text[..ends[mid]]) {
            low = mid;
        } else {
            high = mid;
        }
    }
    ends[low]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::measure::Estimate;

    #[test]
    fn wraps_at_spaces_and_ellipsizes() {
        let lines = wrap(
            "one two three four five six",
            60.0,
            10.0,
            false,
            &Estimate,
            9,
        );
        assert!(lines.len() > 1);
        assert!(
            lines.iter().all(|l| Estimate.width(l, 10.0, false) <= 60.0),
            "{lines:?}"
        );
        assert_eq!(lines.join(" "), "one two three four five six");
        let cut = wrap(
            "one two three four five six",
            60.0,
            10.0,
            false,
            &Estimate,
            1,
        );
        assert_eq!(cut.len(), 1);
        assert!(cut[0].ends_with('…'));
    }

    #[test]
    fn isolates_cut_by_a_line_break_are_closed_and_reopened() {
        let text = "\u{2067}المصادر: \u{2068}US State Dept (via ecoi.net)\u{2069}؛ \u{2068}Andrew Heiss\u{2069}\u{2069}";
        let lines = wrap(text, 120.0, 10.0, false, &Estimate, 9);
        assert!(lines.len() > 1, "{lines:?}");
        for line in &lines {
            let opens = line
                .chars()
                .filter(|c| ('\u{2066}'..='\u{2068}').contains(c))
                .count();
            let closes = line.chars().filter(|c| *c == '\u{2069}').count();
            assert_eq!(opens, closes, "{line:?} in {lines:?}");
        }
        let visible = |s: &str| {
            s.chars()
                .filter(|c| !('\u{2066}'..='\u{2069}').contains(c))
                .collect::<String>()
        };
        let joined: Vec<String> = lines.iter().map(|l| visible(l)).collect();
        assert_eq!(joined.join(" "), visible(text));
    }

    #[test]
    fn breaks_words_longer_than_a_line() {
        let long = "x".repeat(100);
        let lines = wrap(&long, 50.0, 10.0, false, &Estimate, 99);
        assert!(lines.len() > 5);
        assert_eq!(lines.concat(), long);
    }
}
