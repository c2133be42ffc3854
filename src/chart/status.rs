//! The status view: recommendations or commitments as a board of four columns by status
//! (implemented, in progress, not started, unknown), each item a card.
//!
//! The view exists to be honest about what is known: a list that declares more
//! recommendations than were transcribed shows the missing ones as a dashed placeholder in the
//! "unknown" column (their status cannot be known either), and an item whose copy was cut short
//! says so on its card. On narrow screens the columns stack; in Arabic they run right to left.

use super::frame::{wrap, Frame, TextStyle, CARDS, NARROW_BELOW, PAD};
use super::measure::Measure;
use super::scene::{Align, Color, Datum, Mark, Scene, Target};
use super::select::Subject;
use super::theme::Theme;
use super::{Missing, View, ViewError};
use crate::i18n::{self, format_number, Msg};
use crate::model::{Dataset, RecommendationList, StatusValue};

/// Space between columns side by side.
const COLUMN_GAP: f64 = 12.0;
/// Width of a card's coloured edge on the reading start side.
const EDGE: f64 = 4.0;

/// The colour of a status, the same role in light and dark themes: green-ish for done, blue
/// for under way, orange for not started, grey for unknown. Never the only cue: every column
/// and card also carries the status in words.
pub(super) fn status_color(theme: &Theme, status: StatusValue) -> Color {
    match status {
        StatusValue::Implemented => theme.series[2],
        StatusValue::InProgress => theme.series[0],
        StatusValue::NotStarted => theme.series[1],
        StatusValue::Unknown => theme.muted,
    }
}

/// Dataset text as drawn in a chart whose layout may be right to left (see
/// `i18n::bidi::embed`).
pub(super) fn isolate(rtl: bool, text: String) -> String {
    crate::i18n::bidi::embed(&text, rtl)
}

/// One item on the board.
struct Card {
    text: String,
    /// The copy read cuts the text short.
    truncated: bool,
    datum: Datum,
}

/// The part of a list that was declared but not transcribed.
struct Placeholder {
    /// The list's year, when several lists share the board.
    year: Option<i32>,
    missing: u32,
    transcribed: usize,
    declared: u32,
}

/// One status column.
struct Column {
    status: StatusValue,
    cards: Vec<Card>,
    placeholders: Vec<Placeholder>,
}

impl Column {
    /// How many items have this status: the cards, and in the unknown column the recommendations
    /// nobody transcribed (whose status nobody can know).
    fn count(&self) -> u32 {
        let cards = u32::try_from(self.cards.len()).unwrap_or(u32::MAX);
        let missing = self.placeholders.iter().map(|p| p.missing);
        missing.fold(cards, u32::saturating_add)
    }
}

/// The four columns of the board, in the order of [`StatusValue::ALL`].
fn columns(dataset: &Dataset, view: &View, subject: &Subject) -> Vec<Column> {
    let mut columns: Vec<Column> = StatusValue::ALL
        .iter()
        .map(|&status| Column {
            status,
            cards: Vec::new(),
            placeholders: Vec::new(),
        })
        .collect();
    let lang = view.text_lang();
    let column_of = |status: StatusValue| status as usize;
    match subject {
        Subject::Commitments => {
            for (index, c) in dataset.commitments.iter().enumerate() {
                let card = Card {
                    text: dataset.text(&c.label, lang).to_string(),
                    truncated: false,
                    datum: Datum::Commitment { index },
                };
                columns[column_of(c.status.value)].cards.push(card);
            }
        }
        Subject::Lists(lists) => {
            let several = lists.len() > 1;
            for &list in lists {
                let Some(l) = dataset.recommendations.get(list) else {
                    continue;
                };
                let year = several.then_some(l.year);
                for (item, r) in l.ranked() {
                    let mut text = String::new();
                    if let Some(y) = year {
                        text.push_str(&format!("{} · ", i18n::format_year(y, view.ui_lang())));
                    }
                    if let Some(rank) = r.rank {
                        text.push_str(&format!("{rank}. "));
                    }
                    text.push_str(dataset.text(&r.text, lang));
                    let card = Card {
                        text,
                        truncated: !r.complete,
                        datum: Datum::Recommendation { list, item },
                    };
                    columns[column_of(r.status.value)].cards.push(card);
                }
                if let Some(placeholder) = placeholder(l, year) {
                    columns[column_of(StatusValue::Unknown)]
                        .placeholders
                        .push(placeholder);
                }
            }
        }
    }
    columns
}

