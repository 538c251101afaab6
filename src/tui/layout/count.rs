//! A count with its noun agreeing: `1 event`, `2 events`, never `1 events`.

/// `n` and the noun for that many: `counted(1, "event", "events")` is `1 event`.
pub(crate) fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
