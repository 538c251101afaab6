//! Searching a log: which events hold a word (case and accents ignored), and which have a
//! party, actor, kind, status or topic.
//!
//! The searchable text of every event (title, summary, quotes, location, topics, actor
//! names and aliases, party names, its sources' outlets and bylines) is folded once into one
//! buffer, and its words into a vocabulary with the events that hold each word
//! (`words`): a term is looked for in the vocabulary, not in all the text, and only
//! a term with punctuation in it is then checked in its candidates' own text. A search
//! finds exactly what one `memmem` pass over all the text finds (`TextIndex::scan`, which
//! the tests compare it with). Folding and indexing cost about a third of a load, so they
//! are done on first search, or ahead of time on another thread
//! (`prepare_text_in_background`), never before a first frame or a `list` without a
//! search. The posting lists (`crate::postings`) cost little and are built at once.

use crate::model::{EventIx, Log};
use crate::postings::{Postings, intersect};
use crate::sanitize::{fold, fold_into};
use words::{Matches, Words, locate, word_pieces};

mod words;
use memchr::memmem;
use std::sync::{Arc, OnceLock};

/// What a query is answered from: the posting lists, and the folded text once built.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    postings: Postings,
    /// Shared with the thread that may be building it; whoever asks first builds it, and
    /// a search asked for while it is being built waits for it.
    text: Arc<OnceLock<TextIndex>>,
}

impl SearchIndex {
    /// The posting lists of `log`; its text is folded when first needed.
    pub fn new(log: &Log) -> SearchIndex {
        SearchIndex {
            postings: Postings::new(log),
            text: Arc::default(),
        }
    }

    /// The posting lists and the folded text, both built now.
    pub fn with_text(log: &Log) -> SearchIndex {
        let index = SearchIndex::new(log);
        index.text(log);
        index
    }

    pub(crate) fn postings(&self) -> &Postings {
        &self.postings
    }

    /// The folded text of `log` (the log this index was built for), built on first call.
    pub fn text(&self, log: &Log) -> &TextIndex {
        self.text.get_or_init(|| TextIndex::new(log))
    }

    /// Starts folding the text on a thread of its own, so that the first search finds it
    /// ready and the screen thread never pays for it.
    pub(crate) fn prepare_text_in_background(&self, log: Arc<Log>) {
        let text = Arc::clone(&self.text);
        let spawned = std::thread::Builder::new()
            .name("search-index".into())
            .spawn(move || {
                text.get_or_init(|| TextIndex::new(&log));
            });
        // Without a thread, the first search builds it instead.
        drop(spawned);
    }

    /// Events whose text holds every term of `query`, in timeline order. An empty query
    /// matches nothing.
    pub fn find(&self, log: &Log, query: &str) -> Vec<EventIx> {
        self.text(log).find(&terms(query))
    }
}

/// Folded search text of every event, and its words, prepared once.
#[derive(Clone, Debug, Default)]
pub struct TextIndex {
    /// All events' folded text, each followed by a NUL separator.
    text: String,
    /// `starts[i]` is where event `i` begins in `text`; one extra entry marks the end.
    starts: Vec<usize>,
    /// The words of `text`, each with the events that hold it.
    words: Words,
}

/// The terms of a query: folded, split on white space, each once. Every term must match
/// (AND). A repeated term adds nothing but cost: a pasted page of the same words would be
/// searched for once per copy.
pub fn terms(query: &str) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    fold(query)
        .split_whitespace()
        .filter(|t| seen.insert(*t))
        .map(str::to_owned)
        .collect()
}

