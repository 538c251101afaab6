//! Format revision 3 in the loader: a translated quote's `original` and `lang`, a date-only
//! `end` on the clock of a zoned `date`, and a quote's `party` that must include its
//! speaker's.

use dateline::archive::Archives;
use dateline::load::{self, Diagnostic, Loaded, Severity, load_str};
use dateline::model::Verification;

const CAST: &str = "\
parties:
  - {id: us, name: United States}
  - {id: china, name: China}
  - {id: saudi, name: Saudi Arabia}
  - {id: iran, name: Iran}
actors:
  - {id: trump, name: Donald Trump, party: us}
  - {id: faisal, name: Faisal bin Farhan, party: saudi}
  - {id: envoy, name: An envoy}
sources:
  - {id: wire, outlet: Example Wire}
";

fn quoting(quote: &str) -> String {
    format!(
        "{CAST}events:\n  - date: 2025-10-25\n    kind: statement\n    title: T\n    sources: [wire]\n    quotes:\n{quote}"
    )
}

fn ok(yaml: &str) -> Loaded {
    load_str("log.yaml", yaml).unwrap_or_else(|r| panic!("{:?}\n{yaml}", r.diagnostics))
}

fn errors(yaml: &str) -> Vec<Diagnostic> {
    match load_str("log.yaml", yaml) {
        Ok(_) => panic!("expected an error:\n{yaml}"),
        Err(r) => r.errors().cloned().collect(),
    }
}

#[test]
fn a_translation_keeps_its_original_wording_and_language() {
    let l = ok(&quoting(
        "      - text: We are ready for talks.\n        attribution: a foreign ministry spokesman\n        party: iran\n        translated: true\n        original: \"ما آماده گفتگو هستیم\"\n        lang: fa\n",
    ));
    let q = &l.log.events[0].quotes[0];
    assert_eq!(q.original.as_deref(), Some("ما آماده گفتگو هستیم"));
    assert_eq!(q.lang.as_deref(), Some("fa"));
    // A quote in its own language may say which, with no original.
    let l = ok(&quoting(
        "      - text: Nous sommes prêts.\n        attribution: a French diplomat\n        lang: fr\n",
    ));
    assert_eq!(l.log.events[0].quotes[0].lang.as_deref(), Some("fr"));
    assert_eq!(l.log.events[0].quotes[0].original, None);
}

#[test]
fn an_original_without_translated_is_an_error_with_the_fix() {
    let yaml = quoting(
        "      - text: We are ready.\n        attribution: a spokesman\n        original: \"ما آماده ایم\"\n",
    );
    let errs = errors(&yaml);
    assert_eq!(errs.len(), 1, "{errs:?}");
    let d = &errs[0];
    assert_eq!(
        d.line,
        yaml.lines().position(|l| l.contains("original:")).unwrap() + 1
    );
    assert_eq!(d.path, "events[0].quotes[0].original");
    assert!(d.message.contains("`translated: true`"), "{}", d.message);
    assert!(
        d.help
            .as_deref()
            .unwrap()
            .contains("add `translated: true`")
    );
}

#[test]
fn lang_must_be_a_bcp47_tag() {
    for good in ["fa", "zh-Hans", "pt-BR", "ar-EG", "es-419"] {
        ok(&quoting(&format!(
            "      - text: w\n        attribution: a\n        lang: {good}\n"
        )));
    }
    for bad in ["farsi", "zh_Hans", "pt-", "e"] {
        let errs = errors(&quoting(&format!(
            "      - text: w\n        attribution: a\n        lang: {bad}\n"
        )));
        assert_eq!(errs.len(), 1, "{bad}: {errs:?}");
        assert_eq!(errs[0].path, "events[0].quotes[0].lang");
        assert!(errs[0].message.contains("BCP 47"), "{}", errs[0].message);
        assert!(errs[0].help.as_deref().unwrap().contains("`zh-Hans`"));
    }
}

const ARCHIVE: &str = "طهران - قال المتحدث: «نحن مستعدون للمحادثات» يوم الجمعة.\n";

