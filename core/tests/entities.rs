//! Entity extraction, end to end: one-line cases per rule, the mention invariants, a no-panic
//! property test, the seed article, and precision and recall over hand-annotated news texts
//! in `tests/fixtures/news/`.
#![cfg(feature = "extract")]

use explorer_core::entities::{extract, Entity, EntityKind};
use explorer_core::{Document, Span};
use std::collections::BTreeMap;

/// A document whose body is `text` (under a neutral title line).
fn doc(text: &str) -> Document {
    Document::parse("t.txt", &format!("Note\n\n{text}"))
}

/// The mentions found in `text`, in reading order, as "KIND surface; KIND surface".
fn mentions(text: &str) -> String {
    mentions_of(&doc(text))
}

fn mentions_of(d: &Document) -> String {
    let mut all: Vec<(Span, EntityKind)> = extract(d)
        .iter()
        .flat_map(|e| e.mentions.iter().map(move |&m| (m, e.kind)))
        .collect();
    all.sort();
    all.iter()
        .map(|(m, k)| format!("{} {}", k.label(), m.of(&d.text)))
        .collect::<Vec<_>>()
        .join("; ")
}

fn check(text: &str, expected: &str) {
    assert_eq!(mentions(text), expected, "in: {text}");
}

/// `check` on a whole file's text (its own title and header, if it has them), with the
/// mention invariants.
fn check_file(text: &str, expected: &str) {
    let d = Document::parse("note.txt", text);
    assert_eq!(mentions_of(&d), expected, "in: {text:?}");
    assert_invariants(&d, &extract(&d));
}

/// The entities of `text` as "KIND canonical [aliases] ×count", sorted.
fn entities(text: &str) -> Vec<String> {
    extract(&doc(text)).iter().map(describe).collect()
}

fn describe(e: &Entity) -> String {
    let aliases = if e.aliases.is_empty() {
        String::new()
    } else {
        format!(" [{}]", e.aliases.join(", "))
    };
    format!(
        "{} {}{} ×{}",
        e.kind.label(),
        e.canonical,
        aliases,
        e.count()
    )
}

#[test]
fn each_kind() {
    check(
        "Jens Stoltenberg visited Seoul on Monday.",
        "PER Jens Stoltenberg; GPE Seoul",
    );
    check(
        "The talks were held at the Sejong Institute.",
        "ORG Sejong Institute",
    );
    check(
        "Ships crossed the Korean Peninsula coast and the South China Sea.",
        "LOC Korean Peninsula; LOC South China Sea",
    );
    check(
        "It was built after World War II and lasted through the Cold War.",
        "EVENT World War II; EVENT Cold War",
    );
    check(
        "Soviet armies faced European and Chinese leaders.",
        "NORP Soviet; NORP European; NORP Chinese",
    );
    check(
        "Trade between Kenya and Tanzania grew.",
        "GPE Kenya; GPE Tanzania",
    );
    check(
        "They sailed from Africa across the Indian Ocean.",
        "LOC Africa; LOC Indian Ocean",
    );
    check(
        "The Ministry of Foreign Affairs issued a note.",
        "ORG Ministry of Foreign Affairs",
    );
    check(
        "She joined the Chinese Academy of Social Sciences in 2001.",
        "ORG Chinese Academy of Social Sciences",
    );
    check(
        "Rebels fought in the Korean War and in the Battle of Britain.",
        "EVENT Korean War; EVENT Battle of Britain",
    );
    check("Climbers left for Mount Everest.", "LOC Mount Everest");
    check(
        "He lives in Zürich, not in São Paulo or Sao Paulo.",
        "GPE Zürich; GPE São Paulo; GPE Sao Paulo",
    );
    check(
        "The talks in Sichuan Province ended.",
        "GPE Sichuan Province",
    );
    check("Floods hit the Kivu region again.", "LOC Kivu");
    check("Shares of Procter & Gamble rose.", "ORG Procter & Gamble");
    check(
        "The Beijing Winter Olympics opened.",
        "EVENT Beijing Winter Olympics",
    );
}

#[test]
fn short_texts_keep_every_entity() {
    let check = check_file;
    // One line.
    check(
        "Delegates of the United Nations met in Geneva on Friday.",
        "ORG United Nations; GPE Geneva",
    );
    // Two sentences on two lines, and in two paragraphs.
    check(
        "Angela Merkel met Emmanuel Macron in Berlin on Monday.\nThey talked about trade.",
        "PER Angela Merkel; PER Emmanuel Macron; GPE Berlin",
    );
    check(
        "Angela Merkel met Emmanuel Macron in Berlin on Monday.\n\nThen Macron flew home to Paris.",
        "PER Angela Merkel; PER Emmanuel Macron; GPE Berlin; PER Macron; GPE Paris",
    );
    // A headline (scanned too), then one paragraph.
    check(
        "Storm hits Lisbon\n\nThe storm reached Portugal on Friday.",
        "GPE Lisbon; GPE Portugal",
    );
    // A real header: the byline's author is a person.
    check(
        "Storm hits Lisbon\nCoastal Times\n2023-03-03 10:15\n\nBy Ana Silva\n\nThe storm reached Portugal.",
        "GPE Lisbon; ORG Coastal Times; PER Ana Silva; GPE Portugal",
    );
    // Not a byline: "Friday" is no author.
    check(
        "Talks in Geneva\n\nBy Friday, the talks in Vienna had failed.",
        "GPE Geneva; GPE Vienna",
    );
}

#[test]
fn no_name_runs_across_the_lines_of_a_list_but_one_does_across_a_wrapped_line() {
    let check = check_file;
    // A list of names, one per line: four people, none lost or run together.
    check(
        "Attendees\n\nJustin Trudeau\nEmmanuel Macron\nAngela Merkel\nBoris Johnson\n\nThe talks were long.",
        "PER Justin Trudeau; PER Emmanuel Macron; PER Angela Merkel; PER Boris Johnson",
    );
    // A person and her town and country, each on its line.
    check(
        "Write to\n\nMaria Rossi\nMilan\nItaly",
        "PER Maria Rossi; GPE Milan; GPE Italy",
    );
    // Prose wrapped at a fixed width: the name goes on across the break.
    check(
        "The talks in Brussels were led on the German side by Chancellor Angela\n\
         Merkel, who arrived on Monday with a delegation of twelve officials.",
        "GPE Brussels; NORP German; PER Angela\nMerkel",
    );
}

#[test]
fn a_company_suffix_after_a_comma_is_part_of_its_name() {
    check(
        "Kelly Cloud, Senior Vice President of CCNG, Inc., called on Monday.",
        "PER Kelly Cloud; ORG CCNG, Inc.",
    );
    check(
        "The founder of Theatre for Children, Inc. spoke first.",
        "ORG Theatre for Children, Inc.",
    );
    // The sentence's stop after an abbreviated suffix is no part of it.
    check(
        "The papers went to the counterparty, CCNG, Inc.. On Monday she called.",
        "ORG CCNG, Inc.",
    );
    // Not "LLC" alone.
    check(
        "The lease went to Mobile South, LLC in March.",
        "ORG Mobile South, LLC",
    );
    // A state after a comma is no suffix.
    check("She moved to Adelaide, SA last year.", "GPE Adelaide");
}

#[test]
fn a_legal_suffix_right_after_a_name_is_part_of_it() {
    // Whatever the tagger made of the name (a person, nothing at all), it is a company.
    for suffix in ["AG", "plc", "SpA", "S.A.", "N.V.", "GmbH", "Pty Ltd"] {
        check(
            &format!("Kohlberg Smithers {suffix} said on Friday it expected profit to rise."),
            &format!("ORG Kohlberg Smithers {suffix}"),
        );
    }
    // Two companies, each with its suffix, joined by "and": two.
    check(
        "Swiss drug makers Ciba-Geigy AG and Sandoz AG said they would merge .",
        "NORP Swiss; ORG Ciba-Geigy AG; ORG Sandoz AG",
    );
    // A short name in parentheses after a company's is that company, wherever it is
    // written; Malaysian suffixes are suffixes.
    assert_eq!(
        entities(
            "State oil company Petroliam Nasional Bhd ( Petronas ) posted a record profit . \
             Petronas president Mohamad Hassan Marican spoke ."
        ),
        [
            "PER Mohamad Hassan Marican ×1",
            "ORG Petroliam Nasional Bhd [Petronas] ×3"
        ]
    );
    // So is an acronym in capitals there, even of the name in another language; not a
    // place ("Boeing Co ( USA )").
    assert_eq!(
        entities(
            "The Kurdistan Workers Party ( PKK ) said its guerrillas had attacked . A statement \
             by the PKK said so . Boeing Co ( USA ) rose ."
        ),
        [
            "ORG Boeing Co ×1",
            "ORG Kurdistan Workers Party [PKK] ×3",
            "GPE United States [USA] ×1"
        ]
    );
    // A firm of brothers; the sentence's stop stays out of a suffix written in full.
    check(
        "Analysts at Salomon Brothers said the results were in line.",
        "ORG Salomon Brothers",
    );
    check("He worked for Lehman Brothers.", "ORG Lehman Brothers");
    // The name joins its first word used alone later, on one chip.
    assert_eq!(
        entities("Commerzbank AG said on Friday it would grow. Shares of Commerzbank rose."),
        ["ORG Commerzbank AG [Commerzbank] ×2"]
    );
    // After "and the", the name is what follows.
    check(
        "They toured with Buddy Holly and the Everly Brothers in 1958.",
        "PER Buddy Holly; ORG Everly Brothers",
    );
    // A word that goes on is no suffix, and a listed name stays whole.
    check(
        "The Organisation for Economic Co-operation and Development met.",
        "ORG Organisation for Economic Co-operation and Development",
    );
}

