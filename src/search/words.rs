//! The words of a log's folded search text, each with the events that hold it, so that a
//! search term is matched against the vocabulary (a few bytes a distinct word) rather than
//! against all the text (hundreds of bytes an event).
//!
//! A word is a longest run of bytes that are neither ASCII punctuation, nor spaces, nor
//! controls: letters and digits of every script (each byte of a non-ASCII character counts,
//! so no character is ever split, and separators such as NUL and newline never join two
//! words). Wherever a term made of such bytes alone occurs, it lies inside one word: the
//! events holding the term are exactly the events of the words holding it.

use memchr::memmem;
use std::collections::HashMap;

/// Whether `b` belongs to a word (see the module's note).
pub(super) fn is_word_byte(b: u8) -> bool {
    b >= 0x80 || b.is_ascii_alphanumeric()
}

/// The words of `s`: its longest runs of word bytes.
pub(super) fn word_pieces(s: &[u8]) -> impl Iterator<Item = &[u8]> {
    s.split(|&b| !is_word_byte(b)).filter(|p| !p.is_empty())
}

/// No set of bits (a word whose events are a list).
const NONE: u32 = u32::MAX;

/// Every word of a log's text and the events holding it.
#[derive(Clone, Debug, Default)]
pub(super) struct Words {
    /// Events in the log: every event index is below it.
    events: usize,
    /// `u64`s in one set of a bit per event.
    stride: usize,
    /// Every distinct word, each followed by a newline (which no word holds, so a term
    /// found here lies inside one word).
    vocabulary: Vec<u8>,
    /// Where word `i` starts in `vocabulary`; one extra entry marks the end.
    word_starts: Vec<usize>,
    /// The events of word `i`, ascending, are `postings[lists[i]..lists[i + 1]]`; empty for
    /// a word with a set of bits.
    lists: Vec<usize>,
    postings: Vec<u32>,
    /// The set of bits of word `i` in `bits`, or `NONE`: a word in one event in 32 or more
    /// takes a bit per event, which is no more than its list would take.
    word_bits: Vec<u32>,
    /// The set of bits of events holding ASCII letter or digit `b`, or `NONE` if no event
    /// does: a term of one letter is in nearly every word, and is answered from this.
    byte_bits: Vec<u32>,
    /// Sets of a bit per event, `stride` words each.
    bits: Vec<u64>,
}

/// What one run of word bytes of a term matched: an ASCII letter or digit, or the words
/// holding it; and about how many steps gathering its events takes.
#[derive(Clone, Debug)]
pub(super) struct Matches {
    found: Found,
    pub cost: usize,
}

#[derive(Clone, Debug)]
enum Found {
    Byte(u8),
    Words(Vec<u32>),
}

impl Words {
    /// The words of `text`, in which event `i` is `text[starts[i]..starts[i + 1]]`.
    pub(super) fn new(text: &[u8], starts: &[usize]) -> Words {
        let events = starts.len().saturating_sub(1);
        let stride = events.div_ceil(64);
        let event_text = |ev: usize| &text[starts[ev]..starts[ev + 1]];
        // First pass: the vocabulary, and how many events hold each word.
        // Seeded at random, as the id maps are: the words are the log's, which may be chosen
        // to collide under a fixed hash.
        let mut ids: HashMap<&[u8], u32, foldhash::fast::RandomState> = HashMap::default();
        let mut vocabulary = Vec::new();
        let mut word_starts = Vec::new();
        let mut counts: Vec<u32> = Vec::new();
        // The last event (plus one) each word was counted for.
        let mut seen: Vec<u32> = Vec::new();
        let mut ascii = vec![0u128; events];
        for (ev, mask) in ascii.iter_mut().enumerate() {
            let tag = ev as u32 + 1;
            let hay = event_text(ev);
            for &b in hay {
                if b < 0x80 {
                    *mask |= 1 << b;
                }
            }
            for w in word_pieces(hay) {
                let id = *ids.entry(w).or_insert_with(|| {
                    word_starts.push(vocabulary.len());
                    vocabulary.extend_from_slice(w);
                    vocabulary.push(b'\n');
                    counts.push(0);
                    seen.push(0);
                    (counts.len() - 1) as u32
                }) as usize;
                if seen[id] != tag {
                    seen[id] = tag;
                    counts[id] += 1;
                }
            }
        }
        word_starts.push(vocabulary.len());
        // Lists for the rare words, sets of bits for the common ones.
        let mut sets = 0u32;
        let word_bits: Vec<u32> = counts
            .iter()
            .map(|&c| {
                if (c as usize).saturating_mul(32) >= events {
                    sets += 1;
                    sets - 1
                } else {
                    NONE
                }
            })
            .collect();
        let mut lists = Vec::with_capacity(counts.len() + 1);
        let mut total = 0;
        for (&c, &b) in counts.iter().zip(&word_bits) {
            lists.push(total);
            if b == NONE {
                total += c as usize;
            }
        }
        lists.push(total);
        drop(counts);
        let mut byte_bits = vec![NONE; 128];
        for (b, slot) in byte_bits.iter_mut().enumerate() {
            if is_word_byte(b as u8) && ascii.iter().any(|m| m & (1 << b) != 0) {
                *slot = sets;
                sets += 1;
            }
        }
        let mut bits = vec![0u64; sets as usize * stride];
        for (ev, mask) in ascii.iter().enumerate() {
            let mut m = *mask;
            while m != 0 {
                let b = m.trailing_zeros() as usize;
                m &= m - 1;
                if byte_bits[b] != NONE {
                    bits[byte_bits[b] as usize * stride + ev / 64] |= 1 << (ev % 64);
                }
            }
        }
        drop(ascii);
        // Second pass: each word's events.
        let mut postings = vec![0u32; total];
        let mut fill = lists.clone();
        seen.fill(0);
        for ev in 0..events {
            let tag = ev as u32 + 1;
            for w in word_pieces(event_text(ev)) {
                let id = ids[w] as usize;
                if seen[id] == tag {
                    continue;
                }
                seen[id] = tag;
                match word_bits[id] {
                    NONE => {
                        postings[fill[id]] = ev as u32;
                        fill[id] += 1;
                    }
                    set => bits[set as usize * stride + ev / 64] |= 1 << (ev % 64),
                }
            }
        }
        Words {
            events,
            stride,
            vocabulary,
            word_starts,
            lists,
            postings,
            word_bits,
            byte_bits,
            bits,
        }
    }

