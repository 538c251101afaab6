//! Finding a quote in a prepared archive: exactly (whitespace aside), once typography is
//! folded, or else the closest passage and the words that differ.

use super::index::{GRAM, Index, Positions, gram_key, key, words};
use crate::model::{Fold, NotFound, Verification};
use similar::{Algorithm, DiffOp, DiffTag};
use std::collections::HashMap;
use std::iter::Peekable;

/// Typographic quotes, apostrophes and dashes, folded to their plain forms. One character
/// for one, so that a folded comparison can still say which character differs.
fn fold(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '\u{02bc}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' | '\u{00ab}'
        | '\u{00bb}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => '-',
        c => c,
    }
}

/// Looks for `quote` in the archive.
pub(crate) fn verify(index: &Index, quote: &str) -> Verification {
    let quote = quote.trim();
    let qwords = words(quote);
    if qwords.is_empty() {
        // Punctuation only: nothing to align by words, so look for it as it is.
        return match memchr::memmem::find(index.text.as_bytes(), quote.as_bytes()) {
            Some(at) => Verification::Verified {
                at: at..at + quote.len(),
            },
            None => Verification::NotFound(Box::default()),
        };
    }
    let keys: Vec<u64> = qwords.iter().map(|&(s, e)| key(&quote[s..e])).collect();
    // Anchor on the rarest run of words (or word, for a quote shorter than a run): fewest
    // places to try, even in an archive whose every word is common.
    let (anchor, positions) = anchors(index, &keys)
        .min_by_key(|(_, p)| p.len())
        .expect("a quote with words");
    let mut folded = None;
    // Words compared so far: an archive that repeats the quote's words everywhere is given
    // up on rather than compared at every place (quadratic).
    let mut work: usize = 0;
    for p in positions.iter() {
        work += qwords.len();
        if work > WORK {
            return folded.unwrap_or_else(too_repetitive);
        }
        let Some(first) = p.checked_sub(anchor) else {
            continue;
        };
        if first + qwords.len() > index.words.len() {
            continue;
        }
        let aligned = qwords
            .iter()
            .enumerate()
            .all(|(i, &(s, e))| index.word(first + i) == &quote[s..e]);
        if !aligned {
            continue;
        }
        let mut folds = Vec::new();
        let Some(at) = match_at(index, first, quote, qwords[0].0, &mut folds) else {
            continue;
        };
        if folds.is_empty() {
            return Verification::Verified { at };
        }
        folded.get_or_insert(Verification::Folded { at, folds });
    }
    folded.unwrap_or_else(|| Verification::NotFound(Box::new(closest(index, quote, &keys))))
}