#[test]
fn a_place_of_work_is_the_employer() {
    check(
        "Today is my last day in the office here at Azurix. I leave after five years at Enron.",
        "ORG Azurix; ORG Enron",
    );
    check(
        "He took a job at Good Burger last summer.",
        "ORG Good Burger",
    );
    // A place the gazetteer knows stays a place.
    check("She spent five years at Oxford.", "GPE Oxford");
}

#[test]
fn a_storm_is_an_event_not_a_person() {
    assert_eq!(
        entities(
            "Hurricane Katrina devastated New Orleans in 2005. Katrina killed 1,800 people. \
             Tropical Storm Rita formed later. Katrina Smith wrote about it."
        ),
        [
            "PER Katrina Smith ×1",
            "GPE New Orleans ×1",
            "EVENT Hurricane Katrina [Katrina] ×2",
            "EVENT Tropical Storm Rita ×1",
        ]
    );
    // A longer name that holds the storm keeps its reading.
    check(
        "The Hurricane Katrina Relief Fund raised money.",
        "ORG Hurricane Katrina Relief Fund",
    );
}

#[test]
fn decomposed_accents_give_the_same_entities() {
    use unicode_normalization::UnicodeNormalization;
    check("Flights to Sa\u{303}o Paulo.", "GPE Sa\u{303}o Paulo");
    check("Banks in Zu\u{308}rich.", "GPE Zu\u{308}rich");
    // The same entities, counts and kinds, whether the accents are composed (NFC) or
    // decomposed (NFD, as macOS file systems and some exports write them).
    let summary = |text: &str| -> Vec<String> {
        let d = Document::parse("x.txt", text);
        let mut found: Vec<String> = extract(&d)
            .iter()
            .map(|e| {
                let canonical: String = e.canonical.nfc().collect();
                format!("{} {canonical} ×{}", e.kind.label(), e.count())
            })
            .collect();
        found.sort();
        found
    };
    let mut texts = vec![
        "Crónica de São Paulo\n\nJosé Mourinho flew from São Paulo to Zürich, then to Malmö and Besançon. Çelik and Ñúñez stayed in Córdoba with Ana María Núñez.".to_string(),
        include_str!("../../seeds/000_f229af850eb50190.txt").to_string(),
    ];
    texts.extend(fixtures().into_iter().map(|(_, text, _)| text));
    let mut n_with_accents = 0;
    for text in texts {
        let nfc: String = text.nfc().collect();
        let nfd: String = text.nfd().collect();
        if nfc == nfd {
            continue;
        }
        n_with_accents += 1;
        assert_eq!(summary(&nfc), summary(&nfd), "{nfc}");
        let d = Document::parse("x.txt", &nfd);
        assert_invariants(&d, &extract(&d));
    }
    assert!(n_with_accents >= 2);
}

#[test]
fn titles_are_not_part_of_names() {
    check(
        "NATO Secretary-General Jens Stoltenberg spoke.",
        "ORG NATO; PER Jens Stoltenberg",
    );
    check(
        "President Joe Biden met Prime Minister Fumio Kishida.",
        "PER Joe Biden; PER Fumio Kishida",
    );
    check("Later, Mr. Smith left early.", "PER Smith");
    check(
        "Chinese Foreign Minister Wang Yi arrived.",
        "NORP Chinese; PER Wang Yi",
    );
    check("Dr. Anthony Fauci testified.", "PER Anthony Fauci");
    check(
        "The talks, said spokesperson Mao Ning, went well.",
        "PER Mao Ning",
    );
    check(
        "U.S. Secretary of State Antony Blinken flew in.",
        "GPE U.S.; PER Antony Blinken",
    );
    check(
        "On stage, Apple CEO Tim Cook spoke.",
        "ORG Apple; PER Tim Cook",
    );
    check(
        "The Justice Department and General Motors agreed.",
        "ORG Justice Department; ORG General Motors",
    );
    check("They signed the General Peace Agreement.", "");
    // Initials before a name are part of it, abbreviations are not.
    check(
        "Analysts at J.P. Morgan said the dollar would stay firm.",
        "ORG J.P. Morgan",
    );
    check(
        "And then J.K. Rowling wrote the last page. Friends included J. Edgar Hoover and \
         Richard Nixon. In 44 A.D. Tacitus wrote.",
        "PER J.K. Rowling; PER J. Edgar Hoover; PER Richard Nixon; PER Tacitus",
    );
    // A name goes on over a hyphen before a part that is no word ("Silpa-archa"), not
    // before one that is ("Merkel-led").
    check(
        "Prime Minister Banharn Silpa-archa told parliament. Angela Merkel-led talks went on.",
        "PER Banharn Silpa-archa; PER Angela Merkel",
    );
    // A given name and a town's name is a person where the whole is no place (Dole, Jura);
    // not a compass point ("West Point"), nor a given name that is a place ("Florence").
    check(
        "The Conservative leader John Major spoke to Bob Dole in Washington .",
        "PER John Major; PER Bob Dole; GPE Washington",
    );
    // Two parts of a name read apart around a particle are one name.
    check(
        "Zaire 's Prime Minister Kengo wa Dondo said the army would retake the town .",
        "GPE Zaire; PER Kengo wa Dondo",
    );
    check(
        "President Daniel arap Moi has ruled Kenya since 1978 .",
        "PER Daniel arap Moi; GPE Kenya",
    );
    // A "person" that opens with a compass point is a place; before a nationality, nothing.
    check(
        "Troops were sent from Mozdok in North Ossetia .",
        "GPE Mozdok; LOC North Ossetia",
    );
    // A name after a word for a place and "of" is that place, not a person.
    check(
        "The militia captured the town of Jabal Saraj on Friday .",
        "GPE Jabal Saraj",
    );
    // A sportsman's role before a given name: the person, whatever the name was read as.
    check(
        "Jockey Michael Hills rode the colt to victory at Epsom in June.",
        "PER Michael Hills; GPE Epsom",
    );
}

#[test]
fn acronym_in_parentheses_is_an_alias() {
    let text = "Jens Stoltenberg visited the Republic of Korea (ROK) and Japan. The ROK agreed. \
                The Five Eyes Alliance (FVEY) and the Quadrilateral Security Dialogue (QUAD) met. \
                QUAD members and FVEY officials talked. The Grand Regional Water Authority (GRWA) \
                said GRWA will act.";
    let found = entities(text);
    for expected in [
        "GPE Republic of Korea [ROK] ×3",
        "ORG Five Eyes Alliance [FVEY] ×3",
        "ORG Quadrilateral Security Dialogue [QUAD] ×3",
        "ORG Grand Regional Water Authority [GRWA] ×3",
    ] {
        assert!(
            found.contains(&expected.to_string()),
            "{expected} not in {found:#?}"
        );
    }
}

#[test]
fn the_rules_organisation_ending_with_a_head_word_is_taken_where_the_tagger_found_nothing() {
    check(
        "Albania 's main opposition Socialist Party said it would boycott parliament . \
         The Socialist Party won .",
        "GPE Albania; ORG Socialist Party; ORG Socialist Party",
    );
}

#[test]
fn a_tie_between_kinds_is_settled_by_the_mentions_inside_sentences() {
    // The headline's "Bundesbank" opens a sentence; the report's is read inside one.
    assert_eq!(
        entities(
            "Bundesbank leaves rates unchanged .\n\nFRANKFURT 1996-12-12\n\n\
             The Bundesbank left its key interest rates unchanged on Thursday ."
        ),
        ["ORG Bundesbank ×2", "GPE FRANKFURT ×1"]
    );
}

#[test]
fn a_name_spelt_by_the_acronym_after_it_is_read_whole() {
    // The tagger stopped at "Cooperation" and read "Europe" as a place.
    assert_eq!(
        entities(
            "Bosnian Serb leaders rejected the results of elections supervised by the \
             Organisation for Security and Cooperation in Europe ( OSCE ) ."
        ),
        [
            "ORG Organisation for Security and Cooperation in Europe [OSCE] ×2",
            "NORP Bosnian ×1",
            "NORP Serb ×1"
        ]
    );
    // Initials that spell something else leave the names as they were read.
    check(
        "The Organisation for Security and Cooperation in Europe (OSZE) met.",
        "ORG Organisation for Security and Cooperation; LOC Europe",
    );
}