/// The not-transcribed part of a list, when it declares more items than it lists.
fn placeholder(list: &RecommendationList, year: Option<i32>) -> Option<Placeholder> {
    let declared = list.declared_count?;
    let transcribed = list.items.len();
    let missing = declared.checked_sub(u32::try_from(transcribed).ok()?)?;
    (missing > 0).then_some(Placeholder {
        year,
        missing,
        transcribed,
        declared,
    })
}

/// The board's title: the list's own title, or the subject's name.
fn title(dataset: &Dataset, view: &View, subject: &Subject) -> String {
    let ui = view.ui_lang();
    match subject {
        Subject::Commitments => i18n::t(ui, Msg::Commitments).to_string(),
        Subject::Lists(lists) => match lists.as_slice() {
            [one] => match dataset.recommendations.get(*one) {
                Some(list) => dataset.text(&list.title, view.text_lang()).to_string(),
                None => i18n::t(ui, Msg::Recommendations).to_string(),
            },
            _ => i18n::t(ui, Msg::Recommendations).to_string(),
        },
    }
}

/// A box of the board as placed: what it is and where.
enum Piece {
    Header {
        column: usize,
        name: Vec<String>,
        count: String,
    },
    Card {
        column: usize,
        lines: Vec<String>,
        /// Says that the copy read cuts the text short; empty when it does not.
        truncated: Vec<String>,
        datum: Datum,
        /// Padding inside the card.
        inset: f64,
    },
    Placeholder {
        lines: Vec<String>,
        note: String,
        inset: f64,
    },
    /// "+N": cards left out because the canvas is too short for them all.
    More(String),
}

struct Placed {
    piece: Piece,
    /// Left edge, top, width, height.
    rect: (f64, f64, f64, f64),
}

/// How tightly the board is laid out: most text lines per card, and the space between pieces
/// (also the padding inside cards).
#[derive(Clone, Copy)]
struct Density {
    lines: usize,
    space: f64,
}

impl Density {
    const fn new(lines: usize, space: f64) -> Density {
        Density { lines, space }
    }
}

/// From the roomiest layout to the tightest: fewer lines per card first, then less space.
const DENSITIES: [Density; 6] = [
    Density::new(3, CARDS.roomy),
    Density::new(2, CARDS.roomy),
    Density::new(2, CARDS.compact),
    Density::new(1, CARDS.roomy),
    Density::new(1, CARDS.compact),
    Density::new(1, CARDS.tight),
];

/// Lays the board out and draws it into the area (x, y, w, h); returns the card targets.
fn draw_board(
    frame: &mut Frame,
    view: &View,
    columns: &[Column],
    area: (f64, f64, f64, f64),
) -> Vec<Target> {
    let stacked = view.width < NARROW_BELOW;
    let bottom = area.1 + area.3;
    let fits = |placed: &[Placed]| placed.iter().all(|p| p.rect.1 + p.rect.3 <= bottom);
    let caps: Vec<usize> = columns.iter().map(|c| c.cards.len()).collect();
    let mut placed = Vec::new();
    for density in DENSITIES {
        placed = layout(frame, view, columns, area, stacked, density, &caps);
        if fits(&placed) {
            break;
        }
    }
    // still too tall at the tightest: leave cards out one at a time, from the fullest column
    // (the later of equals, so the first columns in reading order keep theirs), each column
    // saying how many it left out. Fewer cards never make the board taller, so the fewest
    // removals that fit are found by bisection: a few layouts, not one per card (300 cards
    // took seconds one at a time).
    if !fits(&placed) {
        let tightest = DENSITIES[DENSITIES.len() - 1];
        let total: usize = caps.iter().sum();
        let place = |removed: usize| {
            let caps = caps_after_removing(&caps, removed);
            layout(frame, view, columns, area, stacked, tightest, &caps)
        };
        let (mut low, mut high) = (0, total); // `high` removals fit (no card left), `low` do not
        while high - low > 1 {
            let mid = low + (high - low) / 2;
            if fits(&place(mid)) {
                high = mid;
            } else {
                low = mid;
            }
        }
        placed = place(high);
    }
    let mut targets = Vec::new();
    for p in &placed {
        draw_piece(frame, view, columns, p, &mut targets);
    }
    targets
}

