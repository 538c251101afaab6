use super::*;

fn p(s: &str) -> Result<Node, YamlError> {
    parse(s, &Limits::default())
}

fn pairs(n: &Node) -> &[(Node, Node)] {
    match &n.value {
        Value::Map(pairs) => pairs,
        other => panic!("not a mapping: {other:?}"),
    }
}

/// The text of the file under a node's span.
fn under<'t>(text: &'t str, n: &Node) -> &'t str {
    &text[n.span.range()]
}

#[test]
fn a_control_character_is_reported_where_it_is() {
    let e = p("a: 1\nb: \"x\u{8}y\"\n").unwrap_err();
    assert_eq!(e.mark, Mark::new(2, 6));
    assert!(e.message.contains("U+0008"), "{}", e.message);
    let e = p("a: 1\nb: \"é\u{9f}\"\n").unwrap_err();
    assert_eq!(e.mark, Mark::new(2, 6));
    assert!(e.message.contains("U+009F"), "{}", e.message);
    assert!(unprintable("a: \"x\u{85}y é 中 😀\"\n\t\r\n").is_ok());
    assert!(unprintable("a: \u{ffff}").is_err());
}

#[test]
fn nodes_know_where_they_are() {
    let n = p("a: 1\nb:\n  - x\n  - 'y'\n").unwrap();
    let Value::Seq(items) = &pairs(&n)[1].1.value else {
        panic!()
    };
    assert_eq!(items[1].mark, Mark::new(4, 5));
    assert_eq!(
        items[1].value,
        Value::Scalar {
            text: "y".into(),
            plain: false
        }
    );
}

#[test]
fn every_node_knows_its_bytes() {
    let text = "é: \"ü\\\"\"  # a \"comment\"\nq: 'it''s' # 'x'\nlist:\n  - plain words\n  - {k: v, w: [1, 2]}\n  - |\n    block\n    text\nflow: [a, 'b c']\n";
    let n = p(text).unwrap();
    let top = pairs(&n);
    assert_eq!(under(text, &top[0].0), "é");
    assert_eq!(under(text, &top[0].1), "\"ü\\\"\"");
    assert_eq!(under(text, &top[1].1), "'it''s'");
    let top = &top[1..];
    let Value::Seq(items) = &top[1].1.value else {
        panic!()
    };
    assert_eq!(under(text, &items[0]), "plain words");
    assert_eq!(under(text, &items[1]), "{k: v, w: [1, 2]}");
    assert_eq!(under(text, &pairs(&items[1])[1].1), "[1, 2]");
    assert_eq!(under(text, &items[2]), "|\n    block\n    text\n");
    assert_eq!(items[2].mark, Mark::new(6, 5));
    // A block list runs from its first item to the end of its last.
    assert!(under(text, &top[1].1).starts_with("- plain words"));
    assert!(under(text, &top[1].1).ends_with("text\n"));
    assert_eq!(under(text, &top[2].1), "[a, 'b c']");
    // The whole mapping, from its first key to its last value.
    assert_eq!(under(text, &n), text.trim_end());
}

#[test]
fn bytes_hold_with_crlf_and_a_byte_order_mark() {
    let text = "\u{feff}a: x\r\nb:\r\n  - \"中文\"\r\n  - y\r\n";
    let n = p(text).unwrap();
    let top = pairs(&n);
    assert_eq!(under(text, &top[0].1), "x");
    let Value::Seq(items) = &top[1].1.value else {
        panic!()
    };
    assert_eq!(under(text, &items[0]), "\"中文\"");
    assert_eq!(under(text, &items[1]), "y");
    assert_eq!(items[1].mark, Mark::new(4, 5));
}

#[test]
fn an_item_is_read_again_alone_with_the_files_bytes() {
    let text = "events:\n  - title: One\n    date: 2025-01-01\n  - title: \"Two: ü\"\n    summary: |\n      x\n    parties: [us, cn]\nflow: [{id: a, name: A}, {id: b, name: B}]\n";
    let n = p(text).unwrap();
    let Value::Seq(events) = &pairs(&n)[0].1.value else {
        panic!()
    };
    let again = parse_item(text, events[1].span).unwrap();
    assert_eq!(again.span, events[1].span);
    let fields = pairs(&again);
    assert_eq!(under(text, &fields[0].1), "\"Two: ü\"");
    assert_eq!(under(text, &fields[2].0), "parties");
    assert_eq!(under(text, &fields[2].1), "[us, cn]");
    let Value::Seq(flow) = &pairs(&n)[1].1.value else {
        panic!()
    };
    let b = parse_item(text, flow[1].span).unwrap();
    assert_eq!(under(text, &b), "{id: b, name: B}");
    assert_eq!(under(text, &pairs(&b)[1].1), "B");
}