#[test]
fn initials_in_capitals_stand_for_a_name_of_the_document() {
    assert_eq!(
        entities(
            "The Palestine Liberation Organisation condemned the attack, PLO official Ahmed \
             Abdel-Rahman said."
        ),
        [
            "PER Ahmed Abdel-Rahman ×1",
            "ORG Palestine Liberation Organisation [PLO] ×2"
        ]
    );
}

#[test]
fn well_known_short_forms_merge() {
    let found = entities(
        "The US and the U.S. and America and the United States, then the USA. \
         The UK, Britain and the United Kingdom. The UN and the United Nations. The EU.",
    );
    assert_eq!(
        found,
        [
            "ORG European Union [EU] ×1",
            "ORG United Nations [UN] ×2",
            "GPE United Kingdom [UK, Britain] ×3",
            "GPE United States [US, U.S., America, USA] ×5",
        ]
    );
}

#[test]
fn surname_only_mention_merges_with_full_name() {
    assert_eq!(
        entities("Jens Stoltenberg arrived on Monday. Stoltenberg said the alliance was ready, and later Stoltenberg left."),
        ["PER Jens Stoltenberg [Stoltenberg] ×3"]
    );
    assert_eq!(
        entities("President Biden spoke first. Later, Joe Biden thanked the crowd."),
        ["PER Joe Biden [Biden] ×2"]
    );
    // Family name first.
    assert_eq!(
        entities("Foreign Minister Wang Yi met reporters. Wang said talks would go on."),
        ["PER Wang Yi [Wang] ×2"]
    );
}

#[test]
fn possessives_are_left_out() {
    check("NATO's attempt failed.", "ORG NATO");
    check("NATO’s attempt failed.", "ORG NATO");
    check("In China's view, it works.", "GPE China");
    check(
        "The People's Liberation Army moved.",
        "ORG People's Liberation Army",
    );
}

#[test]
fn hyphenated_names() {
    check("The US-led NATO grew.", "GPE US; ORG NATO");
    check(
        "The Russia-Ukraine conflict and the Russia–Ukraine talks.",
        "GPE Russia; GPE Ukraine; GPE Russia; GPE Ukraine",
    );
    check(
        "Tension in the Asia-Pacific region rose.",
        "LOC Asia-Pacific",
    );
    check(
        "It joined the Indo-Pacific Economic Framework for Prosperity.",
        "ORG Indo-Pacific Economic Framework for Prosperity",
    );
    check(
        "Kim Jong-un and Moon Jae-in met.",
        "PER Kim Jong-un; PER Moon Jae-in",
    );
}

#[test]
fn sentence_initial_ordinary_words_are_not_names() {
    check(
        "Besides, NATO grew. Especially after 2014 it grew. Today, it is big. However, it is slow. \
         In the end it won. At present, China waits. Many Americans agree.",
        "ORG NATO; GPE China; NORP Americans",
    );
    check(
        "Will you come? May I help? Mark the date. Nice work. Reading is fun.",
        "",
    );
    check("Security Strategy Research is hard.", "");
}

#[test]
fn months_weekdays_and_furniture_are_not_entities() {
    check(
        "On Monday in March the talks resumed, and on Easter Sunday they ended.",
        "",
    );
    let d = Document::parse(
        "t.txt",
        "Title line\n\nNATO met in Brussels.\n\nRelated News",
    );
    let names: Vec<String> = extract(&d).iter().map(describe).collect();
    assert_eq!(names, ["ORG NATO ×1", "GPE Brussels ×1"]);
}

#[test]
fn ambiguous_words_need_support() {
    check(
        "She moved to Nice in 2019 and later to Reading.",
        "GPE Nice; GPE Reading",
    );
    check("They had a nice time reading.", "");
    check(
        "Jordan Henderson scored while Jordan watched.",
        "PER Jordan Henderson; GPE Jordan",
    );
    check(
        "Sydney Sweeney flew to Sydney.",
        "PER Sydney Sweeney; GPE Sydney",
    );
}

#[test]
fn header_fields() {
    let d = Document::parse(
        "x.txt",
        "\"Asia-Pacific version\" created to threaten stability\n\n\nChina Military Online\nHuang Panyue\n2023-03-03 00:50:38\n\nBy Zheng Zaixing\n\n\nNATO Secretary-General Jens Stoltenberg recently visited Japan.",
    );
    let found: Vec<String> = extract(&d).iter().map(describe).collect();
    assert_eq!(
        found,
        [
            "PER Huang Panyue ×1",
            "PER Jens Stoltenberg ×1",
            "PER Zheng Zaixing ×1",
            "ORG China Military Online ×1",
            "ORG NATO ×1",
            "GPE Japan ×1",
            "LOC Asia-Pacific ×1",
        ]
    );
    // An editor line that is not a personal name is no person.
    let d = Document::parse(
        "x.txt",
        "Storm hits coast\nSource: Coastal Times\nEditor: Night Desk\nPublished: March 3, 2023\n\nThe storm reached Lisbon.",
    );
    let found: Vec<String> = extract(&d).iter().map(describe).collect();
    assert_eq!(found, ["ORG Coastal Times ×1", "GPE Lisbon ×1"]);
}

/// Every mention is its entity's surface form, inside a region or header field, sorted and
/// not overlapping any other mention.
fn assert_invariants(d: &Document, entities: &[Entity]) {
    let mut fields: Vec<Span> = d.regions().collect();
    fields.extend(d.meta.authors.iter().map(|f| f.span));
    fields.extend(d.meta.editor.iter().map(|f| f.span));
    fields.extend(d.meta.source.iter().map(|f| f.span));
    let mut all = Vec::new();
    for e in entities {
        assert!(!e.mentions.is_empty(), "{e:?}");
        assert!(!e.aliases.contains(&e.canonical), "{e:?}");
        assert!(
            e.mentions.windows(2).all(|w| w[0].end <= w[1].start),
            "{e:?}"
        );
        for &m in &e.mentions {
            assert!(!m.is_empty());
            assert!(
                Span::checked(&d.text, m.start as usize, m.end as usize).is_some(),
                "{m:?} not on char boundaries"
            );
            assert!(
                fields.iter().any(|f| f.contains(m)),
                "{m:?} outside regions: {e:?}"
            );
            let surface = m.of(&d.text);
            assert_eq!(surface.trim(), surface, "{e:?}");
            // Compared as the page's entity filter compares names: folded (case, accents
            // and apostrophes aside), whitespace collapsed.
            let known = |s: &str| {
                let s = explorer_core::corpus::name_key(s);
                std::iter::once(&e.canonical)
                    .chain(&e.aliases)
                    .any(|a| explorer_core::corpus::name_key(a) == s)
            };
            assert!(
                known(surface),
                "{surface:?} is neither canonical nor alias of {e:?}"
            );
            all.push(m);
        }
    }
    all.sort();
    assert!(
        all.windows(2).all(|w| w[0].end <= w[1].start),
        "overlapping mentions"
    );
}

#[test]
fn mention_spans_hold_their_invariants() {
    let seed = include_str!("../../seeds/000_f229af850eb50190.txt");
    let mut texts = vec![seed.to_string()];
    texts.extend(fixtures().into_iter().map(|(_, text, _)| text));
    texts.push("Ünïcödé: Zürich’s “NATO” — Россия, 北京, القاهرة 🚀 and the U.S.A. (USA).".into());
    for text in texts {
        let d = Document::parse("x.txt", &text);
        assert_invariants(&d, &extract(&d));
    }
}

/// A small deterministic generator (xorshift) of text mixing names, punctuation, scripts
/// and emoji, so that odd boundaries get exercised.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