/// The cards each column keeps once `removed` cards are left out, one at a time from the
/// fullest column (the later of equals).
fn caps_after_removing(caps: &[usize], removed: usize) -> Vec<usize> {
    let mut caps = caps.to_vec();
    for _ in 0..removed {
        let fullest = caps
            .iter()
            .enumerate()
            .filter(|(_, cap)| **cap > 0)
            .max_by_key(|(i, cap)| (**cap, *i))
            .map(|(i, _)| i);
        let Some(i) = fullest else { break };
        caps[i] -= 1;
    }
    caps
}

/// Places every header, card and placeholder for one density. Side by side, column `i` is the
/// `i`-th from the reading start edge; stacked, the columns follow each other downwards.
fn layout(
    frame: &Frame,
    view: &View,
    columns: &[Column],
    area: (f64, f64, f64, f64),
    stacked: bool,
    density: Density,
    caps: &[usize],
) -> Vec<Placed> {
    let (ax, ay, aw, ah) = area;
    let n = columns.len().max(1) as f64;
    let width = if stacked {
        aw
    } else {
        (aw - COLUMN_GAP * (n - 1.0)) / n
    };
    let header_lines = if stacked { 1 } else { 2 };
    let headers: Vec<Piece> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| header(frame, view, i, c, width, header_lines))
        .collect();
    // side by side, every header is as tall as the tallest, so the first cards line up
    let header_height = headers
        .iter()
        .map(|h| piece_height(frame, h))
        .fold(0.0, f64::max);
    let mut out = Vec::new();
    let mut y = ay;
    for ((i, column), head) in columns.iter().enumerate().zip(headers) {
        let left = if stacked {
            ax
        } else {
            let from_start = i as f64 * (width + COLUMN_GAP);
            if frame.rtl {
                ax + aw - from_start - width
            } else {
                ax + from_start
            }
        };
        if !stacked {
            y = ay;
        }
        let own_height = if stacked {
            piece_height(frame, &head)
        } else {
            header_height
        };
        out.push(Placed {
            piece: head,
            rect: (left, y, width, own_height),
        });
        y += own_height + density.space;
        let cap = caps.get(i).copied().unwrap_or(0);
        // a card is at least one line tall: past this many the column overflows whatever the
        // cards say, so the rest are not wrapped (wrapping hundreds of cards per try froze the tab)
        let (room, space) = ((ay + ah - y).max(0.0), density.space);
        let per_card = 3.0 * space + line_height(frame.sizes.label);
        let could_fit = ((room + space) / per_card).floor() as usize + 1;
        let pieces = column_pieces(frame, view, (i, column), width, density, (cap, could_fit));
        for piece in pieces {
            let h = piece_height(frame, &piece);
            out.push(Placed {
                piece,
                rect: (left, y, width, h),
            });
            y += h + density.space;
        }
        if stacked {
            // a little more air before the next group's header than between cards
            y += density.space + 4.0;
        }
    }
    out
}

/// A column's header: its status name (wrapped) and its count.
fn header(
    frame: &Frame,
    view: &View,
    index: usize,
    column: &Column,
    width: f64,
    max_lines: usize,
) -> Piece {
    let size = frame.sizes.label;
    let count = format_number(f64::from(column.count()), view.ui_lang(), 0);
    let room = width - frame.measure.width(&count, size, true) - 8.0;
    let name = i18n::status_name(view.ui_lang(), column.status);
    Piece::Header {
        column: index,
        name: wrap(name, room.max(20.0), size, true, frame.measure, max_lines),
        count,
    }
}

/// The cards and placeholders of one column at a density, the first `cap` cards only, with
/// "+N" for those left out; no more than `could_fit` cards are laid out at all.
fn column_pieces(
    frame: &Frame,
    view: &View,
    (index, column): (usize, &Column),
    width: f64,
    density: Density,
    (cap, could_fit): (usize, usize),
) -> Vec<Piece> {
    let ui = view.ui_lang();
    let (size, small) = (frame.sizes.label, frame.sizes.small);
    let inset = density.space;
    let room = (width - EDGE - 2.0 * inset).max(20.0);
    let mut pieces: Vec<Piece> = column
        .cards
        .iter()
        .take(cap.min(could_fit))
        .map(|card| Piece::Card {
            column: index,
            lines: wrap(&card.text, room, size, false, frame.measure, density.lines),
            inset,
            truncated: if card.truncated {
                let note = i18n::t(ui, Msg::Truncated);
                wrap(
                    note,
                    room,
                    small,
                    false,
                    frame.measure,
                    density.lines.min(2),
                )
            } else {
                Vec::new()
            },
            datum: card.datum,
        })
        .collect();
    let left_out = column.cards.len().saturating_sub(cap);
    if left_out > 0 {
        pieces.push(Piece::More(format!(
            "+{}",
            format_number(left_out as f64, ui, 0)
        )));
    }
    for p in &column.placeholders {
        let missing = format_number(f64::from(p.missing), ui, 0);
        let mut head = i18n::tf(ui, Msg::NotTranscribed, &[&missing]);
        if let Some(year) = p.year {
            head = format!("{} · {head}", i18n::format_year(year, ui));
        }
        let transcribed = format_number(p.transcribed as f64, ui, 0);
        let declared = format_number(f64::from(p.declared), ui, 0);
        let note = i18n::tf(ui, Msg::Transcribed, &[&transcribed, &declared]);
        pieces.push(Piece::Placeholder {
            lines: wrap(&head, room, size, true, frame.measure, 2),
            inset,
            note: wrap(&note, room, small, false, frame.measure, 1)
                .pop()
                .unwrap_or_default(),
        });
    }
    pieces
}