impl TextIndex {
    pub(crate) fn new(log: &Log) -> TextIndex {
        let mut text = String::new();
        let mut starts = Vec::with_capacity(log.events.len() + 1);
        let push = |text: &mut String, s: &str| {
            let from = text.len();
            fold_into(text, s);
            // NUL separates events: a NUL inside a text must not.
            if memchr::memchr(0, &text.as_bytes()[from..]).is_some() {
                let tail = text.split_off(from).replace('\0', " ");
                text.push_str(&tail);
            }
            text.push('\n');
        };
        for e in &log.events {
            starts.push(text.len());
            push(&mut text, &e.title);
            // Who published it: `reuters` finds the events Reuters reported.
            let mut sources: Vec<_> = e.sources.clone();
            sources.extend(e.quotes.iter().filter_map(|q| q.source));
            sources.sort_unstable();
            sources.dedup();
            for src in sources {
                let source = &log.sources[src];
                push(&mut text, &source.outlet);
                for name in &source.byline {
                    push(&mut text, name);
                }
            }
            for s in [&e.summary, &e.location, &e.date_note]
                .into_iter()
                .flatten()
            {
                push(&mut text, s);
            }
            for t in &e.topics {
                push(&mut text, t);
            }
            for &a in &e.involved {
                let actor = &log.actors[a];
                push(&mut text, &actor.name);
                for alias in &actor.aliases {
                    push(&mut text, alias);
                }
            }
            for &p in &e.parties {
                push(&mut text, &log.parties[p].name);
            }
            for q in &e.quotes {
                push(&mut text, &q.text);
                // A translation is found by the words of its original too (rev. 3).
                if let Some(o) = &q.original {
                    push(&mut text, o);
                }
                if let Some(a) = &q.attribution {
                    push(&mut text, a);
                }
            }
            text.push('\0');
        }
        starts.push(text.len());
        let words = Words::new(text.as_bytes(), &starts);
        TextIndex {
            text,
            starts,
            words,
        }
    }

    /// Events whose text holds every one of `terms` (folded, as `terms` gives them), in
    /// timeline order. No terms match nothing.
    ///
    /// Each term's events come from the vocabulary: a term of letters and digits only lies
    /// inside one word wherever it occurs, so the events of the words holding it are
    /// exactly the events holding it. A term with other characters (`cease-fire`, `u.s.`)
    /// gives candidates through each of its runs of letters and digits, which are then
    /// checked in their own text. A term of punctuation alone has nothing to look up: the
    /// text is scanned.
    pub fn find(&self, terms: &[String]) -> Vec<EventIx> {
        self.find_among(terms, None)
    }

    /// `find`, among the events of ascending `among` only (all events when None): a search
    /// with other filters starts from what they kept, and gathers a term's events from the
    /// vocabulary only while that is cheaper than reading the candidates' text.
    pub fn find_among(&self, terms: &[String], among: Option<&[u32]>) -> Vec<EventIx> {
        if terms.is_empty() || terms.iter().any(|t| t.contains('\0')) {
            return Vec::new();
        }
        let mut looked_up = Vec::with_capacity(terms.len());
        for t in terms {
            let pieces: Vec<&[u8]> = word_pieces(t.as_bytes()).collect();
            if pieces.is_empty() {
                return self.scan_among(terms, among);
            }
            let whole = pieces.len() == 1 && pieces[0].len() == t.len();
            let matches: Vec<Matches> = pieces.iter().map(|p| self.words.matching(p)).collect();
            looked_up.push((t, whole, matches));
        }
        // The cheapest lists first; once the candidates are few, the other terms are looked
        // for in the candidates' text rather than gathered from all their words' events.
        let mut lists: Vec<(&String, bool, &Matches)> = looked_up
            .iter()
            .flat_map(|(t, whole, ms)| ms.iter().map(move |m| (*t, *whole, m)))
            .collect();
        lists.sort_by_key(|(_, _, m)| m.cost);
        let mut candidates: Option<Vec<u32>> = among.map(<[u32]>::to_vec);
        let mut unchecked: Vec<&String> = Vec::new();
        for (t, whole, m) in lists {
            if !whole && !unchecked.contains(&t) {
                unchecked.push(t);
            }
            match &candidates {
                Some(c) if c.is_empty() => return Vec::new(),
                // Reading a candidate's text costs about as much as a few hundred postings.
                Some(c) if c.len().saturating_mul(256) < m.cost => {
                    if whole {
                        unchecked.push(t);
                    }
                }
                Some(c) => candidates = Some(intersect(c, &self.words.events(m))),
                None => candidates = Some(self.words.events(m)),
            }
        }
        let candidates = candidates.unwrap_or_default();
        candidates
            .into_iter()
            .map(|ix| ix as EventIx)
            .filter(|&ev| unchecked.is_empty() || self.holds_all(ev, &unchecked))
            .collect()
    }

    /// Bytes it takes: the folded text with its event starts, and the vocabulary with its
    /// events' lists and sets.
    pub fn bytes(&self) -> (usize, usize) {
        (
            self.text.len() + self.starts.len() * size_of::<usize>(),
            self.words.bytes(),
        )
    }

    /// Whether event `ev`'s text holds every one of `terms`.
    fn holds_all(&self, ev: EventIx, terms: &[&String]) -> bool {
        let hay = &self.text.as_bytes()[self.starts[ev]..self.starts[ev + 1]];
        terms
            .iter()
            .all(|t| memmem::find(hay, t.as_bytes()).is_some())
    }