#[test]
fn never_panics_on_random_unicode() {
    const PIECES: &[&str] = &[
        "NATO",
        "ROK",
        "(",
        ")",
        "(ROK)",
        "'s",
        "’s",
        "’",
        "'",
        "-",
        "–",
        "—",
        "&",
        ".",
        ",",
        "\n",
        "\n\n",
        " ",
        " ",
        " ",
        "Republic",
        "of",
        "Korea",
        "U.S.",
        "Mr.",
        "Dr",
        "President",
        "Jens",
        "Stoltenberg",
        "said",
        "the",
        "The",
        "Asia",
        "Pacific",
        "Zürich",
        "São",
        "é",
        "\u{301}",
        "\u{200D}",
        "🚀",
        "👩‍👩‍👧",
        "北京",
        "Россия",
        "القاهرة",
        "עברית",
        "\u{FEFF}",
        "\r\n",
        "\t",
        "Institute",
        "Sea",
        "War",
        "II",
        "By",
        "Source:",
        "2023-03-03",
        "A",
        "I",
        "ß",
        "ǅ",
        "İ",
        "F.",
        "St.",
        "Inc.",
        "Jr.",
        "\"",
        "“",
        "”",
        ":",
        "Jae-in",
        "Kim",
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..3000 {
        let n = (rng.next() % 40) as usize;
        let mut text = String::new();
        for _ in 0..n {
            text.push_str(rng.pick(PIECES));
            if rng.next() % 3 == 0 {
                text.push(' ');
            }
            if rng.next() % 17 == 0 {
                // Any scalar value, including unassigned and private-use ones.
                let c = char::from_u32((rng.next() % 0x11_0000) as u32).unwrap_or('x');
                text.push(c);
            }
        }
        let d = Document::parse("r.txt", &text);
        let found = extract(&d);
        assert_invariants(&d, &found);
    }
}

#[test]
fn seed_article_yields_sensible_entities() {
    let seed = include_str!("../../seeds/000_f229af850eb50190.txt");
    let d = Document::parse("000_f229af850eb50190.txt", seed);
    let found = extract(&d);
    let find = |kind: EntityKind, canonical: &str| {
        found
            .iter()
            .find(|e| e.kind == kind && e.canonical == canonical)
            .unwrap_or_else(|| {
                panic!(
                    "no {kind:?} {canonical}: {:#?}",
                    found.iter().map(describe).collect::<Vec<_>>()
                )
            })
    };
    assert!(find(EntityKind::Gpe, "Republic of Korea")
        .aliases
        .contains(&"ROK".to_string()));
    assert_eq!(find(EntityKind::Gpe, "Republic of Korea").count(), 3);
    find(EntityKind::Person, "Jens Stoltenberg");
    find(EntityKind::Person, "Zheng Zaixing");
    assert!(find(EntityKind::Org, "NATO").count() >= 15);
    assert!(find(EntityKind::Gpe, "United States")
        .aliases
        .contains(&"US".to_string()));
    assert!(find(EntityKind::Org, "Five Eyes Alliance")
        .aliases
        .contains(&"FVEY".to_string()));
    find(EntityKind::Org, "Sejong Institute");
    find(EntityKind::Loc, "Korean Peninsula");
    find(EntityKind::Event, "Cold War");
    find(EntityKind::Norp, "Soviet");
    for junk in [
        "Besides",
        "Especially",
        "Today",
        "Related News",
        "In",
        "At present",
        "Korea",
        "Pacific",
    ] {
        assert!(
            !found
                .iter()
                .any(|e| e.canonical == junk || e.aliases.iter().any(|a| a == junk)),
            "junk entity {junk}"
        );
    }
    assert_invariants(&d, &found);
}

/// A gold or predicted mention: byte range and kind.
type Labelled = (usize, usize, EntityKind);

/// The fixtures: (file name, plain text, gold mentions).
fn fixtures() -> Vec<(String, String, Vec<Labelled>)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/news");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let marked = std::fs::read_to_string(&p).expect("readable fixture");
            let (text, gold) = strip_marks(&marked);
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                text,
                gold,
            )
        })
        .collect()
}

/// Turns "{{PER|Jens Stoltenberg}} said" into the plain text and the marked spans.
fn strip_marks(marked: &str) -> (String, Vec<Labelled>) {
    let mut text = String::new();
    let mut gold = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find("{{") {
        text.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let close = after.find("}}").expect("closed mark");
        let (label, surface) = after[..close].split_once('|').expect("KIND|surface");
        let kind = EntityKind::from_label(label).expect("known kind");
        gold.push((text.len(), text.len() + surface.len(), kind));
        text.push_str(surface);
        rest = &after[close + 2..];
    }
    text.push_str(rest);
    (text, gold)
}

