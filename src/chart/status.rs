//! The status view: recommendations or commitments as a board of four columns by status
//! (implemented, in progress, not started, unknown), each item a card.
//!
//! The view exists to be honest about what is known: a list that declares more
//! recommendations than were transcribed shows the missing ones as a dashed placeholder in the
//! "unknown" column (their status cannot be known either), and an item whose copy was cut short
//! says so on its card. On narrow screens the columns stack; in Arabic they run right to left.

use super::frame::{wrap, Frame, PAD};
use super::measure::Measure;
use super::scene::{Align, Baseline, Color, Datum, Mark, Scene, Target};
use super::theme::Theme;
use super::{source_line, View, ViewError};
use crate::i18n::{self, format_number, Msg};
use crate::model::{Dataset, RecommendationList, StatusValue};

/// Below this width the four columns do not fit side by side and stack instead.
const STACK_BELOW: f64 = 560.0;
/// Space between columns side by side.
const COLUMN_GAP: f64 = 12.0;
/// Space between two cards and padding inside a card, when there is room for them.
const ROOMY: f64 = 8.0;
/// The same when the canvas is short.
const COMPACT: f64 = 5.0;
/// Width of a card's coloured edge on the reading start side.
const EDGE: f64 = 4.0;

/// What a status board shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Subject<'a> {
    /// The plan's commitments.
    Commitments,
    /// One or more recommendation lists, with their index in the dataset.
    Lists(Vec<(usize, &'a RecommendationList)>),
}

/// The subject of a status view: `view.series` empty or `["commitments"]` = the commitments;
/// a recommendation list id = that list; `["recommendations"]` = every list.
pub fn selected<'a>(dataset: &'a Dataset, view: &View) -> Result<Subject<'a>, ViewError> {
    let lists = dataset.recommendations.iter().enumerate();
    let subject = match view.series.first().map(String::as_str) {
        None | Some("commitments") => Subject::Commitments,
        Some("recommendations") => Subject::Lists(lists.collect()),
        Some(id) => {
            let mut lists = lists;
            let found = lists
                .find(|(_, l)| l.id == id)
                .ok_or_else(|| ViewError::UnknownSeries(id.to_string()))?;
            Subject::Lists(vec![found])
        }
    };
    match &subject {
        Subject::Commitments if dataset.commitments.is_empty() => {
            Err(ViewError::NothingToShow("commitments"))
        }
        Subject::Lists(lists) if lists.is_empty() => {
            Err(ViewError::NothingToShow("recommendations"))
        }
        _ => Ok(subject),
    }
}

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