/// Every word of the quote and every run of `GRAM` words, with its offset in the quote and
/// where the archive has it: a run at archive word p lines the quote up at p - offset, as a
/// word does.
fn anchors<'i>(
    index: &'i Index,
    keys: &[u64],
) -> impl Iterator<Item = (usize, Positions<'i>)> + 'i {
    let words: Vec<(usize, Positions<'i>)> = keys
        .iter()
        .enumerate()
        .map(|(i, &k)| (i, index.positions(k)))
        .collect();
    // Runs of words only when every word of the quote is common: in prose the rarest word
    // is rare enough, and the index of runs is not built.
    let common = words.iter().all(|(_, p)| p.len() > RARE);
    let grams: Vec<(usize, Positions<'i>)> = if common {
        keys.windows(GRAM)
            .enumerate()
            .map(|(i, w)| (i, index.gram_positions(gram_key(w))))
            .collect()
    } else {
        Vec::new()
    };
    words.into_iter().chain(grams)
}

/// Compares the quote with the archive around the archive's word `first`, which lines up
/// with the quote's first word (at byte `qfirst`): forwards to the quote's end, backwards to
/// its start. The archive's byte range when they agree.
fn match_at(
    index: &Index,
    first: usize,
    quote: &str,
    qfirst: usize,
    folds: &mut Vec<Fold>,
) -> Option<std::ops::Range<usize>> {
    let astart = index.words[first].0;
    let mut seen = Vec::new();
    let before = walk(
        index.text[..astart].chars().rev().peekable(),
        quote[..qfirst].chars().rev().peekable(),
        &mut seen,
    )?;
    seen.reverse(); // found walking backwards: put them in reading order
    let after = walk(
        index.text[astart..].chars().peekable(),
        quote[qfirst..].chars().peekable(),
        &mut seen,
    )?;
    for f in seen {
        if !folds.contains(&f) {
            folds.push(f);
        }
    }
    Some(astart - before..astart + after)
}

/// Walks the quote's characters against the archive's: equal, or equal once folded (noted
/// in `folds`); a run of whitespace matches any other. The bytes of the archive used.
fn walk(
    mut archive: Peekable<impl Iterator<Item = char>>,
    mut quote: Peekable<impl Iterator<Item = char>>,
    folds: &mut Vec<Fold>,
) -> Option<usize> {
    let mut used = 0;
    while let Some(q) = quote.next() {
        if q.is_whitespace() {
            while quote.next_if(|c| c.is_whitespace()).is_some() {}
            let mut any = false;
            let mut breaks = 0;
            while let Some(a) = archive.next_if(|c| c.is_whitespace()) {
                used += a.len_utf8();
                any = true;
                breaks += usize::from(a == '\n');
            }
            // A blank line ends a paragraph (and a Markdown heading or other block): a
            // quote is found within one, never run on across its end.
            if !any || breaks >= 2 {
                return None;
            }
            continue;
        }
        let a = archive.next()?;
        used += a.len_utf8();
        if a == q {
            continue;
        }
        if fold(a) != fold(q) {
            return None;
        }
        folds.push(Fold { archive: a, log: q });
    }
    Some(used)
}

/// A word found at most this many times anchors a quote well enough without runs of words.
const RARE: usize = 64;

/// Word postings longer than this are left out of the search for the closest passage (they
/// are words like "the"); a quote with no rarer word has no closest passage computed.
const COMMON: usize = 4096;

/// Most words compared, and most places voted for, for one quote: a bound on the work of
/// the search whatever the archive repeats.
const WORK: usize = 1 << 20;

/// Not found, with no closest passage: the archive was too repetitive to search.
fn too_repetitive() -> Verification {
    Verification::NotFound(Box::new(NotFound {
        too_repetitive: true,
        ..NotFound::default()
    }))
}

/// The archive's passage that shares the most words with the quote, in order, and the
/// words that differ between them.
fn closest(index: &Index, quote: &str, keys: &[u64]) -> NotFound {
    // Each word of the quote found at archive word p votes for the passage starting at
    // p - i (its diagonal); a dropped or added word shifts the diagonal by one, so votes
    // are summed over a few neighbouring diagonals.
    let mut votes: HashMap<i64, u32> = HashMap::new();
    // The quote's words and runs of words, rarest first, voting while the work allows: in
    // an archive of near-repeats, where every word is common, the runs where the quote's
    // passage differs from the others are rare.
    let mut by_rarity: Vec<(usize, usize, Positions)> = anchors(index, keys)
        .map(|(i, p)| (p.len(), i, p))
        .filter(|&(n, _, _)| n > 0)
        .collect();
    if by_rarity.is_empty() {
        return NotFound::default();
    }
    by_rarity.sort_unstable_by_key(|&(n, i, _)| (n, i));
    let mut work = 0;
    for (n, i, positions) in &by_rarity {
        work += n;
        if *n > COMMON || work > WORK {
            break;
        }
        for p in positions.iter() {
            *votes.entry(p as i64 - *i as i64).or_default() += 1;
        }
    }
    if votes.is_empty() {
        return NotFound {
            too_repetitive: true,
            ..NotFound::default()
        };
    }
    let mut diagonals: Vec<(i64, u32)> = votes.into_iter().collect();
    diagonals.sort_unstable();
    let spread = (keys.len() as i64 / 4).max(3);
    let (mut best, mut best_score) = (0..1, 0u32);
    let (mut lo, mut sum) = (0, 0u32);
    for hi in 0..diagonals.len() {
        sum += diagonals[hi].1;
        while diagonals[hi].0 - diagonals[lo].0 > spread {
            sum -= diagonals[lo].1;
            lo += 1;
        }
        if sum > best_score {
            (best, best_score) = (lo..hi + 1, sum);
        }
    }
    // Within the best window, the diagonals with a fair share of its votes: a long quote's
    // window also holds stray votes of common words far from its passage, which would add
    // thousands of words to diff.
    let window = &diagonals[best];
    let peak = window.iter().map(|d| d.1).max().unwrap_or(0);
    let mut strong = window.iter().filter(|d| d.1.saturating_mul(4) >= peak);
    let from = strong.next().map_or(window[0].0, |d| d.0);
    let to = strong.next_back().map_or(from, |d| d.0);
    let n = index.words.len() as i64;
    let first = (from - 2).clamp(0, n - 1) as usize;
    let last = (to + keys.len() as i64 + 2).clamp(first as i64 + 1, n) as usize;
    // The passage as whitespace-separated tokens, so that punctuation shows as printed.
    let text = index.text;
    let start = text[..index.words[first].0]
        .rfind(char::is_whitespace)
        .map_or(0, |i| {
            i + text[i..].chars().next().map_or(1, char::len_utf8)
        });
    let end = text[index.words[last - 1].1..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| index.words[last - 1].1 + i);
    let archive = tokens(text, start, end);
    let logged = tokens(quote, 0, quote.len());
    let archive = in_paragraph(text, &archive, &align(text, quote, &archive, &logged));
    describe(text, quote, archive, &logged)
}

/// Whether the whitespace between two tokens of `text` holds a blank line: a paragraph ends
/// there (as in the archive's context view; a Markdown archive is read with blank lines
/// between its paragraphs).
fn paragraph_break(text: &str, after: (usize, usize), before: (usize, usize)) -> bool {
    memchr::memchr_iter(b'\n', &text.as_bytes()[after.1..before.0])
        .nth(1)
        .is_some()
}

/// The passage's tokens cut at the paragraph ends that the quote does not run across word
/// for word, keeping the part with the most words in common with the quote: words of the
/// next paragraph that happen to line up with the quote's last words are not its passage,
/// while a quote that goes on from one paragraph into the next is still compared whole.
fn in_paragraph<'t>(
    text: &str,
    archive: &'t [(usize, usize)],
    ops: &[DiffOp],
) -> &'t [(usize, usize)] {
    let mut equal = vec![false; archive.len()];
    // `joined[j]`: the quote has token j and token j + 1 together, as the archive does.
    let mut joined = vec![false; archive.len()];
    for op in ops.iter().filter(|o| o.tag() == DiffTag::Equal) {
        let r = op.old_range();
        equal[r.clone()].fill(true);
        joined[r.start..r.end - 1].fill(true);
    }
    let (mut best, mut best_count) = (0..0, 0);
    let mut from = 0;
    for j in 0..archive.len() {
        let ends = j + 1 == archive.len()
            || (!joined[j] && paragraph_break(text, archive[j], archive[j + 1]));
        if ends {
            let count = equal[from..=j].iter().filter(|&&e| e).count();
            if count > best_count {
                (best, best_count) = (from..j + 1, count);
            }
            from = j + 1;
        }
    }
    if best_count == 0 {
        return archive;
    }
    &archive[best]
}