#[test]
fn syntax_errors_have_a_position() {
    let e = p("a: [1, 2\nb: 3\n").unwrap_err();
    assert!(e.message.starts_with("YAML syntax"), "{e:?}");
    assert!(e.mark.line >= 1);
}

#[test]
fn an_unclosed_quotation_mark_is_reported_where_it_opens() {
    for text in [
        "a: 1\nb: \"open\nc: 3\nd: 4\n",
        "a: 1\nb: 'open\nc: 3\nd: 4\n",
    ] {
        let e = p(text).unwrap_err();
        assert_eq!(e.mark, Mark::new(2, 4), "{text:?}: {e:?}");
    }
}

#[test]
fn alias_bombs_are_refused() {
    let mut doc = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..12 {
        let prev = format!("*a{}", i - 1);
        doc += &format!("a{i}: &a{i} [{}]\n", vec![prev; 10].join(", "));
    }
    let e = p(&doc).unwrap_err();
    assert!(e.message.contains("alias bomb"), "{e:?}");
}

#[test]
fn aliases_of_long_strings_are_refused_by_their_bytes() {
    // Few nodes, many bytes: 1,000 aliases of one 1 MiB string would weigh 1 GiB.
    let mut doc = format!("a: &big \"{}\"\nb: [", "x".repeat(1 << 20));
    doc += &vec!["*big"; 1000].join(", ");
    doc += "]\n";
    let e = p(&doc).unwrap_err();
    assert!(e.message.contains("times the bytes of the file"), "{e:?}");
    assert!(e.message.contains("alias bomb"), "{e:?}");
    assert_eq!(e.mark.line, 2);
}

#[test]
fn nested_anchors_are_not_copied_until_an_alias_asks() {
    // Sixty lists, each anchored inside the last, and one alias of the innermost: copying
    // every anchored list when it closed cost sixty times the file.
    let depth = 60;
    let mut doc = String::from("a: ");
    for i in 0..depth {
        doc += &format!("&n{i} [w, ");
    }
    doc += &"x, ".repeat(20_000);
    doc += "y";
    doc += &"]".repeat(depth);
    doc += &format!("\nb: *n{}\n", depth - 1);
    let limits = Limits {
        max_depth: 100,
        ..Limits::default()
    };
    let n = parse(&doc, &limits).unwrap();
    let top = pairs(&n);
    let Value::Seq(inner) = &top[1].1.value else {
        panic!()
    };
    assert_eq!(inner.len(), 20_002);
    let mut builder_anchors = 0;
    let mut node = &top[0].1;
    while let Value::Seq(items) = &node.value {
        builder_anchors += 1;
        match items.get(1) {
            Some(next) if matches!(next.value, Value::Seq(_)) => node = next,
            _ => break,
        }
    }
    assert_eq!(builder_anchors, depth);
}

#[test]
fn an_alias_of_an_anchor_inside_an_open_list_finds_it() {
    let n = p("a: [&x {k: v}, *x, [&y z, *y]]\n").unwrap();
    let Value::Seq(items) = &pairs(&n)[0].1.value else {
        panic!()
    };
    assert_eq!(items[0].value, items[1].value);
    let Value::Seq(inner) = &items[2].value else {
        panic!()
    };
    assert_eq!(inner[0].value, inner[1].value);
    // The copy is where the alias is written.
    assert_eq!(items[1].mark, Mark::new(1, 16));
}

#[test]
fn ordinary_aliases_stay_allowed() {
    let doc = "who: &w [hamas, israel, egypt]\na: *w\nb: *w\nc: *w\n";
    let n = p(doc).unwrap();
    assert_eq!(pairs(&n)[3].1.value, pairs(&n)[0].1.value);
}

#[test]
fn an_alias_without_its_anchor_says_so() {
    let e = p("a: *nothing\n").unwrap_err();
    assert!(e.message.contains("names no anchor"), "{e:?}");
    assert_eq!(e.mark, Mark::new(1, 4));
}