#[test]
fn precision_and_recall_on_news_fixtures() {
    // (true positives, predicted, gold) per kind; a hit needs the exact span and kind.
    let mut counts: BTreeMap<EntityKind, (usize, usize, usize)> = BTreeMap::new();
    let fixtures = fixtures();
    assert!(fixtures.len() >= 4, "expected at least four fixtures");
    for (name, text, gold) in &fixtures {
        let d = Document::parse(name, text);
        let found = extract(&d);
        assert_invariants(&d, &found);
        let predicted: Vec<Labelled> = found
            .iter()
            .flat_map(|e| {
                e.mentions
                    .iter()
                    .map(move |m| (m.start as usize, m.end as usize, e.kind))
            })
            .collect();
        for &(s, e, k) in &predicted {
            let c = counts.entry(k).or_default();
            c.1 += 1;
            if gold.contains(&(s, e, k)) {
                c.0 += 1;
            } else {
                println!("{name}: extra {} {:?}", k.label(), &text[s..e]);
            }
        }
        for &(s, e, k) in gold {
            counts.entry(k).or_default().2 += 1;
            if !predicted.contains(&(s, e, k)) {
                println!("{name}: missed {} {:?}", k.label(), &text[s..e]);
            }
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    let (mut tp, mut pred, mut gold) = (0, 0, 0);
    println!("kind   precision recall  (tp/pred/gold)");
    for (kind, &(t, p, g)) in &counts {
        println!(
            "{:6} {:9.2} {:6.2}  ({t}/{p}/{g})",
            kind.label(),
            ratio(t, p),
            ratio(t, g)
        );
        tp += t;
        pred += p;
        gold += g;
    }
    let (precision, recall) = (ratio(tp, pred), ratio(tp, gold));
    println!("all    {precision:9.2} {recall:6.2}  ({tp}/{pred}/{gold})");
    assert!(precision >= 0.85, "overall precision {precision:.2}");
    assert!(recall >= 0.85, "overall recall {recall:.2}");
    for kind in [EntityKind::Person, EntityKind::Org, EntityKind::Gpe] {
        let (t, p, g) = counts.get(&kind).copied().unwrap_or_default();
        assert!(
            ratio(t, p) >= 0.85,
            "{} precision {:.2}",
            kind.label(),
            ratio(t, p)
        );
        assert!(
            ratio(t, g) >= 0.8,
            "{} recall {:.2}",
            kind.label(),
            ratio(t, g)
        );
    }
}

#[test]
fn towns_and_given_names_are_teams_beside_a_result() {
    check(
        "Leeds beat Arsenal 2-1 on Saturday.",
        "ORG Leeds; ORG Arsenal",
    );
    check("Chelsea drew 0-0 with Everton.", "ORG Chelsea; ORG Everton");
    check("Barcelona's striker scored twice.", "ORG Barcelona");
    // A row of a table of standings.
    check("Newcastle 4 3 1 0 9 4 10", "ORG Newcastle");
}

#[test]
fn a_team_s_other_mentions_in_the_report_are_the_team() {
    check(
        "Leeds beat Arsenal 2-1 on Saturday.\n\nLeeds held on after the break, and the Leeds manager praised his defence.",
        "ORG Leeds; ORG Arsenal; ORG Leeds; ORG Leeds",
    );
    // "at" a club of the list after a score is the side played; at a ground it is the place.
    check(
        "Chelsea held Everton to a 2-2 draw at Stamford Bridge on Sunday while Arsenal lost 1-0 \
         at Nottingham Forest .",
        "ORG Chelsea; ORG Everton; GPE Stamford Bridge; ORG Arsenal; ORG Nottingham Forest",
    );
    // Put on the map by a preposition of place, the town stays a town.
    check(
        "Leeds beat Arsenal 2-1 on Saturday. The fans travelled home to Leeds by train.",
        "ORG Leeds; ORG Arsenal; GPE Leeds",
    );
    // With no result in the document, the town is a town.
    check(
        "Leeds held on after the break. The Leeds manager praised his defence.",
        "GPE Leeds; GPE Leeds",
    );
    // A city read apart from a team's plural name after it, beside a score, is part of the
    // team's name, and the name alone is the team.
    assert_eq!(
        entities(
            "The Chicago Bulls beat the New York Knicks 98-86 on Wednesday. Patrick Ewing \
             led the Knicks with 24 points."
        ),
        [
            "PER Patrick Ewing ×1",
            "ORG Chicago Bulls ×1",
            "ORG New York Knicks [Knicks] ×2"
        ]
    );
    // A word read as a person before a driver's name is the team.
    check(
        "Benetton driver Jean Alesi of France was fourth.",
        "ORG Benetton; PER Jean Alesi; GPE France",
    );
    // A player or a coach named after the name makes it a team; after a place and a comma
    // the name is the region the place lies in.
    check(
        "Iowa quarterback Brad Banks was second. The Ames, Iowa hotel is a museum.",
        "ORG Iowa; PER Brad Banks; GPE Ames; GPE Iowa",
    );
    // Roles that make a team only before a player's name: after a possessive they are
    // other things.
    check(
        "Cardiff centre Leigh Davies keeps his place.",
        "ORG Cardiff; PER Leigh Davies",
    );
    check("We walked to Cardiff's centre on Sunday.", "GPE Cardiff");
    // A club of the list is taken whole where an organisation was found on a part of it.
    check(
        "Newcastle beat Tottenham 2-1 while Middlesbrough lost 3-0 at home to Sheffield \
         Wednesday .",
        "ORG Newcastle; ORG Tottenham; ORG Middlesbrough; ORG Sheffield Wednesday",
    );
    // A club of the list read as a person, away from the result, in a paragraph with a score.
    check(
        "Middlesbrough , who sacked coach Bryan Robson 's assistant last week , lost 3-0 at \
         home .",
        "ORG Middlesbrough; PER Bryan Robson",
    );
}

#[test]
fn football_clubs_of_the_list_are_teams_beside_a_result() {
    // Clubs no other list knows, one of them named in part after its town.
    check(
        "PSV Eindhoven 3 Vitesse Arnhem 0",
        "ORG PSV Eindhoven; ORG Vitesse Arnhem",
    );
    check(
        "Juventus beat Sampdoria 2-1 in Turin on Saturday.",
        "ORG Juventus; ORG Sampdoria; GPE Turin",
    );
    check("Feyenoord's coach was sacked.", "ORG Feyenoord");
    // In capitals, as results tables are often written.
    check("FEYENOORD 2 AJAX 1", "ORG FEYENOORD; ORG AJAX");
}

#[test]
fn football_clubs_of_the_list_stay_what_they_are_without_a_result() {
    // "Everton" is a club of the list, and a given name too.
    check(
        "Everton Santos met the mayor in Toronto.",
        "PER Everton Santos; GPE Toronto",
    );
    check(
        "Thousands travelled from Dortmund to Berlin on Saturday.",
        "GPE Dortmund; GPE Berlin",
    );
}

#[test]
fn places_and_people_stay_so_without_a_result() {
    check(
        "Chelsea Clinton spoke in Leeds on Saturday.",
        "PER Chelsea Clinton; GPE Leeds",
    );
    // Numbers alone are no result.
    check(
        "She was born in Leeds in 1990 and scored 2 goals.",
        "GPE Leeds",
    );
    // A national side is read as its country.
    check("Germany beat Italy 2-1.", "GPE Germany; GPE Italy");
}

#[test]
fn a_lone_word_that_begins_an_organisation_s_name_is_the_organisation() {
    check(
        "Halvorsen Trading Corporation said it would cut 200 jobs. A Halvorsen spokesman declined to comment.",
        "ORG Halvorsen Trading Corporation; ORG Halvorsen",
    );
    // A word that is a given name and a family name too ("Carr") stands for the company when
    // no one in the text bears it…
    check(
        "Shares of Carr Futures Inc. rose on Monday. Carr said in a statement that profits had doubled.",
        "ORG Carr Futures Inc.; ORG Carr",
    );
    // A headline's "Carr Futures" is the company without its suffix, and then "Carr" is no
    // one's name either.
    let d = Document::parse(
        "carr.txt",
        "Carr Futures to cut 300 jobs as trading slows\n\nShares of Carr Futures Inc. fell 6 percent on Tuesday. Carr said in a statement that volumes had dropped.\n",
    );
    assert_eq!(
        mentions_of(&d),
        "ORG Carr Futures; ORG Carr Futures Inc.; ORG Carr"
    );
    // All three are one company, with one chip.
    let chips: Vec<String> = extract(&d).iter().map(describe).collect();
    assert_eq!(chips, ["ORG Carr Futures Inc. [Carr Futures, Carr] ×3"]);
    // A first word joins only a name that ends with a suffix or a head word, and only one.
    assert_eq!(
        entities("Talks on the Enron Center South plaza stalled. Enron said it would wait."),
        ["ORG Enron ×1", "ORG Enron Center South ×1"]
    );
    assert_eq!(
        entities("Enron Center South Partners was sold. Enron said it would wait."),
        ["ORG Enron Center South Partners [Enron] ×2"]
    );
    // …and stays a person when someone does.
    check(
        "Carr Futures Inc. hired Maria Carr on Monday. Carr said she would start in May.",
        "ORG Carr Futures Inc.; PER Maria Carr; PER Carr",
    );
}

#[test]
fn an_organisation_goes_on_after_its_head_word_with_of_and_for() {
    check(
        "She joined the National Library of the Netherlands in 2015.",
        "ORG National Library of the Netherlands",
    );
    check(
        "He chairs the Australian Centre for Control of Iodine Deficiency Disorders.",
        "ORG Australian Centre for Control of Iodine Deficiency Disorders",
    );
}

#[test]
fn a_person_s_name_has_a_name_in_it() {
    // A name whose last word is an ordinary English word, and none of whose words is a given
    // or family name, is no person: an organisation (sentences from the Broad Twitter
    // Corpus's tuning section, where the tagger read them as people)…
    check(
        "Manhattan Transfer singer, founder dies",
        "ORG Manhattan Transfer",
    );
    check("Tas Health exec quits, ending inquiry", "ORG Tas Health");
    // …or, a lone word, no name at all (UNER EWT's tuning section).
    check("Analyst Team 1: Coach: Lisa Gilette", "PER Lisa Gilette");
}

#[test]
fn a_listed_organisation_is_no_person() {
    // The tagger reads two capitalised words that open a sentence as a person's name.
    check(
        "Morgan Stanley raised its forecast on Monday.",
        "ORG Morgan Stanley",
    );
    // Read as a place after "at", it is the organisation the text names elsewhere.
    check(
        "Morgan Stanley raised its forecast. Analysts at Morgan Stanley said the Fed would wait.",
        "ORG Morgan Stanley; ORG Morgan Stanley; ORG Fed",
    );
}

#[test]
fn a_listed_organisation_with_a_word_in_lower_case_is_found_whole() {
    check(
        "The Organisation for Economic Co-operation and Development said growth would slow.",
        "ORG Organisation for Economic Co-operation and Development",
    );
}

#[test]
fn an_organisation_does_not_run_on_past_its_name() {
    // A company's suffix ends its name.
    check(
        "Onex Corp. agreed to buy York Risk Services Group Inc. for US $1.33 billion.",
        "ORG Onex Corp.; ORG York Risk Services Group Inc.; GPE US",
    );
    // A name that is a name already keeps the place after it apart.
    check(
        "He is a director at the Sejong Institute of the ROK.",
        "ORG Sejong Institute; GPE ROK",
    );
    // "for" goes on only right after a head word, and "and" never does.
    check(
        "He thanked the Ministry of Defence for Britain's support.",
        "ORG Ministry of Defence; GPE Britain",
    );
    check(
        "The Bank of Japan and Toyota agreed on Monday.",
        "ORG Bank of Japan; ORG Toyota",
    );
}

#[test]
fn places_in_capitals_lines_are_found() {
    // A dateline: any place the gazetteer knows.
    check("OSLO 1996-08-30\nThe talks resumed on Friday.", "GPE OSLO");
    // A dateline of its own, after a headline: the place wins over what the tagger made of
    // the capitals (an organisation, a person).
    for dateline in ["LONDON 1996-08-30", "PARIS 1996-08-30", "OSLO 1996-08-30"] {
        let place = dateline.split(' ').next().unwrap();
        check(
            &format!("Talks resume.\n\n{dateline}\n\nThe talks resumed on Friday."),
            &format!("GPE {place}"),
        );
        check(
            &format!("{dateline}\n\nThe talks resumed on Friday."),
            &format!("GPE {place}"),
        );
    }
    // A headline in capitals: countries only.
    check(
        "SOCCER - NORWAY WIN IN READING.\nThe talks resumed on Friday.",
        "GPE NORWAY",
    );
}

#[test]
fn names_of_the_report_are_found_in_its_headline_in_capitals() {
    check_file(
        "SOCCER - WENGER FURIOUS AS WEST HAM BEAT ARSENAL .\n\nLONDON 1996-12-07\n\n\
         West Ham beat Arsenal 2-1 at Upton Park on Saturday, and Arsenal manager Arsene \
         Wenger was furious.",
        "PER WENGER; ORG WEST HAM; ORG ARSENAL; GPE LONDON; ORG West Ham; ORG Arsenal; \
         LOC Upton Park; ORG Arsenal; PER Arsene Wenger",
    );
    // A name of one word that is also a word of the dictionary the text writes in lower case
    // is not read in capitals.
    check_file(
        "A NEW JOB FOR JOBS\n\nSteve Jobs spoke about jobs on Monday. Later Jobs said he was happy.",
        "PER Steve Jobs; PER Jobs",
    );
    assert_eq!(
        entities("WEST HAM BEAT ARSENAL\n\nWest Ham beat Arsenal 2-1 on Saturday."),
        ["ORG Arsenal [ARSENAL] ×2", "ORG West Ham [WEST HAM] ×2"],
        "the chip is named as the text writes the name, not in capitals"
    );
}

#[test]
fn a_title_before_a_tagged_name_is_left_out() {
    check(
        "Mayor Jorge Sharp thanked the crews from Chile and Peru who rebuilt the breakwater.",
        "PER Jorge Sharp; GPE Chile; GPE Peru",
    );
}

#[test]
fn a_dateline_before_a_sentence_names_its_place() {
    // The capitals at the start of a line of ordinary case, before a parenthesis, a dash or
    // a comma, name the place the story was filed from.
    check(
        "WASHINGTON (Reuters) - The Senate voted on Tuesday.",
        "GPE WASHINGTON; ORG Reuters; ORG Senate",
    );
    check(
        "BONN, Germany 1996-08-30\n\nOfficials met on Friday.",
        "GPE BONN; GPE Germany",
    );
    check(
        "THE HAGUE \u{2013} The court ruled on Monday.",
        "GPE THE HAGUE",
    );
    // Capitals that name no place, or name a listed organisation, are not a dateline.
    check(
        "NASA (AP) - The agency delayed the launch.",
        "ORG NASA; ORG AP",
    );
    check("NATO - The talks resumed on Friday.", "ORG NATO");
    // A word of one letter is not a dateline's head.
    check("I - for one - agree with the plan.", "");
    // Before a date, or a source in brackets and a dash, the capitals name a place even when
    // the gazetteer does not know it; a dash alone, or a cue word, does not make one.
    check(
        "Talks collapse.\n\nAL-AIN, United Arab Emirates 1996-12-06\n\nThe talks collapsed.",
        "GPE AL-AIN; GPE United Arab Emirates",
    );
    check(
        "WESTMINK (Reuters) - The talks collapsed on Friday.",
        "GPE WESTMINK; ORG Reuters",
    );
    check("WESTMINK - The talks collapsed on Friday.", "");
    check("UPDATE 1996-12-06\n\nThe talks collapsed on Friday.", "");
    check(
        "ITS OVER 9000\n\nITS OVER 2000\n\nThe talks collapsed on Friday.",
        "",
    );
    // A city the gazetteer knows only by its official name ("Frankfurt am Main").
    check(
        "Talks resume.\n\nFRANKFURT 1996-12-06\n\nThe bank said on Friday it would grow.",
        "GPE FRANKFURT",
    );
}

#[test]
fn a_name_cut_at_a_hyphen_is_read_whole() {
    check(
        "Volkswagen and Daimler-Benz led gains on the DAX index.",
        "ORG Volkswagen; ORG Daimler-Benz",
    );
    // Before the sentence's stop too (the kind is the tagger's).
    let end = mentions("Gains were led by Volkswagen and Daimler-Benz.");
    assert!(end.ends_with(" Daimler-Benz"), "{end}");
    // Two places, two nationalities: each stays itself.
    check(
        "The US-China talks ended the Israeli-Palestinian row.",
        "GPE US; GPE China; NORP Israeli; NORP Palestinian",
    );
}

#[test]
fn initials_and_a_surname_are_a_person() {
    check(
        "Scores: Essex 532-8 declared (N. Hussain 207, R. Irani 123).",
        "ORG Essex; PER N. Hussain; PER R. Irani",
    );
    // Initials alone are no name ("B. C." is British Columbia).
    check("Two students in B. C. won prizes.", "");
}

#[test]
fn companies_no_list_holds_are_told_by_their_context() {
    check(
        "Shares of Brightwater rose 5 percent on Tuesday.",
        "ORG Brightwater",
    );
    // The name elsewhere in the document, found by nothing else, is the same company.
    check(
        "A spokesman for Verhoeven declined to comment. Verhoeven, based in Utrecht, makes cables.",
        "ORG Verhoeven; ORG Verhoeven; GPE Utrecht",
    );
    check(
        "Talvik Mining said in a statement that output had fallen.",
        "ORG Talvik Mining",
    );
    // People keep their kind: a name found as a person, and a lone name saying something in
    // a statement.
    check(
        "A spokesman for Angela Merkel said the talks would go on.",
        "PER Angela Merkel",
    );
    check(
        "Kowalczyk said in a statement that she would resign.",
        "PER Kowalczyk",
    );
    // A name read as a person in a context no person has is an organisation, with all its
    // mentions; a person before "'s" keeps his kind.
    check(
        "Analysts at Merrill Lynch had expected lower earnings. Merrill Lynch declined to comment.",
        "ORG Merrill Lynch; ORG Merrill Lynch",
    );
    check(
        "Shares of Warren Buffett's Berkshire Hathaway rose.",
        "PER Warren Buffett; ORG Berkshire Hathaway",
    );
    // Dealers and economists work at companies; a place no gazetteer knows in such a context
    // is one too, and a hyphenated name is read whole there.
    check(
        "Dealers at Deutsche Morgan Grenfell said the market had expected it.",
        "ORG Deutsche Morgan Grenfell",
    );
    check(
        "Shares in Alcatel-Alsthom rose on Friday, while Alcatel-Alsthom said it would hire.",
        "ORG Alcatel-Alsthom; ORG Alcatel-Alsthom",
    );
    // A company named by what it is, before its name or in an apposition after it, in text
    // as written or as tokenised ("Brazil 's").
    check(
        "Shares of Italian carmaker Fiat rose, while Swedish telecoms group Ericsson fell.",
        "NORP Italian; ORG Fiat; NORP Swedish; ORG Ericsson",
    );
    check(
        "Farmers ' union Samoobrona leader Andrzej Lepper said the protests would go on .",
        "ORG Samoobrona; PER Andrzej Lepper",
    );
    // A party named by its members after an adjective of party names; the members of a
    // party alone stay a group of people.
    check(
        "Germany 's Social Democrats and the Christian Democrats backed it , unlike the \
         Democrats .",
        "GPE Germany; ORG Social Democrats; ORG Christian Democrats; NORP Democrats",
    );
    // A party or a group before its leader's name.
    check(
        "Sinn Fein says IRA ceasefire possible .\n\nSinn Fein leader Gerry Adams said so .",
        "ORG Sinn Fein; ORG Sinn Fein; PER Gerry Adams",
    );
    // A company before its head's title and name, or before its staff; not a man's staff
    // ("Clinton officials" beside "Bill Clinton"), nor a country in initials.
    check(
        "Daewoo to build plant .\n\nDaewoo officials said the plant would open . Kvaerner \
         chairman Erik Tonseth and Volvo chief executive Soren Gyll agreed .",
        "ORG Daewoo; ORG Daewoo; ORG Kvaerner; PER Erik Tonseth; ORG Volvo; PER Soren Gyll",
    );
    let found = mentions(
        "President Bill Clinton flew home . Clinton officials and U. S. officials said so .",
    );
    assert!(
        found.contains("PER Bill Clinton; PER Clinton") && !found.contains("ORG"),
        "{found}"
    );
    // An armed group is told by what its members are; not "Southern rebels", "Islamist
    // militants".
    check(
        "Tupac Amaru rebels freed 225 people . Southern rebels , Chechen rebels and Islamist \
         militants fought .",
        "ORG Tupac Amaru",
    );
    // A hyphenated company at a sentence's start keeps its first part.
    check(
        "Rolls-Royce Plc will supply engines for the planes .",
        "ORG Rolls-Royce Plc",
    );
    // A name in capitals is a company's too, not a Roman numeral; and a company's part is
    // named before what it is.
    check(
        "The holding company IFI owns shares, unlike group III .",
        "ORG IFI",
    );
    check(
        "He said its Magneti Marelli components unit had performed well .",
        "ORG Magneti Marelli",
    );
    for text in [
        "Ericsson won an order from Telebras, Brazil's state telephone company.",
        "Ericsson won an order from Telebras , Brazil 's state telephone company .",
    ] {
        check(text, "ORG Ericsson; ORG Telebras; GPE Brazil");
    }
    // A clause that ends at the comma leaves a person a person, and the end of a longer name
    // or a name of capitals alone is no company.
    check(
        "Under Gandhi, a group of twenty volunteers served as stretcher-bearers.",
        "PER Gandhi",
    );
    check("There is a simple group S such that the map is onto.", "");
    // A newspaper, a pollster, a news agency; not a name of dictionary words alone.
    check(
        "The Pinal Drill newspaper was founded in 1880.",
        "ORG Pinal Drill",
    );
    check(
        "A Harwell poll published on Monday put Labour ahead.",
        "ORG Harwell; ORG Labour",
    );
    check("A Government newspaper reported the arrest.", "");
    // A name without its suffixes ("Cos Inc") is the company named in full.
    assert_eq!(
        entities(
            "Philip Morris Cos Inc said its profit rose. Philip Morris shares rose 1-3/8 to 92-1/8."
        ),
        ["ORG Philip Morris Cos Inc [Philip Morris] ×2"]
    );
}

#[test]
fn an_ordinary_word_is_no_town_whose_name_has_marks_it_lacks() {
    // Göd is a Hungarian town of the gazetteer, found through the accent fold.
    check("They prayed to God for rain.", "");
    check(
        "The family moved to Göd, north of Budapest.",
        "GPE Göd; GPE Budapest",
    );
    // A name that is no ordinary word still matches without its marks.
    check(
        "She flew from Sao Paulo to Zurich.",
        "GPE Sao Paulo; GPE Zurich",
    );
}

#[test]
fn a_well_known_place_the_tagger_calls_a_person_is_the_place() {
    // A large city, with no given or family name in it, speaks for its government.
    check(
        "The Commission approved the merger. Brussels said the deal would not harm competition.",
        "ORG Commission; GPE Brussels",
    );
    // After a title it is someone's name.
    check(
        "The report was read aloud. Dr. Calgary said the results were clear.",
        "PER Calgary",
    );
    check(
        "The report was read aloud. Calgary said the results were clear.",
        "GPE Calgary",
    );
}

#[test]
fn a_country_read_as_its_national_side_stays_the_country() {
    check(
        "Pakistan beat England by six wickets at Edgbaston on Saturday. England captain Michael Atherton said his side had batted poorly.",
        "GPE Pakistan; GPE England; GPE Edgbaston; GPE England; PER Michael Atherton",
    );
    // A state or province the tagger reads as an organisation is the place too.
    check(
        "As a result, the Ontario government developed an anti-smoking plan.",
        "GPE Ontario",
    );
}

#[test]
fn a_table_of_standings_names_teams_and_its_dateline_a_place() {
    // The rows and results name teams, one chip each whatever their case; the dateline's
    // place stays a place; a club's name at the end of a place's name ("York") is the place's
    // team whole.
    let text = "NEW YORK 1996-08-30\n\nStandings after Thursday's games:\nNEW YORK 74 58 .561 -\nBALTIMORE 70 63 .526 4\nTORONTO 63 71 .470 12\n\nResults:\nCalifornia 7 NEW YORK 6\nBaltimore 9 TORONTO 4\n";
    assert_eq!(
        entities(text),
        [
            "ORG Baltimore [BALTIMORE] ×2",
            "ORG California ×1",
            "ORG NEW YORK ×2",
            "ORG TORONTO ×2",
            "GPE NEW YORK ×1",
        ]
    );
}

#[test]
fn a_name_the_text_calls_its_is_no_person() {
    // "its" after the name's verb makes it an organisation, everywhere in the document.
    check(
        "Shares rose after Svenska Handelsbanken cut its rating. Later Svenska Handelsbanken said demand was strong.",
        "ORG Svenska Handelsbanken; ORG Svenska Handelsbanken",
    );
    // Not after a copula or a preposition: "was its Prime Minister" is said of a person.
    check(
        "Olof Palme was its Prime Minister for years.",
        "PER Olof Palme",
    );
}

#[test]
fn a_team_is_named_by_what_follows_its_city() {
    // "the Orioles" after "the Baltimore Orioles"; a headline's "ORIOLES" too, as the report
    // never writes "orioles".
    assert_eq!(
        entities(
            "BASEBALL - ORIOLES SIGN PITCHER .\n\nBALTIMORE 1996-12-05\n\n\
             The Baltimore Orioles signed Scott Erickson on Thursday .\n\n\
             The Orioles finished second this season ."
        ),
        [
            "PER Scott Erickson ×1",
            "ORG Baltimore Orioles [ORIOLES, Orioles] ×3",
            "GPE BALTIMORE ×1"
        ]
    );
    // A country's is no team ("US Marines" … "Marines"), nor is a head word or a legal suffix.
    check(
        "The US Marines landed. The Marines stayed. Houston Industries grew; Industries fell.",
        "ORG US Marines; ORG Houston Industries",
    );
}

#[test]
fn the_sides_of_a_results_line_are_teams() {
    // A table of results, home sides in capitals: every side is a team, a state's and a
    // city's name in capitals among them; the dateline stays a place.
    check_file(
        "NHL ICE HOCKEY - RESULTS .\n\nNEW YORK 1996-12-06\n\nResults on Thursday :\n\n\
         FLORIDA 3 Pittsburgh 3 ( OT )\n\nColorado 5 ST LOUIS 1\n\nDetroit 2 CALGARY 1\n",
        "ORG NHL; GPE NEW YORK; ORG FLORIDA; ORG Pittsburgh; ORG Colorado; ORG ST LOUIS; \
         ORG Detroit; ORG CALGARY",
    );
    // A row of standings, in a text about sport; not a table of temperatures.
    check_file(
        "NHL ICE HOCKEY - STANDINGS .\n\nNEW YORK 1996-12-06\n\n\
         HARTFORD 12 7 6 77 76 30\n\nNY ISLANDERS 7 12 5 19 72 79\n",
        "ORG NHL; GPE NEW YORK; ORG HARTFORD; ORG NY ISLANDERS",
    );
    check_file(
        "Weather\n\nTemperatures on Friday :\n\nZorbix 12 14 16\n\nQuillan 10 11 12\n",
        "",
    );
    // A country is its national side, read as the country.
    check(
        "Japan 2 Syria 1\nKuwait 0 Qatar 0\nLeeds 1 Wimbledon 0",
        "GPE Japan; GPE Syria; GPE Kuwait; GPE Qatar; ORG Leeds; ORG Wimbledon",
    );
    // One line alone is read only when a side is a place or a club; more after the second
    // score is no results line; a person named in full is no side.
    check("Zorbix 4 Quillan 2", "");
    check(
        "Zorbix 4 Quillan 2 is our motto.\nColorado 5 ST LOUIS 1",
        "ORG Colorado; ORG ST LOUIS",
    );
    check(
        "Colorado 5 ST LOUIS 1\nRoger Federer 1 Zorbix 0",
        "ORG Colorado; ORG ST LOUIS; PER Roger Federer; ORG Zorbix",
    );
}

#[test]
fn the_sides_of_a_fixture_are_teams() {
    // A list of fixtures or a draw in a text about sport: each side is a team, whatever the
    // tagger read it as (names no list knows among them), "vs." as well as "v".
    check_file(
        "SOCCER - LEAGUE FIXTURES .\n\nLONDON 1996-12-12\n\nFixtures for Saturday :\n\n\
         Zorbix Rovers v Quillan\n\nLeicester v Sheffield Wednesday\n\nMarlowe vs. Tennant Town\n",
        "GPE LONDON; ORG Zorbix Rovers; ORG Quillan; ORG Leicester; ORG Sheffield Wednesday; \
         ORG Marlowe; ORG Tennant Town",
    );
    // A schedule's games, the home side in capitals; around "at", not a side of dictionary
    // words ("Results at Wimbledon").
    let schedule = "BASEBALL - SCHEDULE .\n\nGames on Friday ( home team in CAPS ) :\n\n\
         Zorbix at QUILLAN\n\nMarlowe at TENNANT\n\nResults at Wimbledon\n";
    let found = mentions_of(&Document::parse("note.txt", schedule));
    assert!(
        found.starts_with("ORG Zorbix; ORG QUILLAN; ORG Marlowe; ORG TENNANT")
            && !found.contains("Results"),
        "{found}"
    );
    // Not a court case in a text that says nothing of sport, nor players with their
    // countries, nor a line that goes on after the second side.
    let court =
        "Court hears appeal\n\nThe court heard the case.\n\nTexas v Johnson\n\nOhio v Roberts\n";
    let found = mentions_of(&Document::parse("note.txt", court));
    assert!(found.contains("Ohio") && !found.contains("ORG"), "{found}");
    let tennis = "TENNIS - DAVIS CUP LINE-UP .\n\nMALMO , Sweden 1996-11-27\n\n\
         Stefan Edberg ( Sweden ) v Cedric Pioline ( France )\n\n\
         Zorbix v Quillan at the weekend\n";
    let found = mentions_of(&Document::parse("note.txt", tennis));
    assert!(
        found.contains("PER Stefan Edberg; GPE Sweden; PER Cedric Pioline; GPE France")
            && !found.contains("ORG"),
        "{found}"
    );
}

#[test]
fn the_titles_of_a_press_review_are_newspapers() {
    // Each newspaper's title alone in capitals, its stories in bulleted lines after it; a
    // country heading stays a place.
    check_file(
        "PRESS DIGEST - Zorbia - Dec 5 .\n\nThese are the leading stories in the press .\n\n\
         QUILLANSKA PRAVDA\n\n- The government fell .\n\nBULGARIA\n\n- Strikes spread .\n\n\
         24 MARLOWE\n\n- Prices rose .\n",
        "ORG QUILLANSKA PRAVDA; GPE BULGARIA; ORG 24 MARLOWE",
    );
    // Not the headings of a list in a text that says nothing of the press.
    let list = "Release notes\n\nZORBIX\n\n- faster start\n\nQUILLAN\n\n- smaller files\n";
    let found = mentions_of(&Document::parse("note.txt", list));
    assert!(!found.contains("ORG"), "{found}");
}

#[test]
fn players_in_the_tables_of_sports_reports_are_people() {
    // Scorers in parentheses after a side's score are people, not teams; the sides are teams.
    check_file(
        "SOCCER - GERMAN RESULTS .\n\nBONN 1996-09-14\n\n\
         Bayer Leverkusen 2 ( Kirsten 34 , Feldhoff 78 ) Hansa Rostock 0\n\n\
         Werder Bremen 1 ( Bode 55 ) Bayern Munich 1 ( Klinsmann 12 pen ) . Attendance 35,000\n",
        "GPE BONN; ORG Bayer Leverkusen; PER Kirsten; PER Feldhoff; \
         ORG Hansa Rostock; ORG Werder Bremen; PER Bode; ORG Bayern Munich; PER Klinsmann",
    );
    // A scorecard: the names of a batsman's line and a bowler's.
    check_file(
        "CRICKET - SCOREBOARD .\n\nLONDON 1996-08-24\n\n\
         A. Stewart c Moin Khan b Mushtaq Ahmed 44\n\n\
         N. Hussain c Inzamam-ul-Haq b Wasim Akram 12\n\n\
         Saeed Anwar not out 176\n\nAqib Javed 12-1-40-0\n",
        "GPE LONDON; PER A. Stewart; PER Moin Khan; PER Mushtaq Ahmed; PER N. Hussain; \
         PER Inzamam-ul-Haq; PER Wasim Akram; PER Saeed Anwar; PER Aqib Javed",
    );
    // Not a line that does not end with the runs scored, nor a telephone number.
    check_file(
        "Contacts\n\nFresh out East Atlanta\n\nCel 011-52-987-63115\n",
        "",
    );
}

#[test]
fn a_players_club_in_parentheses_is_a_team_but_a_country_is_a_country() {
    assert_eq!(
        entities(
            "Leading goalscorers in the league :\n\n\
             10 - Alan Shearer ( Newcastle ) , Ian Wright ( Arsenal )\n\n\
             9 - Fabrizio Ravanelli ( Middlesbrough )"
        ),
        [
            "PER Alan Shearer ×1",
            "PER Fabrizio Ravanelli ×1",
            "PER Ian Wright ×1",
            "ORG Arsenal ×1",
            "ORG Middlesbrough ×1",
            "ORG Newcastle ×1"
        ]
    );
    // Where the parentheses hold countries, a town there is the player's country's part.
    check(
        "Results of the 200 metres : 1. Michael Johnson ( U.S. ) 19.79 2. Ato Boldon ( \
         Trinidad ) 20.01",
        "PER Michael Johnson; GPE U.S.; PER Ato Boldon; GPE Trinidad",
    );
}

#[test]
fn a_team_is_named_by_its_city_and_a_plural_in_a_text_about_sport() {
    check(
        "The Detroit Red Wings won their fourth straight game.\n\n\
         Red Wings coach Scotty Bowman was pleased.",
        "ORG Detroit Red Wings; ORG Red Wings; PER Scotty Bowman",
    );
    // A report whose heading names a sport speaks of sport throughout; a city's team beats
    // a person's name there ("Bradford" is a given name too), but not a small town's ("Barry
    // Bonds": Barry, Wales).
    check_file(
        "RUGBY LEAGUE - BULLS SIGN FORWARD .\n\nBRADFORD , England 1996-10-15\n\n\
         Bradford Bulls have signed forward Sonny Nickle from St Helens , the club said .",
        "ORG BULLS; GPE BRADFORD; GPE England; ORG Bradford Bulls; PER Sonny Nickle; GPE St Helens",
    );
    check(
        "Barry Bonds hit two home runs in the game .",
        "PER Barry Bonds",
    );
    // Not where nothing speaks of sport, not a plural that names no team, not inside a
    // longer name, and a town named by an ordinary word only beside a score.
    check(
        "The Detroit Red Wings charity met in Detroit.",
        "GPE Detroit",
    );
    check(
        "The Oslo Accords came before the season. Secondary Fleet Bases closed after the game.",
        "",
    );
}

#[test]
fn a_word_alone_in_capitals_is_read_when_the_text_never_writes_it_in_lower_case() {
    check_file(
        "SOCCER - CHELSEA HOLD EVERTON AS ARSENAL SLIP .\n\nLONDON 1996-12-08\n\n\
         Chelsea held Everton to a 2-2 draw while Arsenal lost 1-0 .",
        "ORG CHELSEA; ORG EVERTON; ORG ARSENAL; GPE LONDON; ORG Chelsea; ORG Everton; ORG Arsenal",
    );
    // The text writes "arsenal" too, or the word is a head word of a name: not read.
    check_file(
        "ARSENAL OF IDEAS\n\nOn Saturday Arsenal won 2-1 . The arsenal of the army grew .",
        "ORG Arsenal",
    );
    check_file(
        "REDISTRICTING COMMISSION MEETS\n\nThe Commission said it would meet on Monday .",
        "ORG Commission",
    );
}

#[test]
fn a_longer_name_of_the_report_wins_in_a_line_in_capitals() {
    // The tagger read the headline's "BRADFORD" alone; the report names the "Bradford Bulls".
    check_file(
        "RUGBY LEAGUE - BRADFORD BULLS SIGN NEW ZEALAND FORWARD .\n\n\
         BRADFORD , England 1996-10-15\n\n\
         Bradford Bulls have signed New Zealand international forward Sonny Nickle from \
         St Helens , the club said on Tuesday .",
        "ORG BRADFORD BULLS; GPE NEW ZEALAND; GPE BRADFORD; GPE England; ORG Bradford Bulls; \
         GPE New Zealand; PER Sonny Nickle; GPE St Helens",
    );
}

#[test]
fn a_name_found_only_in_capitals_joins_the_entity_written_otherwise() {
    assert_eq!(
        entities(
            "GOLF - NORMAN LEADS IN SYDNEY .\n\nSYDNEY 1996-12-06\n\n\
             Greg Norman shot a 66 on Friday . Norman said he was pleased ."
        ),
        ["PER Greg Norman [Norman, NORMAN] ×3", "GPE SYDNEY ×2"]
    );
    // A family name in capitals joins the one person who bears it, and a place in capitals
    // joins the place whichever kind of place each was read as.
    assert_eq!(
        entities(
            "ATHLETICS - JOHNSON WINS 200 METRES IN ZURICH .\n\nZURICH 1996-08-14\n\n\
             Michael Johnson won the 200 metres in Zurich on Wednesday ."
        ),
        ["PER Michael Johnson [JOHNSON] ×2", "GPE Zurich [ZURICH] ×3"]
    );
    // Not where two people bear it.
    assert_eq!(
        entities(
            "GOLF - JOHNSON LEADS .\n\nDALLAS 1996-08-14\n\n\
             Michael Johnson and Zach Johnson shot 66 on Friday ."
        ),
        [
            "PER JOHNSON ×1",
            "PER Michael Johnson ×1",
            "PER Zach Johnson ×1",
            "GPE DALLAS ×1"
        ]
    );
}

#[test]
fn a_name_and_a_firms_tail_after_an_ampersand_are_one_organisation() {
    check(
        "Shares of Dow Jones & Co. rose, said analysts at Merrill Lynch & Co on Monday.",
        "ORG Dow Jones & Co.; ORG Merrill Lynch & Co",
    );
    check(
        "The hall was designed by Benjamin Thompson & Associates in 1975.",
        "ORG Benjamin Thompson & Associates",
    );
}

#[test]
fn a_datelines_place_named_again_is_that_place() {
    check_file(
        "Bundesbank leaves rates unchanged .\n\nFRANKFURT 1996-12-12\n\n\
         The mark was steady against the dollar and the Frankfurt bourse 's DAX index rose \
         0.4 percent .",
        "PER Bundesbank; GPE FRANKFURT; GPE Frankfurt",
    );
    // A word of a person named in full stays that person's.
    check_file(
        "Actor wins award .\n\nWASHINGTON 1996-12-12\n\n\
         Denzel Washington won the award on Friday . Washington said he was glad .",
        "GPE WASHINGTON; PER Denzel Washington; PER Washington",
    );
}

#[test]
fn a_partys_name_before_party_is_an_organisation() {
    check(
        "Netanyahu 's Likud party backs the plan , but the opposition Labour party does not .",
        "PER Netanyahu; ORG Likud; ORG Labour",
    );
    // People party too.
    check(
        "My friends are having a Halloween party. We'll party tonight while the Middletons party.",
        "",
    );
}

#[test]
fn names_coordinated_after_a_context_no_person_has_are_organisations_too() {
    check(
        "Analysts at Merrill Lynch and Smith Barney said the shares were cheap . Dealers at \
         Nomura , Daiwa and Jardine Fleming agreed .",
        "ORG Merrill Lynch; ORG Smith Barney; ORG Nomura; ORG Daiwa; ORG Jardine Fleming",
    );
    // A possessive ends the list: what follows is the owner's.
    check(
        "He bought shares of Acme and Warren Buffett's company.",
        "ORG Acme; PER Warren Buffett",
    );
}

#[test]
fn a_results_lines_team_follows_a_riders_country() {
    check(
        "Stage results :\n\n1. Luc Leblanc ( France ) Polti 6:02:15\n\n\
         2. Bjarne Riis ( Denmark ) Telekom same time",
        "PER Luc Leblanc; GPE France; ORG Polti; PER Bjarne Riis; GPE Denmark; ORG Telekom",
    );
    // A place after the country stays a place.
    check(
        "Mary Smith (Ireland) Dublin said no.",
        "PER Mary Smith; GPE Ireland; GPE Dublin",
    );
}