/// Whitespace-separated tokens of `text[start..end]`, as byte ranges of `text`.
fn tokens(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = None;
    for (i, c) in text[start..end].char_indices() {
        match (c.is_whitespace(), from) {
            (false, None) => from = Some(start + i),
            (true, Some(f)) => {
                out.push((f, start + i));
                from = None;
            }
            _ => {}
        }
    }
    if let Some(f) = from {
        out.push((f, end));
    }
    out
}

/// Diffs the passage's tokens with the quote's (with `similar`), the passage's own words
/// before and after the quote left out.
fn align(
    text: &str,
    quote: &str,
    archive: &[(usize, usize)],
    logged: &[(usize, usize)],
) -> Vec<DiffOp> {
    // Compared first without the punctuation at the ends of each token, so that a quote
    // that leaves out an opening quotation mark is not shown as differing there; if only
    // punctuation differs, compared again as written.
    let loose = |t: &str, (s, e): (usize, usize)| -> String {
        t[s..e]
            .trim_matches(|c: char| !c.is_alphanumeric())
            .chars()
            .map(fold)
            .collect()
    };
    let exact = |t: &str, (s, e): (usize, usize)| -> String { t[s..e].to_string() };
    let mut ops = Vec::new();
    for key in [&loose as &dyn Fn(&str, (usize, usize)) -> String, &exact] {
        let a: Vec<String> = archive.iter().map(|&r| key(text, r)).collect();
        let q: Vec<String> = logged.iter().map(|&r| key(quote, r)).collect();
        ops = bounded_diff(&a, &q);
        // The passage's own words before and after the quote are context, not differences.
        let lead = ops
            .iter()
            .take_while(|o| o.tag() == DiffTag::Delete)
            .count();
        ops.drain(..lead);
        while ops.last().is_some_and(|o| o.tag() == DiffTag::Delete) {
            ops.pop();
        }
        if ops.iter().any(|o| o.tag() != DiffTag::Equal) {
            break;
        }
    }
    ops
}

/// Most tokens of the quote in one Myers diff, which costs at most about the square of its
/// length: a long quote is diffed in pieces of this size...
const PIECE: usize = 512;
/// ...each against the passage's next words, this many more than the piece, so that words
/// the quote leaves out do not put the pieces out of step.
const SLACK: usize = 64;