/// Dataset text as drawn in a chart whose layout may be right to left: isolated with U+2068
/// (first strong isolate) so that its own first letter sets its direction. An English
/// recommendation in an Arabic chart then keeps its full stop and ellipsis on the right, and
/// an Arabic label in an English chart keeps them on the left.
pub(super) fn isolate(rtl: bool, text: String) -> String {
    let has_rtl = text
        .chars()
        .any(|c| matches!(c, '\u{0590}'..='\u{08ff}' | '\u{fb1d}'..='\u{fefc}'));
    if rtl || has_rtl {
        format!("\u{2068}{text}\u{2069}")
    } else {
        text
    }
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
        let missing: u32 = self.placeholders.iter().map(|p| p.missing).sum();
        self.cards.len() as u32 + missing
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
            for &(list, l) in lists {
                let year = several.then_some(l.year);
                let mut items: Vec<_> = l.items.iter().enumerate().collect();
                // ranked items in the report's order, unranked ones after them as listed
                items.sort_by_key(|(i, r)| (r.rank.is_none(), r.rank, *i));
                for (item, r) in items {
                    let mut text = String::new();
                    if let Some(y) = year {
                        text.push_str(&format!("{y} · "));
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
    let missing = declared.checked_sub(transcribed as u32)?;
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
            [(_, list)] => dataset.text(&list.title, view.text_lang()).to_string(),
            _ => i18n::t(ui, Msg::Recommendations).to_string(),
        },
    }
}

/// Every source behind what the board shows: where items were read, who assessed their
/// status, the report that issued each list and who states its declared count.
fn sources<'a>(dataset: &'a Dataset, subject: &Subject<'a>) -> Vec<&'a str> {
    let mut keys = Vec::new();
    match subject {
        Subject::Commitments => {
            for c in &dataset.commitments {
                keys.extend(c.source.as_deref());
                keys.extend(c.status.source.as_deref());
            }
        }
        Subject::Lists(lists) => {
            for (_, l) in lists {
                keys.push(l.report.as_str());
                for r in &l.items {
                    keys.push(r.source.as_str());
                    keys.extend(r.status.source.as_deref());
                }
                keys.extend(l.declared_count_source.as_deref());
            }
        }
    }
    keys
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
        truncated: Option<String>,
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

/// How tightly the board is laid out: most text lines per card, and most cards per column.
#[derive(Clone, Copy)]
struct Density {
    lines: usize,
    cap: usize,
    /// Space between pieces and padding inside cards.
    space: f64,
}

/// Lays the board out and draws it into the area (x, y, w, h); returns the card targets.
fn draw_board(
    frame: &mut Frame,
    view: &View,
    columns: &[Column],
    area: (f64, f64, f64, f64),
) -> Vec<Target> {
    let stacked = view.width < STACK_BELOW;
    let most = columns.iter().map(|c| c.cards.len()).max().unwrap_or(0);
    let bottom = area.1 + area.3;
    // from the roomiest layout to the tightest: fewer lines per card, then less space, then
    // fewer cards (the rest counted as "+N")
    let preferred = [(3, ROOMY), (2, ROOMY), (2, COMPACT), (1, ROOMY)]
        .into_iter()
        .map(|(lines, space)| Density {
            lines,
            cap: most,
            space,
        });
    let tightest = (0..=most).rev().map(|cap| Density {
        lines: 1,
        cap,
        space: COMPACT,
    });
    let mut placed = Vec::new();
    for density in preferred.chain(tightest) {
        placed = layout(frame, view, columns, area, stacked, density);
        let end = placed
            .iter()
            .map(|p| p.rect.1 + p.rect.3)
            .fold(0.0, f64::max);
        if end <= bottom {
            break;
        }
    }
    let mut targets = Vec::new();
    for p in &placed {
        draw_piece(frame, view, columns, p, &mut targets);
    }
    targets
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
) -> Vec<Placed> {
    let (ax, ay, aw, _) = area;
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
        let pieces = column_pieces(frame, view, i, column, width, density);
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

/// The cards and placeholders of one column at a density, with "+N" for cards left out.
fn column_pieces(
    frame: &Frame,
    view: &View,
    index: usize,
    column: &Column,
    width: f64,
    density: Density,
) -> Vec<Piece> {
    let ui = view.ui_lang();
    let (size, small) = (frame.sizes.label, frame.sizes.small);
    let inset = density.space;
    let room = (width - EDGE - 2.0 * inset).max(20.0);
    let mut pieces: Vec<Piece> = column
        .cards
        .iter()
        .take(density.cap)
        .map(|card| Piece::Card {
            column: index,
            lines: wrap(&card.text, room, size, false, frame.measure, density.lines),
            inset,
            truncated: card.truncated.then(|| {
                let note = i18n::t(ui, Msg::Truncated);
                let mut line = wrap(note, room, small, false, frame.measure, 1);
                line.pop().unwrap_or_default()
            }),
            datum: card.datum,
        })
        .collect();
    let left_out = column.cards.len().saturating_sub(density.cap);
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
            head = format!("{year} · {head}");
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
            let note = if truncated.is_some() {
                line_height(small) + 2.0
            } else {
                0.0
            };
            2.0 * inset + lines.len() as f64 * line_height(size) + note
        }
        Piece::Placeholder { lines, inset, .. } => {
            2.0 * inset + lines.len() as f64 * line_height(size) + line_height(small) + 2.0
        }
        Piece::More(_) => line_height(small),
    }
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
    let theme = &view.theme;
    let (size, small) = (frame.sizes.label, frame.sizes.small);
    // x of the text's start and end sides within the box
    let start = |inset: f64| if frame.rtl { x + w - inset } else { x + inset };
    let end = |inset: f64| if frame.rtl { x + inset } else { x + w - inset };
    let (start_align, end_align) = if frame.rtl {
        (Align::Right, Align::Left)
    } else {
        (Align::Left, Align::Right)
    };
    let mut texts: Vec<Mark> = Vec::new();
    match &placed.piece {
        Piece::Header {
            column,
            name,
            count,
        } => {
            let status = columns
                .get(*column)
                .map_or(StatusValue::Unknown, |c| c.status);
            let color = status_color(theme, status);
            let lh = line_height(size);
            for (i, line) in name.iter().enumerate() {
                let text = frame.directed(line.clone());
                texts.push(label(
                    start(0.0),
                    y + i as f64 * lh,
                    text,
                    Style {
                        size: size,
                        bold: true,
                        color: theme.text,
                        align: start_align,
                    },
                ));
            }
            let count = frame.directed(count.clone());
            texts.push(label(
                end(0.0),
                y,
                count,
                Style {
                    size: size,
                    bold: true,
                    color: theme.text,
                    align: end_align,
                },
            ));
            frame.marks.push(Mark::Rect {
                x,
                y: y + h - 3.0,
                w,
                h: 3.0,
                fill: Some(color),
                stroke: None,
            });
        }
        Piece::Card {
            column,
            lines,
            truncated,
            datum,
            inset,
        } => {
            let status = columns
                .get(*column)
                .map_or(StatusValue::Unknown, |c| c.status);
            let color = status_color(theme, status);
            frame.marks.push(Mark::Rect {
                x,
                y,
                w,
                h,
                fill: Some(Color { a: 0.1, ..color }),
                stroke: None,
            });
            let edge_x = if frame.rtl { x + w - EDGE } else { x };
            frame.marks.push(Mark::Rect {
                x: edge_x,
                y,
                w: EDGE,
                h,
                fill: Some(color),
                stroke: None,
            });
            let lh = line_height(size);
            let text_x = start(EDGE + inset);
            for (i, line) in lines.iter().enumerate() {
                let text = isolate(frame.rtl, line.clone());
                let ty = y + inset + i as f64 * lh;
                texts.push(label(
                    text_x,
                    ty,
                    text,
                    Style {
                        size: size,
                        bold: false,
                        color: theme.text,
                        align: start_align,
                    },
                ));
            }
            if let Some(note) = truncated {
                let ty = y + inset + lines.len() as f64 * lh + 2.0;
                let text = frame.directed(note.clone());
                texts.push(label(
                    text_x,
                    ty,
                    text,
                    Style {
                        size: small,
                        bold: false,
                        color: theme.muted,
                        align: start_align,
                    },
                ));
            }
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
            let corners = vec![(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)];
            frame.marks.push(Mark::Line {
                points: corners,
                color: theme.axis,
                width: 1.0,
                dash: Some((4.0, 3.0)),
            });
            let lh = line_height(size);
            for (i, line) in lines.iter().enumerate() {
                let text = frame.directed(line.clone());
                let ty = y + inset + i as f64 * lh;
                texts.push(label(
                    start(*inset),
                    ty,
                    text,
                    Style {
                        size: size,
                        bold: true,
                        color: theme.muted,
                        align: start_align,
                    },
                ));
            }
            let ty = y + inset + lines.len() as f64 * lh + 2.0;
            let text = frame.directed(note.clone());
            texts.push(label(
                start(*inset),
                ty,
                text,
                Style {
                    size: small,
                    bold: false,
                    color: theme.muted,
                    align: start_align,
                },
            ));
        }
        Piece::More(text) => {
            let text = frame.directed(text.clone());
            texts.push(label(
                start(0.0),
                y,
                text,
                Style {
                    size: small,
                    bold: true,
                    color: theme.muted,
                    align: start_align,
                },
            ));
        }
    }
    frame.marks.extend(texts);
}

/// How a line of text is set.
#[derive(Clone, Copy)]
struct Style {
    size: f64,
    bold: bool,
    color: Color,
    align: Align,
}

/// A line of text hanging from `y`.
fn label(x: f64, y: f64, text: String, style: Style) -> Mark {
    Mark::Text {
        x,
        y,
        text,
        size: style.size,
        bold: style.bold,
        color: style.color,
        align: style.align,
        baseline: Baseline::Top,
    }
}

pub fn build(dataset: &Dataset, view: &View, measure: &dyn Measure) -> Result<Scene, ViewError> {
    let subject = selected(dataset, view)?;
    let columns = columns(dataset, view, &subject);
    if columns.iter().all(|c| c.count() == 0) {
        return Err(ViewError::NothingToShow("recommendations or commitments"));
    }
    let mut frame = Frame::new(view, measure);
    let top = frame.title(&title(dataset, view, &subject)) + 4.0;
    let keys = sources(dataset, &subject);
    let bottom = frame.footer(&source_line(dataset, view, keys.into_iter()));
    let area = (PAD, top, view.width - 2.0 * PAD, (bottom - top).max(0.0));
    let targets = draw_board(&mut frame, view, &columns, area);
    let (marks, chrome) = frame.finish();
    Ok(Scene {
        width: view.width,
        height: view.height,
        background: view.theme.background,
        marks,
        targets,
        plot: area,
        chrome,
    })
}