    /// What `piece`, a run of word bytes, matches: the words holding it.
    pub(super) fn matching(&self, piece: &[u8]) -> Matches {
        if let [b] = *piece
            && b < 0x80
        {
            return Matches {
                found: Found::Byte(b),
                cost: self.stride * 2,
            };
        }
        let finder = memmem::Finder::new(piece);
        let mut found = Vec::new();
        let mut cost = 0;
        let (mut pos, mut id) = (0, 0);
        while let Some(at) = finder.find(&self.vocabulary[pos..]) {
            id = locate(&self.word_starts, id, pos + at);
            found.push(id as u32);
            cost += match self.word_bits[id] {
                NONE => self.lists[id + 1] - self.lists[id],
                _ => self.stride * 2,
            };
            pos = self.word_starts[id + 1];
        }
        Matches {
            found: Found::Words(found),
            cost,
        }
    }

    /// The events of what matched, ascending.
    pub(super) fn events(&self, m: &Matches) -> Vec<u32> {
        let words = match &m.found {
            Found::Byte(b) => {
                return match self.byte_bits[*b as usize] {
                    NONE => Vec::new(),
                    set => self.to_list(self.set(set)),
                };
            }
            Found::Words(words) => words,
        };
        let list = |id: u32| &self.postings[self.lists[id as usize]..self.lists[id as usize + 1]];
        let all_lists = words.iter().all(|&id| self.word_bits[id as usize] == NONE);
        match words.as_slice() {
            [] => Vec::new(),
            [id] if all_lists => list(*id).to_vec(),
            // Few events in all: gathered and sorted, cheaper than a bit for every event.
            _ if all_lists && m.cost.saturating_mul(64) < self.events => {
                let mut out: Vec<u32> = words.iter().flat_map(|&id| list(id)).copied().collect();
                out.sort_unstable();
                out.dedup();
                out
            }
            _ => {
                let mut acc = vec![0u64; self.stride];
                for &id in words {
                    match self.word_bits[id as usize] {
                        NONE => {
                            for &ev in list(id) {
                                acc[ev as usize / 64] |= 1 << (ev % 64);
                            }
                        }
                        set => {
                            for (a, b) in acc.iter_mut().zip(self.set(set)) {
                                *a |= b;
                            }
                        }
                    }
                }
                self.to_list(&acc)
            }
        }
    }

    fn set(&self, set: u32) -> &[u64] {
        let from = set as usize * self.stride;
        &self.bits[from..from + self.stride]
    }

    fn to_list(&self, bits: &[u64]) -> Vec<u32> {
        let ones = bits.iter().map(|w| w.count_ones() as usize).sum();
        let mut out = Vec::with_capacity(ones);
        for (i, &word) in bits.iter().enumerate() {
            let mut word = word;
            while word != 0 {
                out.push((i * 64) as u32 + word.trailing_zeros());
                word &= word - 1;
            }
        }
        out
    }

    /// Bytes the index takes: the vocabulary, the lists and the sets of bits.
    pub(super) fn bytes(&self) -> usize {
        self.vocabulary.len()
            + (self.word_starts.len() + self.lists.len()) * size_of::<usize>()
            + (self.postings.len() + self.word_bits.len() + self.byte_bits.len()) * 4
            + self.bits.len() * 8
    }
}

/// The entry of ascending `starts` whose span holds byte `at`: the last start at or before
/// it, searched for forward from entry `from` (at or before it) by steps that double, so
/// that hits in nearly every span cost one step each rather than a search of all of them.
pub(super) fn locate(starts: &[usize], from: usize, at: usize) -> usize {
    let mut step = 1;
    while from + step < starts.len() && starts[from + step] <= at {
        step *= 2;
    }
    let window = &starts[from..(from + step).min(starts.len())];
    from + window.partition_point(|&s| s <= at) - 1
}
