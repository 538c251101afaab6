//! A quote taken from the archived text (`v` in the context view): the reader selects a
//! passage by word and by sentence, picks who said it, and the passage is written to the
//! log as a quote of the event, its source the archive's. The words are the archive's own,
//! so the quote is verbatim by construction (the writer's check verifies it again).
//!
//! A selection stays within one paragraph: a quote that runs across paragraphs is not one
//! passage of the source.

use crate::model::EventIx;
use crate::sanitize::sanitize;
use crate::tui::app::App;
use crate::tui::input::action::{Action, Selecting};
use crate::tui::overlays::Overlay;
use crate::tui::overlays::context::QuoteContext;
use crate::tui::overlays::picker::{Counting, Picker, PickerKind, Purpose};
use crate::write::{Change, NewQuote};
use std::ops::Range;

/// The passage selected, as bytes of the archive's text: whole words, from the start of
/// the first to the end of the last.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selection {
    pub start: usize,
    pub end: usize,
}

/// Quotation marks at the edges of a selection are the source's, not the speaker's.
const OPENING: &[char] = &['“', '"', '«', '„', '‘', '(', '['];
const CLOSING: &[char] = &['”', '"', '»', '’', ')', ']'];

impl Selection {
    /// The bytes a quote takes: the selection without quotation marks at its edges.
    pub(crate) fn passage(&self, text: &str) -> Range<usize> {
        let s = &text[self.start..self.end];
        let trimmed = s.trim_start_matches(OPENING);
        let start = self.start + (s.len() - trimmed.len());
        let kept = trimmed.trim_end_matches(CLOSING);
        // A passage of quotation marks alone keeps them.
        if kept.is_empty() {
            return self.start..self.end;
        }
        start..start + kept.len()
    }
}

/// The quote's text: the passage with each line break (and the blanks around it) made one
/// space, as a quote is written on one line; every word and mark as the archive has it.
pub(crate) fn quote_text(passage: &str) -> String {
    let mut out = String::with_capacity(passage.len());
    let mut blanks = String::new();
    for c in passage.chars() {
        if c.is_whitespace() {
            blanks.push(c);
            continue;
        }
        if !blanks.is_empty() {
            if blanks.contains(['\n', '\r']) {
                out.push(' ');
            } else {
                out.push_str(&blanks);
            }
            blanks.clear();
        }
        out.push(c);
    }
    out
}

/// The first word starting at or after `from` and before `limit`.
fn next_word(text: &str, from: usize, limit: usize) -> Option<Range<usize>> {
    let rest = &text[from..limit];
    let start = from + rest.find(|c: char| !c.is_whitespace())?;
    let len = text[start..limit]
        .find(char::is_whitespace)
        .unwrap_or(limit - start);
    Some(start..start + len)
}

/// The last word ending at or before `before` and starting at or after `floor`.
fn prev_word(text: &str, before: usize, floor: usize) -> Option<Range<usize>> {
    let head = &text[floor..before];
    let end = floor + head.trim_end().len();
    if end == floor {
        return None;
    }
    let start = text[floor..end]
        .rfind(char::is_whitespace)
        .map_or(floor, |i| {
            floor + i + text[floor + i..].chars().next().map_or(1, char::len_utf8)
        });
    Some(start..end)
}

/// Whether a word ends a sentence: `.`, `!`, `?` or `…`, before any closing marks.
fn ends_sentence(word: &str) -> bool {
    word.trim_end_matches(CLOSING)
        .ends_with(['.', '!', '?', '…'])
}

