//! A small log built by hand for unit tests, so they do not depend on the loader or on
//! the sample's wording. It holds one of each case the exports must handle: a month-only
//! date with a note, a timed event on its own clock, an expected event, a paraphrase, an
//! unnamed speaker with a party, a quote without source, and hostile text.

use crate::model::{
    Actor, Date, Event, Kind, Log, Origin, Party, Quote, Source, Status, Verification,
};

fn d(s: &str) -> Date {
    Date::parse(s).expect("fixture date")
}

fn event(id: &str, date: &str, kind: Kind, title: &str) -> Event {
    Event {
        id: id.into(),
        id_derived: false,
        date: d(date),
        end: None,
        date_note: None,
        kind,
        status: Status::Occurred,
        title: title.into(),
        summary: None,
        location: None,
        actors: vec![],
        named_parties: vec![],
        topics: vec![],
        sources: vec![],
        related: vec![],
        quotes: vec![],
        origin: Origin::default(),
        related_by: vec![],
        parties: vec![],
        involved: vec![],
    }
}

fn quote(text: &str) -> Quote {
    Quote {
        text: text.into(),
        speaker: None,
        attribution: None,
        parties: vec![],
        source: None,
        paraphrase: false,
        translated: false,
        original: None,
        lang: None,
        verification: Verification::NoArchive,
        origin: Origin::default(),
    }
}

/// Parties: us, israel, hamas. Actors: burns (us), barnea (israel), haniyeh (hamas),
/// kamel (no party). Sources: reuters (full), wire (outlet only).
pub(crate) fn log() -> Log {
    let party = |id: &str, name: &str| Party {
        id: id.into(),
        name: name.into(),
        color: None,
        origin: Origin::default(),
    };
    let actor = |id: &str, name: &str, party: Option<usize>, role: Option<&str>| Actor {
        id: id.into(),
        name: name.into(),
        party,
        role: role.map(Into::into),
        aliases: vec![],
        origin: Origin::default(),
    };
    let parties = vec![
        party("us", "United States"),
        party("israel", "Israel"),
        party("hamas", "Hamas"),
    ];
    let actors = vec![
        actor("burns", "William Burns", Some(0), Some("CIA director")),
        actor("barnea", "David Barnea", Some(1), Some("Mossad chief")),
        actor(
            "haniyeh",
            "Ismail Haniyeh",
            Some(2),
            Some("Hamas political leader"),
        ),
        actor("kamel", "Abbas Kamel", None, None),
    ];
    let sources = vec![
        Source {
            id: "reuters".into(),
            outlet: "Reuters".into(),
            title: Some("Hamas delegation heads to Cairo".into()),
            url: Some("https://example.org/reuters".into()),
            published: Some(d("2024-05-03")),
            byline: vec!["Ahmed Mohamed Hassan".into(), "Nidal al-Mughrabi".into()],
            archive: None,
            origin: Origin::default(),
        },
        Source {
            id: "wire".into(),
            outlet: "Wire".into(),
            title: None,
            url: None,
            published: None,
            byline: vec![],
            archive: None,
            origin: Origin::default(),
        },
    ];

    let mut push = event(
        "egypt-push",
        "2024-04",
        Kind::Proposal,
        "Egypt renews its push",
    );
    push.date_note = Some("late last month".into());
    push.actors = vec![3];
    push.topics = vec!["ceasefire".into()];
    push.sources = vec![0];

    let mut speech = event(
        "haniyeh-speech",
        "2024-04-05T21:00+03:00",
        Kind::Statement,
        "Haniyeh lists demands",
    );
    speech.summary = Some("First line.\nSecond line with \u{1b}[31mescape".into());
    speech.actors = vec![2];
    speech.topics = vec!["hostages".into(), "ceasefire".into()];
    speech.sources = vec![1];
    speech.quotes = vec![Quote {
        speaker: Some(2),
        source: Some(1),
        ..quote("We will not give up.")
    }];

    let mut arrive = event(
        "burns-arrives",
        "2024-05-03",
        Kind::Travel,
        "Burns *arrives* in Cairo",
    );
    arrive.location = Some("Cairo".into());
    arrive.actors = vec![0];
    arrive.sources = vec![0];
    arrive.related = vec![0];
    arrive.quotes = vec![
        Quote {
            attribution: Some("a US official".into()),
            parties: vec![0],
            source: Some(0),
            ..quote("There is \"some progress\", but a way to go.")
        },
        Quote {
            speaker: Some(2),
            attribution: Some("a statement from the group".into()),
            source: Some(0),
            paraphrase: true,
            ..quote("Hamas said it would study the proposal")
        },
        Quote {
            attribution: Some("a senior official".into()),
            ..quote("No source for this one.")
        },
    ];

    let mut meet = event(
        "cairo-meeting",
        "2024-05-04",
        Kind::Meeting,
        "Meeting in Cairo\u{202e}gpj",
    );
    meet.status = Status::Expected;
    meet.end = Some(d("2024-05-05"));
    meet.actors = vec![0, 1, 3];
    meet.related = vec![2];

    let mut events = vec![push, speech, arrive, meet];
    // Derived fields, as the loader would fill them.
    events[0].parties = vec![];
    events[0].involved = vec![3];
    events[0].related_by = vec![2];
    events[1].parties = vec![2];
    events[1].involved = vec![2];
    events[2].parties = vec![0, 2];
    events[2].involved = vec![0, 2];
    events[2].related_by = vec![3];
    events[3].parties = vec![0, 1];
    events[3].involved = vec![0, 1, 3];

    let ids = |names: Vec<&str>| {
        names
            .into_iter()
            .enumerate()
            .map(|(i, n)| (n.to_string(), i))
            .collect()
    };
    Log {
        files: vec!["fixture.yaml".into()],
        title: Some("Fixture talks".into()),
        description: None,
        archives: vec![None; 2],
        timezone: crate::model::DEFAULT_ZONE,
        party_ids: ids(parties.iter().map(|p| p.id.as_str()).collect()),
        actor_ids: ids(actors.iter().map(|a| a.id.as_str()).collect()),
        source_ids: ids(sources.iter().map(|s| s.id.as_str()).collect()),
        event_ids: ids(events.iter().map(|e| e.id.as_str()).collect()),
        parties,
        actors,
        sources,
        events,
        party_files: Vec::new(),
        actor_files: Vec::new(),
        file_hashes: Vec::new(),
        archive_stamps: Vec::new(),
    }
}