    /// `scan` among the events of ascending `among` (all when None): few are looked at one
    /// by one, many by one pass over all the text.
    fn scan_among(&self, terms: &[String], among: Option<&[u32]>) -> Vec<EventIx> {
        match among {
            None => self.scan(terms),
            Some(among) if among.len().saturating_mul(8) < self.starts.len() => among
                .iter()
                .map(|&ev| ev as EventIx)
                .filter(|&ev| self.event_matches(ev, terms))
                .collect(),
            Some(among) => {
                let found: Vec<u32> = self.scan(terms).into_iter().map(|i| i as u32).collect();
                intersect(among, &found)
                    .into_iter()
                    .map(|i| i as EventIx)
                    .collect()
            }
        }
    }

    /// `find` by one pass over all the text, without the vocabulary: what `find` must
    /// return (the tests compare them), and its way for terms of punctuation alone.
    pub fn scan(&self, terms: &[String]) -> Vec<EventIx> {
        let mut terms: Vec<&String> = terms.iter().collect();
        // A NUL never occurs inside an event's text (it only separates events), so a term
        // holding one matches nothing; a match across a separator must not count.
        if terms.is_empty() || terms.iter().any(|t| t.contains('\0')) {
            return Vec::new();
        }
        // Scan for the longest term (fewest candidates), then check the rest per event.
        terms.sort_by_key(|t| std::cmp::Reverse(t.len()));
        let finder = memmem::Finder::new(terms[0].as_bytes());
        let rest: Vec<_> = terms[1..]
            .iter()
            .map(|t| memmem::Finder::new(t.as_bytes()))
            .collect();
        let bytes = self.text.as_bytes();
        let mut out = Vec::new();
        let mut pos = 0;
        let mut ev = 0;
        while let Some(found) = finder.find(&bytes[pos..]) {
            ev = locate(&self.starts, ev, pos + found);
            let (s, e) = (self.starts[ev], self.starts[ev + 1]);
            if rest.iter().all(|f| f.find(&bytes[s..e]).is_some()) {
                out.push(ev);
            }
            pos = e; // next event
            if pos >= bytes.len() {
                break;
            }
        }
        out
    }

    /// Whether one event holds every term (the filter asks this of a few candidates,
    /// rather than scanning all the text).
    pub fn event_matches(&self, ev: EventIx, terms: &[String]) -> bool {
        let hay = &self.text.as_bytes()[self.starts[ev]..self.starts[ev + 1]];
        !terms.is_empty()
            && terms
                .iter()
                .all(|t| memmem::find(hay, t.as_bytes()).is_some())
    }
}

/// Byte ranges in `text` (original, unfolded) where any of the folded `terms` occur, for
/// highlighting. Works character by character so that accents and case still line up.
pub(crate) fn highlight_ranges(text: &str, terms: &[String]) -> Vec<std::ops::Range<usize>> {
    if terms.is_empty() {
        return Vec::new();
    }
    // Fold each character on its own, remembering which original byte it came from.
    let mut folded = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        let f = fold(c.encode_utf8(&mut [0; 4]));
        for _ in 0..f.len() {
            origin.push(i);
        }
        folded.push_str(&f);
    }
    let char_end = |i: usize| i + text[i..].chars().next().map_or(0, char::len_utf8);
    let mut ranges: Vec<std::ops::Range<usize>> = Vec::new();
    for t in terms.iter().filter(|t| !t.is_empty()) {
        for at in memmem::find_iter(folded.as_bytes(), t.as_bytes()) {
            let start = origin[at];
            let end = char_end(origin[at + t.len() - 1]);
            ranges.push(start..end);
        }
    }
    ranges.sort_by_key(|r| (r.start, r.end));
    // Merge overlapping ranges.
    let mut merged: Vec<std::ops::Range<usize>> = Vec::new();
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_map_back_to_original_text() {
        let text = "Réunion au Caire";
        let r = highlight_ranges(text, &terms("reunion caire"));
        let parts: Vec<_> = r.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(parts, ["Réunion", "Caire"]);
    }

    #[test]
    fn repeated_terms_count_once() {
        assert_eq!(terms("Cairo cairo  CAIRO talks"), ["cairo", "talks"]);
    }

    #[test]
    fn no_terms_no_highlight() {
        assert!(highlight_ranges("abc", &[]).is_empty());
    }
}