fn line_height(size: f64) -> f64 {
    (size * 1.35).round()
}

/// The height of a piece as drawn.
fn piece_height(frame: &Frame, piece: &Piece) -> f64 {
    let (size, small) = (frame.sizes.label, frame.sizes.small);
    match piece {
        Piece::Header { name, .. } => name.len().max(1) as f64 * line_height(size) + 6.0,
        Piece::Card {
            lines,
            truncated,
            inset,
            ..
        } => {
            let note = if truncated.is_empty() {
                0.0
            } else {
                truncated.len() as f64 * line_height(small) + 2.0
            };
            2.0 * inset + lines.len() as f64 * line_height(size) + note
        }
        Piece::Placeholder { lines, inset, .. } => {
            2.0 * inset + lines.len() as f64 * line_height(size) + line_height(small) + 2.0
        }
        Piece::More(_) => line_height(small),
    }
}

/// A placed box, with its sides named by reading direction.
struct Bounds {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
    rtl: bool,
}

impl Bounds {
    /// The x `inset` pixels in from the reading start side.
    fn start(&self, inset: f64) -> f64 {
        if self.rtl {
            self.x + self.w - inset
        } else {
            self.x + inset
        }
    }

    /// The x `inset` pixels in from the reading end side.
    fn end(&self, inset: f64) -> f64 {
        if self.rtl {
            self.x + inset
        } else {
            self.x + self.w - inset
        }
    }

    /// The anchor of text against the start side, and against the end side.
    fn aligns(&self) -> (Align, Align) {
        if self.rtl {
            (Align::Right, Align::Left)
        } else {
            (Align::Left, Align::Right)
        }
    }
}

/// The status of the column at `index`.
fn status_of(columns: &[Column], index: usize) -> StatusValue {
    columns
        .get(index)
        .map_or(StatusValue::Unknown, |c| c.status)
}

/// Draws one placed piece; a card also becomes a target.
fn draw_piece(
    frame: &mut Frame,
    view: &View,
    columns: &[Column],
    placed: &Placed,
    targets: &mut Vec<Target>,
) {
    let (x, y, w, h) = placed.rect;
    let b = Bounds {
        x,
        y,
        w,
        h,
        rtl: frame.rtl,
    };
    match &placed.piece {
        Piece::Header {
            column,
            name,
            count,
        } => {
            let color = status_color(&view.theme, status_of(columns, *column));
            draw_header(frame, view, &b, (name, count), color);
        }
        Piece::Card {
            column,
            lines,
            truncated,
            datum,
            inset,
        } => {
            let color = status_color(&view.theme, status_of(columns, *column));
            draw_card(frame, view, &b, (lines, truncated), color, *inset);
            targets.push(Target {
                x: x + w / 2.0,
                y: y + h / 2.0,
                w,
                h,
                series: *column,
                datum: *datum,
            });
        }
        Piece::Placeholder { lines, note, inset } => {
            draw_placeholder(frame, view, &b, (lines, note), *inset);
        }
        Piece::More(text) => {
            let style = TextStyle::hanging(frame.sizes.small, true, view.theme.muted, b.aligns().0);
            let text = frame.directed(text.clone());
            frame.marks.push(style.mark(b.start(0.0), y, text));
        }
    }
}