/// The selection after a key, within paragraph `para` (and its neighbours `paras`, which
/// the start may move into); unchanged at an edge.
fn moved(text: &str, paras: &[Range<usize>], sel: &Selection, how: Selecting) -> Option<Selection> {
    let pi = paras.partition_point(|p| p.end <= sel.start);
    let para = paras.get(pi)?.clone();
    let first = next_word(text, sel.start, para.end)?;
    let mut s = sel.clone();
    match how {
        Selecting::Start | Selecting::Quote => {}
        Selecting::EndWord(true) => s.end = next_word(text, s.end, para.end)?.end,
        Selecting::EndWord(false) => {
            let last = prev_word(text, s.end, s.start)?;
            s.end = prev_word(text, last.start, s.start)?.end;
        }
        Selecting::EndSentence(true) => {
            let mut w = next_word(text, s.end, para.end)?;
            while !ends_sentence(&text[w.clone()]) {
                match next_word(text, w.end, para.end) {
                    Some(n) => w = n,
                    None => break,
                }
            }
            s.end = w.end;
        }
        Selecting::EndSentence(false) => {
            let mut last = prev_word(text, s.end, s.start)?;
            let mut end = first.end;
            while let Some(p) = prev_word(text, last.start, s.start) {
                if ends_sentence(&text[p.clone()]) {
                    end = p.end;
                    break;
                }
                last = p;
            }
            s.end = end;
        }
        Selecting::StartWord(true) => {
            let w = next_word(text, first.end, para.end).or_else(|| {
                let next = paras.get(pi + 1)?;
                next_word(text, next.start, next.end)
            })?;
            s = Selection {
                start: w.start,
                end: s.end.max(w.end),
            };
        }
        Selecting::StartWord(false) => match prev_word(text, first.start, para.start) {
            Some(w) => s.start = w.start,
            None => {
                let prev = paras.get(pi.checked_sub(1)?)?;
                let w = prev_word(text, prev.end, prev.start)?;
                s = Selection {
                    start: w.start,
                    end: w.end,
                };
            }
        },
        Selecting::StartSentence(true) => {
            let mut w = first.clone();
            loop {
                let ended = ends_sentence(&text[w.clone()]);
                match next_word(text, w.end, para.end) {
                    Some(n) if ended => {
                        s = Selection {
                            start: n.start,
                            end: s.end.max(n.end),
                        };
                        break;
                    }
                    Some(n) => w = n,
                    // No sentence after this one here: the next paragraph's first.
                    None => {
                        let next = paras.get(pi + 1)?;
                        let n = next_word(text, next.start, next.end)?;
                        s = Selection {
                            start: n.start,
                            end: n.end,
                        };
                        break;
                    }
                }
            }
        }
        Selecting::StartSentence(false) => {
            // The start of this sentence; from there, of the one before.
            let mut at = first.start;
            let mut moved_once = false;
            while let Some(p) = prev_word(text, at, para.start) {
                if ends_sentence(&text[p.clone()]) && moved_once {
                    break;
                }
                at = p.start;
                moved_once = true;
            }
            s.start = at;
        }
    }
    (s != *sel).then_some(s)
}

/// The event a quote made here goes to: the one the view was opened on, else the
/// timeline's selected event.
fn target(app: &App, c: &QuoteContext) -> Option<EventIx> {
    c.quote.map(|(event, _)| event).or(app.selected)
}

/// `v`: a selection of one word, at the quote's passage when it is on screen, else at the
/// first paragraph on screen.
pub(crate) fn start(app: &mut App) {
    let Some(Overlay::Context(c)) = app.overlays.last() else {
        return;
    };
    let Some(archive) = app.log.archives.get(c.source).and_then(Option::as_deref) else {
        return;
    };
    if target(app, c).is_none() {
        app.message = Some("no event selected to add a quote to".into());
        return;
    }
    let text = &archive.text;
    let paras = &c.paragraphs;
    // The first paragraph on screen (the heading is block 0, paragraph i block 1 + i).
    let top = c.scroll.block.saturating_sub(1);
    let quoted =
        c.at.as_ref()
            .map(|at| (at.start, crate::archive::context::holding(paras, at).start));
    let from = match quoted {
        // The quote's passage on screen: the selection starts there.
        Some((start, p)) if (top..top + 3).contains(&p) => start,
        _ => paras.get(top).map_or(0, |p| p.start),
    };
    let first = paras
        .iter()
        .skip(paras.partition_point(|p| p.end <= from))
        .find_map(|p| next_word(text, from.max(p.start), p.end));
    let Some(w) = first else {
        app.message = Some("no words here to select".into());
        return;
    };
    let sel = Selection {
        start: w.start,
        end: w.end,
    };
    set(app, sel);
}

/// The selection set, and the status line saying what it is and where it would go.
fn set(app: &mut App, sel: Selection) {
    let Some(Overlay::Context(c)) = app.overlays.last_mut() else {
        return;
    };
    c.selection = Some(sel.clone());
    let (source, target) = (c.source, c.quote.map(|(event, _)| event).or(app.selected));
    follow(app, &sel);
    let Some(archive) = app.log.archives.get(source).and_then(Option::as_deref) else {
        return;
    };
    let text = &archive.text;
    let words = text[sel.passage(text)].split_whitespace().count();
    let event = target
        .and_then(|e| app.log.events.get(e))
        .map(|e| sanitize(&e.title).into_owned())
        .unwrap_or_default();
    app.message = Some(format!(
        "{words} word{} selected for a quote of “{event}” · Enter: who said it · Esc cancels",
        if words == 1 { "" } else { "s" }
    ));
}