/// The word diff of `a` (the passage) and `q` (the quote), bounded by the words compared,
/// never by the clock, so that the same inputs always give the same result. The common
/// start and end set aside, the words found exactly once on each side, in the same order on
/// both (the longest such run), are matched first, as patience diff does; the gaps between
/// them are diffed by Myers, and a gap too long for that (`gap_diff`) piece by piece.
fn bounded_diff(a: &[String], q: &[String]) -> Vec<DiffOp> {
    let head = a.iter().zip(q).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(q[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a_end, q_end) = (a.len() - tail, q.len() - tail);
    let mut ops = Vec::new();
    if head > 0 {
        ops.push(DiffOp::Equal {
            old_index: 0,
            new_index: 0,
            len: head,
        });
    }
    let (mut ai, mut qi) = (head, head);
    for (pa, pq) in unique_matches(a, head..a_end, q, head..q_end) {
        join(&mut ops, gap_diff(a, ai..pa, q, qi..pq));
        join(
            &mut ops,
            vec![DiffOp::Equal {
                old_index: pa,
                new_index: pq,
                len: 1,
            }],
        );
        (ai, qi) = (pa + 1, pq + 1);
    }
    join(&mut ops, gap_diff(a, ai..a_end, q, qi..q_end));
    if tail > 0 {
        join(
            &mut ops,
            vec![DiffOp::Equal {
                old_index: a_end,
                new_index: q_end,
                len: tail,
            }],
        );
    }
    ops
}

/// The words that occur exactly once in `a[ar]` and once in `q[qr]`, as (place in `a`,
/// place in `q`), the longest run of them in the same order on both sides: O(n log n).
fn unique_matches(
    a: &[String],
    ar: std::ops::Range<usize>,
    q: &[String],
    qr: std::ops::Range<usize>,
) -> Vec<(usize, usize)> {
    // Per word: how often in a, where; how often in q, where.
    let mut seen: HashMap<&str, (u32, usize, u32, usize)> = HashMap::new();
    for i in ar {
        let e = seen.entry(a[i].as_str()).or_default();
        (e.0, e.1) = (e.0 + 1, i);
    }
    for j in qr {
        if let Some(e) = seen.get_mut(q[j].as_str()) {
            (e.2, e.3) = (e.2 + 1, j);
        }
    }
    let mut pairs: Vec<(usize, usize)> = seen
        .into_values()
        .filter(|e| e.0 == 1 && e.2 == 1)
        .map(|e| (e.3, e.1))
        .collect();
    pairs.sort_unstable();
    // Longest increasing run of places in `a`, in the order of `q` (patience sorting).
    let mut tops: Vec<usize> = Vec::new(); // index in `pairs` of each pile's top
    let mut back: Vec<Option<usize>> = vec![None; pairs.len()];
    for (k, &(_, pa)) in pairs.iter().enumerate() {
        let pile = tops.partition_point(|&t| pairs[t].1 < pa);
        back[k] = pile.checked_sub(1).map(|p| tops[p]);
        if pile == tops.len() {
            tops.push(k);
        } else {
            tops[pile] = k;
        }
    }
    let mut run = Vec::with_capacity(tops.len());
    let mut at = tops.last().copied();
    while let Some(k) = at {
        run.push((pairs[k].1, pairs[k].0));
        at = back[k];
    }
    run.reverse();
    run
}

/// Myers on a gap between two matched words when it is short; a long one (words no unique
/// word ties down) piece by piece: `PIECE` words of the quote at a time against the
/// passage's next `PIECE + SLACK`, each piece kept up to a word the two share past its
/// middle and the next starting there, so that the work stays bounded.
fn gap_diff(
    a: &[String],
    ar: std::ops::Range<usize>,
    q: &[String],
    qr: std::ops::Range<usize>,
) -> Vec<DiffOp> {
    if ar.is_empty() && qr.is_empty() {
        return Vec::new();
    }
    if ar.len() + qr.len() <= 2 * PIECE || ar.is_empty() || qr.is_empty() {
        return similar::capture_diff(Algorithm::Myers, a, ar, q, qr);
    }
    let (a_end, q_end) = (ar.end, qr.end);
    let mut ops = Vec::new();
    let (mut ai, mut qi) = (ar.start, qr.start);
    while qi < q_end {
        let qe = (qi + PIECE).min(q_end);
        let ae = (ai + PIECE + SLACK).min(a_end);
        let mut piece = similar::capture_diff(Algorithm::Myers, a, ai..ae, q, qi..qe);
        if ae == a_end && qe == q_end {
            ai = ae;
            join(&mut ops, piece);
            break;
        }
        // The end of a piece may be matched against the wrong words of the passage (they
        // are cut off there): only its first half is kept, up to a word the two share past
        // the middle, and the next piece starts there.
        let mid = qi + PIECE / 2;
        let kept = piece.iter().position(|o| {
            o.tag() == DiffTag::Equal && o.new_range().end > mid && o.new_range().start <= qe
        });
        match kept {
            Some(at) if piece[at].new_range().start < mid => {
                let (old_index, new_index) =
                    (piece[at].old_range().start, piece[at].new_range().start);
                let len = mid - new_index;
                piece.truncate(at);
                piece.push(DiffOp::Equal {
                    old_index,
                    new_index,
                    len,
                });
                ai = old_index + len;
                qi = mid;
            }
            Some(at) => {
                ai = piece[at].old_range().start;
                qi = piece[at].new_range().start;
                piece.truncate(at);
            }
            None => {
                // No word shared past the middle: all of it kept but the passage's words
                // after the last match, which are the next piece's to match.
                while piece.last().is_some_and(|o| o.tag() == DiffTag::Delete) {
                    piece.pop();
                }
                ai = piece.iter().map(|o| o.old_range().end).max().unwrap_or(ai);
                qi = qe;
            }
        }
        join(&mut ops, piece);
    }
    if ai < a_end {
        ops.push(DiffOp::Delete {
            old_index: ai,
            old_len: a_end - ai,
            new_index: q_end,
        });
    }
    ops
}

/// Appends the ops of a piece, a run of equal words cut at the piece's end made one again
/// (grouping with context reads two as a difference between them).
fn join(ops: &mut Vec<DiffOp>, piece: Vec<DiffOp>) {
    for op in piece {
        if let (
            Some(DiffOp::Equal {
                old_index,
                new_index,
                len,
            }),
            DiffOp::Equal {
                old_index: o,
                new_index: n,
                len: more,
            },
        ) = (ops.last_mut(), &op)
            && *old_index + *len == *o
            && *new_index + *len == *n
        {
            *len += more;
            continue;
        }
        ops.push(op);
    }
}

/// The passage trimmed to what lines up with the quote, and each difference with a word of
/// context on either side.
fn describe(
    text: &str,
    quote: &str,
    archive: &[(usize, usize)],
    logged: &[(usize, usize)],
) -> NotFound {
    let ops = align(text, quote, archive, logged);
    let old: Vec<usize> = ops.iter().flat_map(|o| o.old_range()).collect::<Vec<_>>();
    let closest = match (old.iter().min(), old.iter().max()) {
        (Some(&f), Some(&l)) => Some(archive[f].0..archive[l].1),
        _ => None,
    };
    let join = |t: &str, toks: &[(usize, usize)], r: std::ops::Range<usize>| {
        toks[r]
            .iter()
            .map(|&(s, e)| &t[s..e])
            .collect::<Vec<_>>()
            .join(" ")
    };
    if ops.iter().all(|o| o.tag() == DiffTag::Equal) && !ops.is_empty() {
        // Word for word the same: the passage runs across the end of a paragraph.
        return NotFound {
            closest,
            log: "the same words, as one passage".into(),
            archive: "a paragraph or heading ends within them".into(),
            too_repetitive: false,
        };
    }
    let mut log_side = Vec::new();
    let mut archive_side = Vec::new();
    for group in similar::group_diff_ops(ops, 1) {
        let (o, n) = span(&group);
        log_side.push(join(quote, logged, n));
        archive_side.push(join(text, archive, o));
    }
    let show = |parts: Vec<String>| {
        let parts: Vec<String> = parts
            .into_iter()
            .map(|p| if p.is_empty() { "(nothing)".into() } else { p })
            .collect();
        parts.join(" … ")
    };
    NotFound {
        closest,
        log: show(log_side),
        archive: show(archive_side),
        too_repetitive: false,
    }
}

/// The token ranges a group of diff operations covers, on the archive's side and the log's.
fn span(group: &[DiffOp]) -> (std::ops::Range<usize>, std::ops::Range<usize>) {
    // The widest ranges, not the first's start and the last's end: `similar` may give an
    // insertion after a run of equal words the index of that run's start.
    let cover = |r: &mut Option<std::ops::Range<usize>>, o: std::ops::Range<usize>| {
        *r = Some(match r.take() {
            Some(r) => r.start.min(o.start)..r.end.max(o.end),
            None => o,
        });
    };
    let (mut old, mut new) = (None, None);
    for op in group {
        cover(&mut old, op.old_range());
        cover(&mut new, op.new_range());
    }
    (old.unwrap_or_default(), new.unwrap_or_default())
}
