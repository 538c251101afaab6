//! `import` and the web page on inputs that were quadratic or cubic, each at two sizes, so
//! that linear growth shows (docs/PERFORMANCE.md, "Import and the web page at scale"):
//! unclosed `<` in a headline, slides of one derived id, groups that slug alike, CSV
//! columns of one name, and a web page of related events.

mod support;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use dateline::filter::Query;
use dateline::import::{html_to_text, import_text};
use std::fmt::Write as _;
use std::hint::black_box;

/// TimelineJS JSON of `n` slides on one day, with the headline and group given.
fn slides(n: usize, headline: impl Fn(usize) -> String, group: impl Fn(usize) -> String) -> String {
    let mut out = String::from(r#"{"events": ["#);
    for i in 0..n {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(
            out,
            r#"{{"start_date": {{"year": 2024, "month": 5, "day": 3}}, "text": {{"headline": {}}}, "group": {}}}"#,
            serde_json::Value::String(headline(i)),
            serde_json::Value::String(group(i)),
        );
    }
    out.push_str("]}");
    out
}

/// A name of `x` and three punctuation marks: every one slugs to `x`.
fn alike(i: usize) -> String {
    const MARKS: &[u8] = b"!#$%()*+,./:;=?@[]^{|}~";
    let m = |k: u32| MARKS[(i / MARKS.len().pow(k)) % MARKS.len()] as char;
    format!("x{}{}{}", m(0), m(1), m(2))
}

fn import(c: &mut Criterion<support::Clock>) {
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    for n in [100_000, 1_000_000] {
        let html = "<".repeat(n) + "x>";
        group.bench_function(BenchmarkId::new("to_text_unclosed_lt", n), |b| {
            b.iter(|| html_to_text(black_box(&html)))
        });
    }
    for n in [10_000, 40_000] {
        let json = slides(n, |_| "Talks".into(), |_| "Hamas".into());
        group.bench_function(BenchmarkId::new("slides_one_id", n), |b| {
            b.iter(|| import_text("t.json", black_box(&json), false).unwrap())
        });
    }
    for n in [2_000, 8_000] {
        let json = slides(n, |i| format!("Talks {i}"), alike);
        group.bench_function(BenchmarkId::new("groups_slug_alike", n), |b| {
            b.iter(|| import_text("t.json", black_box(&json), false).unwrap())
        });
    }
    for n in [5_000, 20_000] {
        let csv = format!(
            "Year,Headline{}\n2024,Row{}\n",
            ",x".repeat(n),
            ",v".repeat(n)
        );
        group.bench_function(BenchmarkId::new("csv_columns_one_name", n), |b| {
            b.iter(|| import_text("t.csv", black_box(&csv), true).unwrap())
        });
    }
    group.finish();
}

fn web_page(c: &mut Criterion<support::Clock>) {
    let mut group = c.benchmark_group("web_page");
    group.sample_size(10);
    for n in [10_000, 100_000] {
        // A chain: each event answers the one before.
        let mut yaml = String::from("events:\n");
        for i in 0..n {
            let _ = writeln!(
                yaml,
                "  - id: e{i}\n    date: 2024-05-03\n    kind: meeting\n    title: T{i}"
            );
            if i > 0 {
                let _ = writeln!(yaml, "    related: [e{}]", i - 1);
            }
        }
        let log = dateline::load::load_str("chain.yaml", &yaml).unwrap().log;
        let shown: Vec<usize> = (0..log.events.len()).collect();
        group.bench_function(BenchmarkId::new("related_chain", n), |b| {
            b.iter(|| dateline::export::html::page(&log, black_box(&shown), &Query::default()))
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = support::config();
    targets = import, web_page
}
criterion_main!(benches);