/// Scrolls the view so that the paragraph where the selection ends shows.
fn follow(app: &mut App, sel: &Selection) {
    let Some(Overlay::Context(c)) = app.overlays.last() else {
        return;
    };
    let block = 1 + c.paragraphs.partition_point(|p| p.end < sel.end);
    crate::tui::overlays::context::reveal(app, block);
}

/// Keys while a passage is selected.
pub(crate) fn update(app: &mut App, action: Action) {
    let Some(Overlay::Context(c)) = app.overlays.last() else {
        return;
    };
    let Some(sel) = c.selection.clone() else {
        return;
    };
    match action {
        Action::Back => {
            if let Some(Overlay::Context(c)) = app.overlays.last_mut() {
                c.selection = None;
            }
            app.message = Some("selection cancelled: nothing written".into());
        }
        Action::Select(Selecting::Quote) => ask_speaker(app),
        Action::Select(how) => {
            let Some(archive) = app.log.archives.get(c.source).and_then(Option::as_deref) else {
                return;
            };
            // At an edge the selection stays, and the status line still says what it is.
            let s = moved(&archive.text, &c.paragraphs, &sel, how).unwrap_or(sel);
            set(app, s);
        }
        _ => {}
    }
}

/// Enter on a selection: who said it, from the log's actors (or no speaker, then the
/// party).
fn ask_speaker(app: &mut App) {
    let Some(Overlay::Context(c)) = app.overlays.last() else {
        return;
    };
    let Some(event) = target(app, c) else {
        app.message = Some("no event selected to add a quote to".into());
        return;
    };
    if !crate::tui::update::write::writable(app) {
        return;
    }
    let title = sanitize(&app.log.events[event].title).into_owned();
    let mut p = Picker::open_for(
        PickerKind::Actor,
        Purpose::Speaker,
        Counting::Quotes,
        &app.log,
        &app.index,
        &app.query,
    );
    p.about = title;
    app.overlays.push(Overlay::Picker(p));
}

/// After "no speaker" in the speaker picker: which party said it.
pub(crate) fn ask_party(app: &mut App, about: String) {
    let mut p = Picker::open_for(
        PickerKind::Party,
        Purpose::QuoteParty,
        Counting::Quotes,
        &app.log,
        &app.index,
        &app.query,
    );
    p.about = about;
    app.overlays.push(Overlay::Picker(p));
}