fn archived(original: &str) -> Result<Loaded, load::Report> {
    let yaml = format!(
        "sources:\n  - {{id: s, outlet: Example, archive: s.txt}}\nevents:\n  - date: 2025-10-25\n    kind: statement\n    title: T\n    sources: [s]\n    quotes:\n      - text: We are ready for talks\n        attribution: the spokesman\n        translated: true\n        original: \"{original}\"\n        lang: ar\n"
    );
    load::load_str_with("log.yaml", &yaml, Archives::Given(&[("s.txt", ARCHIVE)]))
}

#[test]
fn an_original_is_checked_against_the_archive_as_verbatim_words_are() {
    let l = archived("نحن مستعدون للمحادثات").unwrap();
    match &l.log.events[0].quotes[0].verification {
        Verification::Verified { at } => assert_eq!(&ARCHIVE[at.clone()], "نحن مستعدون للمحادثات"),
        other => panic!("expected verified, got {other:?}"),
    }
    // An original not in the archive is flagged (the log still opens, as for any quote not
    // found), and the message says it is the original.
    let l = archived("نحن غير مستعدين للمحادثات").unwrap();
    assert_eq!(l.log.events[0].quotes[0].verification.as_str(), "not-found");
    let errs: Vec<_> = l
        .warnings
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(
        errs[0]
            .message
            .contains("the quote's `original` is not in its archive"),
        "{}",
        errs[0].message
    );
}

#[test]
fn a_quotes_party_must_include_its_speakers_party() {
    let yaml = quoting("      - text: w\n        speaker: trump\n        party: china\n");
    let errs = errors(&yaml);
    assert_eq!(errs.len(), 1, "{errs:?}");
    let d = &errs[0];
    assert_eq!(
        d.line,
        yaml.lines()
            .position(|l| l.contains("party: china"))
            .unwrap()
            + 1
    );
    assert!(d.message.contains("\"us\""), "{}", d.message);
    let help = d.help.as_deref().unwrap();
    assert!(help.contains("remove `party`"), "{help}");
    assert!(help.contains("party: [us, china]"), "{help}");
    // A joint statement read by one side, the side written alone, or a speaker with no
    // party: all fine.
    ok(&quoting(
        "      - text: w\n        speaker: faisal\n        party: [saudi, iran]\n",
    ));
    ok(&quoting(
        "      - text: w\n        speaker: faisal\n        party: saudi\n",
    ));
    ok(&quoting(
        "      - text: w\n        speaker: envoy\n        party: china\n",
    ));
    let errs = errors(&quoting(
        "      - text: w\n        speaker: faisal\n        party: [iran, china]\n",
    ));
    assert!(
        errs[0]
            .help
            .as_deref()
            .unwrap()
            .contains("[saudi, iran, china]")
    );
}

fn talks(timezone: &str, date: &str, end: &str) -> Loaded {
    ok(&format!(
        "timezone: {timezone}\nevents:\n  - date: {date}\n    end: {end}\n    kind: meeting\n    title: Talks\n"
    ))
}

#[test]
fn a_date_only_end_after_a_zoned_time_is_a_day_on_that_clock() {
    // 26 October ends in Kuala Lumpur (UTC+8) at 16:00 UTC, whatever the reading zone.
    for reading in ["UTC", "America/New_York", "Pacific/Auckland"] {
        let l = talks(reading, "2025-10-25T10:00[Asia/Kuala_Lumpur]", "2025-10-26");
        let end = l.log.events[0].end.unwrap();
        assert_eq!(
            end.end_exclusive().to_rfc3339(),
            "2025-10-26T16:00:00+00:00",
            "{reading}"
        );
        assert_eq!(end.written(), "2025-10-26");
    }
    // On a written offset alone, the offset's day.
    let l = talks("UTC", "2025-10-25T10:00-05:00", "2025-10-26");
    assert_eq!(
        l.log.events[0].end.unwrap().end_exclusive().to_rfc3339(),
        "2025-10-27T05:00:00+00:00"
    );
    // After a date without a time, still the reading zone's day.
    let l = talks("Asia/Tokyo", "2025-10-25", "2025-10-26");
    assert_eq!(
        l.log.events[0].end.unwrap().end_exclusive().to_rfc3339(),
        "2025-10-26T15:00:00+00:00"
    );
    // Evening talks in Honolulu ending the same day there are not "before" their date, even
    // read in Tokyo, where that day ended earlier.
    talks(
        "Asia/Tokyo",
        "2025-10-25T20:00[Pacific/Honolulu]",
        "2025-10-25",
    );
}