/// A column header: the status name at the start, the count at the end, and a rule in the
/// status's colour under both.
fn draw_header(
    frame: &mut Frame,
    view: &View,
    b: &Bounds,
    (name, count): (&[String], &str),
    color: Color,
) {
    let size = frame.sizes.label;
    let (start_align, end_align) = b.aligns();
    let lh = line_height(size);
    for (i, line) in name.iter().enumerate() {
        let text = frame.directed(line.clone());
        let style = TextStyle::hanging(size, true, view.theme.text, start_align);
        let mark = style.mark(b.start(0.0), b.y + i as f64 * lh, text);
        frame.marks.push(mark);
    }
    let count = frame.directed(count.to_string());
    let style = TextStyle::hanging(size, true, view.theme.text, end_align);
    frame.marks.push(style.mark(b.end(0.0), b.y, count));
    frame.marks.push(Mark::Rect {
        x: b.x,
        y: b.y + b.h - 3.0,
        w: b.w,
        h: 3.0,
        fill: Some(color),
        stroke: None,
    });
}

/// A card: a light tint of its status's colour, a solid edge on the start side, its text, and
/// the note that the copy read cuts it short when it does.
fn draw_card(
    frame: &mut Frame,
    view: &View,
    b: &Bounds,
    (lines, truncated): (&[String], &[String]),
    color: Color,
    inset: f64,
) {
    let (size, small) = (frame.sizes.label, frame.sizes.small);
    frame.marks.push(Mark::Rect {
        x: b.x,
        y: b.y,
        w: b.w,
        h: b.h,
        fill: Some(Color { a: 0.1, ..color }),
        stroke: None,
    });
    frame.marks.push(Mark::Rect {
        x: if b.rtl { b.x + b.w - EDGE } else { b.x },
        y: b.y,
        w: EDGE,
        h: b.h,
        fill: Some(color),
        stroke: None,
    });
    let align = b.aligns().0;
    let lh = line_height(size);
    let x = b.start(EDGE + inset);
    for (i, line) in lines.iter().enumerate() {
        let text = isolate(b.rtl, line.clone());
        let style = TextStyle::hanging(size, false, view.theme.text, align);
        frame
            .marks
            .push(style.mark(x, b.y + inset + i as f64 * lh, text));
    }
    let below = b.y + inset + lines.len() as f64 * lh + 2.0;
    for (i, note) in truncated.iter().enumerate() {
        let text = frame.directed(note.clone());
        let style = TextStyle::hanging(small, false, view.theme.muted, align);
        let y = below + i as f64 * line_height(small);
        frame.marks.push(style.mark(x, y, text));
    }
}

/// The recommendations a list declares but nobody transcribed: a dashed outline (not a card,
/// and not a target: there is nothing behind it to show), how many, and how many of how many
/// were transcribed.
fn draw_placeholder(
    frame: &mut Frame,
    view: &View,
    b: &Bounds,
    (lines, note): (&[String], &str),
    inset: f64,
) {
    let (x, y, w, h) = (b.x, b.y, b.w, b.h);
    frame.marks.push(Mark::Line {
        points: vec![(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)],
        color: view.theme.axis,
        width: 1.0,
        dash: Some((4.0, 3.0)),
    });
    let (size, small) = (frame.sizes.label, frame.sizes.small);
    let align = b.aligns().0;
    let lh = line_height(size);
    for (i, line) in lines.iter().enumerate() {
        let text = frame.directed(line.clone());
        let style = TextStyle::hanging(size, true, view.theme.muted, align);
        let mark = style.mark(b.start(inset), y + inset + i as f64 * lh, text);
        frame.marks.push(mark);
    }
    let text = frame.directed(note.to_string());
    let style = TextStyle::hanging(small, false, view.theme.muted, align);
    let below = y + inset + lines.len() as f64 * lh + 2.0;
    frame.marks.push(style.mark(b.start(inset), below, text));
}

/// Builds the status board of what `subject` holds: title and source line from the frame,
/// then the four columns with their cards.
pub fn build(
    dataset: &Dataset,
    view: &View,
    subject: &Subject,
    sources: &str,
    measure: &dyn Measure,
) -> Result<Scene, ViewError> {
    let columns = columns(dataset, view, subject);
    if columns.iter().all(|c| c.count() == 0) {
        return Err(ViewError::NothingToShow(Missing::Recommendations));
    }
    let mut frame = Frame::new(view, measure);
    let top = frame.title(&title(dataset, view, subject)) + 4.0;
    let bottom = frame.footer(sources);
    let area = (PAD, top, view.width - 2.0 * PAD, (bottom - top).max(0.0));
    let targets = draw_board(&mut frame, view, &columns, area);
    Ok(frame.into_scene(targets, area))
}