/// Writes the selected passage as a quote of the event, said by `speaker` (an actor) or
/// else by `party` (attributed to it by name); the selection is done with.
pub(crate) fn write(app: &mut App, speaker: Option<usize>, party: Option<usize>) {
    let Some(Overlay::Context(c)) = app.overlays.last_mut() else {
        return;
    };
    let Some(sel) = c.selection.take() else {
        app.message = Some("the archive changed while you chose: select the passage again".into());
        return;
    };
    let (source, event) = (c.source, c.quote.map(|(event, _)| event).or(app.selected));
    let log = &app.log;
    let (Some(event), Some(archive)) = (event, log.archives.get(source).and_then(Option::as_deref))
    else {
        return;
    };
    let text = quote_text(&archive.text[sel.passage(&archive.text)]);
    let party = party.and_then(|p| log.parties.get(p));
    let change = Change::Quote(NewQuote {
        event: log.events[event].id.clone(),
        text,
        speaker: speaker
            .and_then(|a| log.actors.get(a))
            .map(|a| a.id.clone()),
        parties: party.map(|p| p.id.clone()).into_iter().collect(),
        // A quote says who said it: with no speaker, the party by its name (`e` then
        // says more, "a Hamas official").
        attribution: party.map(|p| p.name.clone()),
        source: Some(log.sources[source].id.clone()),
        ..NewQuote::default()
    });
    crate::tui::update::write::write(app, change);
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str =
        "Title\n\nHe said: “We will talk. Not now!” Then he left.\nNothing else.\n\nAfter.";

    fn paras() -> Vec<Range<usize>> {
        crate::archive::context::paragraphs(TEXT)
    }

    fn at(word: &str) -> Selection {
        let start = TEXT.find(word).unwrap();
        Selection {
            start,
            end: start + word.len(),
        }
    }

    fn after(sel: &Selection, keys: &[Selecting]) -> String {
        let mut s = sel.clone();
        for &k in keys {
            if let Some(n) = moved(TEXT, &paras(), &s, k) {
                s = n;
            }
        }
        TEXT[s.start..s.end].to_owned()
    }

    #[test]
    fn the_end_moves_by_word_and_by_sentence_within_the_paragraph() {
        let w = at("“We");
        assert_eq!(after(&w, &[Selecting::EndWord(true)]), "“We will");
        assert_eq!(after(&w, &[Selecting::EndSentence(true)]), "“We will talk.");
        assert_eq!(
            after(
                &w,
                &[Selecting::EndSentence(true), Selecting::EndSentence(true)]
            ),
            "“We will talk. Not now!”"
        );
        let all = [Selecting::EndSentence(true); 9];
        assert_eq!(
            after(&w, &all),
            "“We will talk. Not now!” Then he left.\nNothing else.",
            "never past the paragraph"
        );
        assert_eq!(
            after(
                &w,
                &[
                    Selecting::EndSentence(true),
                    Selecting::EndSentence(true),
                    Selecting::EndSentence(false)
                ]
            ),
            "“We will talk."
        );
        assert_eq!(
            after(&w, &[Selecting::EndWord(false)]),
            "“We",
            "never before the first word"
        );
    }

    #[test]
    fn the_start_moves_and_crosses_paragraphs() {
        assert_eq!(after(&at("“We"), &[Selecting::StartSentence(true)]), "Not");
        assert_eq!(
            after(&at("Nothing"), &[Selecting::StartSentence(true)]),
            "After.",
            "into the next paragraph"
        );
        assert_eq!(
            after(&at("Not"), &[Selecting::StartSentence(false)]),
            "He said: “We will talk. Not"
        );
        assert_eq!(
            after(&at("talk."), &[Selecting::StartSentence(false)]),
            "He said: “We will talk."
        );
        assert_eq!(after(&at("else."), &[Selecting::StartWord(true)]), "After.");
        assert_eq!(after(&at("He"), &[Selecting::StartWord(false)]), "Title");
    }

    #[test]
    fn the_passage_leaves_out_the_quotation_marks_and_line_breaks() {
        let s = Selection {
            start: TEXT.find("“We").unwrap(),
            end: TEXT.find("now!”").unwrap() + "now!”".len(),
        };
        assert_eq!(&TEXT[s.passage(TEXT)], "We will talk. Not now!");
        assert_eq!(quote_text("left.\nNothing  else"), "left. Nothing  else");
    }

    use proptest::prelude::*;

    fn key() -> impl Strategy<Value = Selecting> {
        prop_oneof![
            any::<bool>().prop_map(Selecting::EndWord),
            any::<bool>().prop_map(Selecting::EndSentence),
            any::<bool>().prop_map(Selecting::StartWord),
            any::<bool>().prop_map(Selecting::StartSentence),
        ]
    }

    fn archive() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just("We"),
                Just("will"),
                Just("talk."),
                Just("“Not now!”"),
                Just("people’s"),
                Just("«non»"),
                Just("déjà"),
                Just("—"),
                Just("(AFP)"),
                Just("1,200"),
                Just("“"),
                Just(" "),
                Just("  "),
                Just("\n"),
                Just("\r\n"),
                Just("\n\n"),
                Just("\t"),
            ],
            1..60,
        )
        .prop_map(|v| v.concat())
    }

    proptest! {
        /// Whatever the keys, the selection is whole words of one paragraph, and the quote
        /// made of it is found in the archive as printed.
        #[test]
        fn a_selected_passage_is_always_verified(text in archive(), keys in proptest::collection::vec(key(), 0..30)) {
            let paras = crate::archive::context::paragraphs(&text);
            let Some(first) = paras.iter().find_map(|p| next_word(&text, p.start, p.end)) else {
                return Ok(());
            };
            let mut sel = Selection { start: first.start, end: first.end };
            for k in keys {
                if let Some(n) = moved(&text, &paras, &sel, k) {
                    sel = n;
                }
                prop_assert!(sel.start < sel.end);
                let para = paras.iter().find(|p| p.start <= sel.start && sel.start < p.end);
                prop_assert!(para.is_some_and(|p| sel.end <= p.end), "within one paragraph");
            }
            let quote = quote_text(&text[sel.passage(&text)]);
            let v = crate::archive::verify_in(&text, &quote);
            prop_assert!(
                matches!(v, crate::model::Verification::Verified { .. }),
                "{quote:?} in {text:?}: {v:?}"
            );
        }
    }
}