#[test]
fn nel_ls_and_ps_are_characters_not_line_breaks() {
    let doc = "a: \"x\u{85}y\"\nb: 'p\u{2028}q'\nc: r\u{2029}s\nd: [\nbad\n";
    let e = p(doc).unwrap_err();
    // The error is on the line an editor shows, not five lines further.
    assert!(e.mark.line >= 4 && e.mark.line <= 6, "{e:?}");
    let n = p("a: \"x\u{85}y\"\nb: 'p\u{2028}q'\nc: r\u{2029}s\nd: \u{2028}e\n").unwrap();
    let text = |i: usize| match &pairs(&n)[i].1.value {
        Value::Scalar { text, .. } => text.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(text(0), "x\u{85}y");
    assert_eq!(text(1), "p\u{2028}q");
    assert_eq!(text(2), "r\u{2029}s");
    assert_eq!(pairs(&n)[3].1.mark, Mark::new(4, 4));
}

#[test]
fn deep_nesting_is_refused() {
    let doc = "[".repeat(100_000);
    let e = p(&doc).unwrap_err();
    assert!(e.message.contains("nesting deeper than 64"), "{e:?}");
    let doc = format!("{}1{}", "[".repeat(70), "]".repeat(70));
    let e = p(&doc).unwrap_err();
    assert!(e.message.contains("nesting deeper than 64"), "{e:?}");
}

#[test]
fn second_documents_and_empty_files_are_refused() {
    assert!(
        p("a: 1\n---\nb: 2\n")
            .unwrap_err()
            .message
            .contains("second YAML document")
    );
    assert!(p("").unwrap_err().message.contains("no YAML document"));
    assert!(
        p("# only a comment\n")
            .unwrap_err()
            .message
            .contains("no YAML document")
    );
}

#[test]
fn the_top_level_keys_of_a_file_with_their_bytes() {
    let text = "# a log\ndateline: 1\nsources: []\nevents:\n  - {title: A}\n  - title: B\n    date: 2024\n";
    let keys = crate::load::document_fields(text).unwrap();
    let names: Vec<&str> = keys.iter().map(|k| k.key.as_str()).collect();
    assert_eq!(names, ["dateline", "sources", "events"]);
    assert_eq!(&text[keys[1].value_span.range()], "[]");
    assert!(text[keys[2].value_span.range()].ends_with("date: 2024"));
}

#[test]
fn characters_become_bytes_forwards_and_back() {
    let text = "ab é中😀 cd\u{85}e fghijklmnopq é";
    let mut offsets = ByteOffsets::new(text);
    let all: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    for (c, &b) in all.iter().enumerate() {
        assert_eq!(offsets.byte(c), b, "char {c}");
    }
    for (c, &b) in all.iter().enumerate().rev() {
        assert_eq!(offsets.byte(c), b, "back to char {c}");
    }
    for &c in &[3, 17, 0, 22, 5, 5, 21, 1] {
        assert_eq!(offsets.byte(c), all[c], "jump to char {c}");
    }
    assert_eq!(offsets.byte(all.len()), text.len());
    assert_eq!(offsets.byte(all.len() + 5), text.len());
}

#[test]
fn characters_become_bytes_on_a_walk_back_and_forth() {
    // Steps back as the parser takes them (from one event's end to the next one's start),
    // over ASCII runs and wide characters alike.
    let text = "key: value é\n  - 中文 x\n  - 'a 😀 b' # c\nplain words and more words\nü";
    let all: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain([text.len()])
        .collect();
    let mut offsets = ByteOffsets::new(text);
    let mut state = 7u64;
    let mut at = 0usize;
    for _ in 0..2_000 {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let step = (state >> 33) as usize % 9;
        at = if state & 1 == 0 {
            (at + step).min(all.len() - 1)
        } else {
            at.saturating_sub(step)
        };
        assert_eq!(offsets.byte(at), all[at], "char {at}");
    }
}

#[test]
fn a_control_character_is_found_wherever_it_is_in_a_line() {
    let line = "  - title: The talks resume in Doha\n";
    let text = line.repeat(5);
    for at in 0..text.len() {
        let mut bad = text.clone();
        bad.insert(at, '\u{1}');
        let before = &bad[..at];
        let line_no = before.matches('\n').count() + 1;
        let col = at - before.rfind('\n').map_or(0, |n| n + 1) + 1;
        let e = unprintable(&bad).unwrap_err();
        assert_eq!(e.mark, Mark::new(line_no, col), "at byte {at}");
    }
    assert!(unprintable(&text).is_ok());
}

#[test]
fn values_past_the_memory_budget_are_refused() {
    // A budget of 1 MiB allows 16,384 values (at 64 bytes each).
    let limits = Limits {
        memory_budget: 1 << 20,
        ..Limits::default()
    };
    let doc = format!("a: [{}]\n", vec!["x"; 17_000].join(", "));
    let e = parse(&doc, &limits).unwrap_err();
    assert!(
        e.message
            .contains("over the memory budget of one load (1 MiB)"),
        "{e:?}"
    );
    assert!(parse(&doc, &Limits::default()).is_ok());
}
