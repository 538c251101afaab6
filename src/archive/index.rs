//! A prepared index of one archive: where each word is, and which words and runs of
//! `GRAM` words are where, so that a quote is looked up by its rarest run of words instead
//! of by scanning the whole text. An archive that repeats its words (near-repeats of the
//! same sentence) still has rare runs of words where it differs.

/// A word: a run of letters and digits. Quotes match archives word for word, so
/// "ceasefire" is not found inside "ceasefires".
pub(crate) fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(text.len() / 6);
    each_word(text, |s, e| out.push((s, e)));
    out
}

/// How many words `text` holds, without keeping them: what indexing it will cost.
pub(crate) fn count_words(text: &str) -> usize {
    let mut n = 0;
    each_word(text, |_, _| n += 1);
    n
}

/// Calls `f` with the byte range of each word, in order.
fn each_word(text: &str, mut f: impl FnMut(usize, usize)) {
    let bytes = text.as_bytes();
    let mut start = None;
    let mut i = 0;
    while i < bytes.len() {
        // ASCII, most of most archives, without decoding.
        let (alnum, len) = if bytes[i] < 0x80 {
            (bytes[i].is_ascii_alphanumeric(), 1)
        } else {
            let c = text[i..].chars().next().expect("a char boundary");
            (c.is_alphanumeric(), c.len_utf8())
        };
        match (alnum, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                f(s, i);
                start = None;
            }
            _ => {}
        }
        i += len;
    }
    if let Some(s) = start {
        f(s, text.len());
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// A word's key, case aside: FNV-1a over its lower-case characters. Two words with the
/// same key are compared letter by letter before anything is said to match.
pub(crate) fn key(word: &str) -> u64 {
    let mut h = FNV_OFFSET;
    if word.is_ascii() {
        for b in word.bytes() {
            h ^= b.to_ascii_lowercase() as u64;
            h = h.wrapping_mul(FNV_PRIME);
        }
    } else {
        for c in word.chars().flat_map(char::to_lowercase) {
            h ^= c as u64;
            h = h.wrapping_mul(FNV_PRIME);
        }
    }
    h
}

/// Words in a run of words indexed: runs of three tell apart near-repeats that runs of two
/// would not, at one more entry per word.
pub(crate) const GRAM: usize = 3;

/// The key of a run of `GRAM` words, from their keys (order counts). Two runs with the same
/// key are compared word by word before anything is said to match.
pub(crate) fn gram_key(keys: &[u64]) -> u64 {
    keys.iter().fold(FNV_OFFSET, |h, &k| mix(h ^ k))
}

/// A 64-bit finaliser (splitmix64's): every bit of the input reaches every bit of the output.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// One archive, prepared.
pub(crate) struct Index<'t> {
    pub(crate) text: &'t str,
    /// Byte ranges of the words, in order.
    pub(crate) words: Vec<(usize, usize)>,
    /// Every word's key and position (in `words`), sorted: the positions of one key are
    /// side by side, found by binary search. One sort, no allocation per distinct word.
    by_key: Vec<(u64, u32)>,
    /// Every run of `GRAM` words' key and the position of its first word, sorted likewise:
    /// built on first need (a quote whose every word is common), as ordinary prose never
    /// needs it.
    by_gram: std::sync::OnceLock<Vec<(u64, u32)>>,
}

impl<'t> Index<'t> {
    pub(crate) fn new(text: &'t str) -> Index<'t> {
        let words = words(text);
        let mut by_key: Vec<(u64, u32)> = words
            .iter()
            .enumerate()
            .map(|(i, &(s, e))| (key(&text[s..e]), i as u32))
            .collect();
        by_key.sort_unstable();
        Index {
            text,
            words,
            by_key,
            by_gram: std::sync::OnceLock::new(),
        }
    }

    fn grams(&self) -> &[(u64, u32)] {
        self.by_gram.get_or_init(|| {
            let mut keys = vec![0u64; self.words.len()];
            for &(k, p) in &self.by_key {
                keys[p as usize] = k;
            }
            let mut by_gram: Vec<(u64, u32)> = keys
                .windows(GRAM)
                .enumerate()
                .map(|(i, w)| (gram_key(w), i as u32))
                .collect();
            by_gram.sort_unstable();
            by_gram
        })
    }

    /// Where words with this key are (case aside), in text order.
    pub(crate) fn positions(&self, key: u64) -> Positions<'_> {
        postings(&self.by_key, key)
    }

    /// Where runs of `GRAM` words with this key (`gram_key`) start, in text order.
    pub(crate) fn gram_positions(&self, key: u64) -> Positions<'_> {
        postings(self.grams(), key)
    }

    pub(crate) fn word(&self, i: usize) -> &'t str {
        let (s, e) = self.words[i];
        &self.text[s..e]
    }
}

fn postings(sorted: &[(u64, u32)], key: u64) -> Positions<'_> {
    let from = sorted.partition_point(|&(k, _)| k < key);
    let to = from + sorted[from..].partition_point(|&(k, _)| k == key);
    Positions(&sorted[from..to])
}

/// The positions of one key.
#[derive(Clone, Copy)]
pub(crate) struct Positions<'a>(&'a [(u64, u32)]);

impl Positions<'_> {
    pub(crate) fn len(&self) -> usize {
        self.0.len()
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().map(|&(_, p)| p as usize)
    }
}
