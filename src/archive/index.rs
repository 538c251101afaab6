//! A prepared index of one archive: where each word is, and which words are where, so that
//! a quote is looked up by its rarest word instead of by scanning the whole text.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A word: a run of letters and digits. Quotes match archives word for word, so
/// "ceasefire" is not found inside "ceasefires".
pub fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// A word's key, case aside: FNV-1a over its lower-case characters. Two words with the
/// same key are compared letter by letter before anything is said to match.
pub fn key(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in word.chars().flat_map(char::to_lowercase) {
        h ^= c as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The keys are hashes already: hash them no further.
#[derive(Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type Postings = HashMap<u64, Vec<u32>, BuildHasherDefault<KeyHasher>>;

/// One archive, prepared.
pub struct Index<'t> {
    pub text: &'t str,
    /// Byte ranges of the words, in order.
    pub words: Vec<(usize, usize)>,
    /// For each key, the positions (in `words`) of the words that have it.
    postings: Postings,
}

impl<'t> Index<'t> {
    pub fn new(text: &'t str) -> Index<'t> {
        let words = words(text);
        let mut postings = Postings::with_capacity_and_hasher(words.len() / 3, Default::default());
        for (i, &(s, e)) in words.iter().enumerate() {
            postings.entry(key(&text[s..e])).or_default().push(i as u32);
        }
        Index {
            text,
            words,
            postings,
        }
    }

    /// Where words with this key are (case aside).
    pub fn positions(&self, key: u64) -> &[u32] {
        self.postings.get(&key).map_or(&[], Vec::as_slice)
    }

    pub fn word(&self, i: usize) -> &'t str {
        let (s, e) = self.words[i];
        &self.text[s..e]
    }
}
