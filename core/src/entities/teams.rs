//! Sports teams: towns, given names and football clubs that stand for a side beside a result
//! ("Leeds beat Arsenal 2-1", a results line, a row of standings), and the team's other
//! mentions in its report. A step after the merge (`merge.rs`); the players of the same
//! reports' tables are in `players.rs`.

use super::candidates::Analyzer;
use super::capitals::title_cased_place;
use super::lexicon::{cue, push_key_lower, push_key_titled, FastSet, GazEntry, Lexicon, Source};
use super::mention::{drop_overlapping, normalise_name, Mention, SpanIndex, Strength, HEADER};
use super::tokens::TokKind;
use super::EntityKind;

/// Words that report a result between two sides ("Leeds beat Arsenal 2-1").
const RESULT_VERBS: &[&str] = &[
    "beat",
    "beats",
    "defeated",
    "defeats",
    "edged",
    "thrashed",
    "routed",
    "crushed",
    "downed",
    "overcame",
    "drew",
    "draws",
    "lost",
    "loses",
    "held",
    "tied",
    "trounced",
    "hammered",
    "outclassed",
    "stunned",
    "upset",
    "eliminated",
    "knocked",
];

/// Words before a team's town that make it the town ("in Leeds", "home to Leeds").
const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "into", "to", "from", "near", "outside", "around", "across", "through",
];

/// Words after "X's" that make X a team besides its players' roles ("Barcelona's fans").
const TEAM_THINGS: &[&str] = &[
    "strikers",
    "midfielders",
    "defenders",
    "forwards",
    "squad",
    "fans",
    "supporters",
    "goal",
    "goals",
    "lineup",
    "line-up",
    "bench",
];

/// Words between X and a person's name that make X a team ("Essex captain Paul Prichard"), and
/// after "X's" ("Barcelona's striker").
const PLAYER_ROLES: &[&str] = &[
    "striker",
    "goalkeeper",
    "keeper",
    "coach",
    "manager",
    "midfielder",
    "defender",
    "forward",
    "captain",
    "winger",
    "skipper",
    "quarterback",
    "pitcher",
    "shortstop",
    "infielder",
    "outfielder",
    "playmaker",
    "batsman",
    "bowler",
    "driver",
    "rider",
];

/// Roles that make a team only right before a player's name ("Cardiff centre Leigh Davies",
/// "Chicago guard Michael Jordan"): after a possessive they are other things ("London's
/// centre", "the city's guard").
const ROLES_BEFORE_A_NAME: &[&str] = &[
    "centre",
    "center",
    "flanker",
    "hooker",
    "fullback",
    "guard",
    "linebacker",
    "receiver",
    "catcher",
    "goaltender",
    "defenceman",
    "defenseman",
    "wicketkeeper",
    "opener",
    "spinner",
];

/// Whether `word` is a player's or coach's role, as written before the player's name.
pub(crate) fn is_role_before_a_name(word: &str) -> bool {
    PLAYER_ROLES.contains(&word) || ROLES_BEFORE_A_NAME.contains(&word)
}

/// Whether the name on tokens `s..e` of a region stands as a sports team there: it heads a
/// results line ("Leeds 2 Arsenal 1") or a row of standings ("Newcastle 4 3 1 0 9 4 10");
/// its region reports a score ("2-1") and the name stands beside a number or is the subject
/// or object of a result verb ("… beat Arsenal", "drew with Everton"); or a player or coach
/// is "its" ("Barcelona's striker", "Essex captain Paul Prichard").
fn stands_as_team(a: &Analyzer, region: &ResultsContext, s: usize, e: usize) -> bool {
    let word_at = |i: usize| -> &str {
        if i < a.toks.len() {
            a.word(i)
        } else {
            ""
        }
    };
    let is_number = |i: usize| a.toks.get(i).is_some_and(is_goals);
    // "X's striker", "X's fans".
    let after = crate::text::fold(word_at(e + 1));
    if a.toks.get(e).is_some_and(|t| t.kind == TokKind::Possessive)
        && (PLAYER_ROLES.contains(&after.as_str()) || TEAM_THINGS.contains(&after.as_str()))
    {
        return true;
    }
    // "Essex captain Paul Prichard", "Leeds manager Howard Wilkinson".
    if is_role_before_a_name(word_at(e)) && a.is_name_token(e + 1) {
        return true;
    }
    // A results line ("Leeds 2 Arsenal 1"), or a row of a table of standings ("Newcastle 4 3
    // 1 0 9 4 10", or at the start of its line "TORONTO 63 71 .470 12").
    let results_line = (region.name_numbers >= 2 && is_number(e))
        || (is_number(e) && is_number(e + 1) && (s == 0 || is_number(e + 2)));
    let verb = |i: usize| RESULT_VERBS.contains(&crate::text::fold(word_at(i)).as_str());
    let before = |k: usize| s.checked_sub(k);
    // "at" a club of the list only: "lost 1-0 at Nottingham Forest" is the side played, "won
    // 2-1 at Stamford Bridge" the ground.
    let club = || a.lex.clubs.contains(&lower_key(a, s, e));
    let object = before(1).is_some_and(verb)
        || before(1).is_some_and(|i| {
            (matches!(word_at(i), "with" | "to" | "against" | "over")
                || (word_at(i) == "at" && club()))
                && (1..=4).any(|k| i.checked_sub(k).is_some_and(|j| verb(j) || is_number(j)))
        });
    let subject = verb(e);
    results_line || (region.score && (object || subject || is_number(e)))
}

/// Goals and points are small numbers: a date ("1996-08-30") or a season ("2015-16") is no
/// result.
pub(crate) fn is_goals(t: &super::tokens::Token) -> bool {
    t.kind == TokKind::Number && t.end - t.start <= 3
}

/// What a region says of results as a whole, counted once per region (`stands_as_team` asks
/// it of every name in it, and a region may be a paragraph of a megabyte).
struct ResultsContext {
    /// It reports a score ("2-1").
    score: bool,
    /// Capitalised names followed by a number: "Leeds 2 Arsenal 1" has two.
    name_numbers: usize,
}

impl ResultsContext {
    fn of(a: &Analyzer) -> Self {
        let toks = &a.toks;
        let small = |t: &super::tokens::Token| t.kind == TokKind::Number && t.end - t.start <= 2;
        let score = toks.windows(3).any(|w| {
            small(&w[0])
                && matches!(w[1].kind, TokKind::Joiner | TokKind::Punct)
                && matches!(&a.text[w[1].start..w[1].end], "-" | "\u{2013}")
                && small(&w[2])
        });
        let name_numbers = (1..toks.len())
            .filter(|&i| {
                is_goals(&toks[i])
                    && toks[i - 1].kind == TokKind::Word
                    && a.word(i - 1).starts_with(char::is_uppercase)
            })
            .count();
        ResultsContext {
            score,
            name_numbers,
        }
    }
}

/// The case-blind key of tokens `s..e`, as `CaseBlindList` spells its names.
fn lower_key(a: &Analyzer, s: usize, e: usize) -> String {
    let mut key = String::new();
    for i in s..e {
        push_key_lower(&mut key, a.word(i));
    }
    key
}

/// The results lines of a region, each as its sides: a line that is a name, a score, a
/// name and a score, each score perhaps with its scorers in parentheses, and nothing more but
/// a note in parentheses or after a full stop ("Hartford 4 BOSTON 2", "FLORIDA 3
/// Pittsburgh 3 ( OT )", "Queen of the South 2 Hearts 1"), or a row of standings, a name
/// and three numbers or more ("NY ISLANDERS 7 12 5 19 72 79"), or a fixture, two names
/// either side of "v" or "at" ("Arsenal v Derby", "Cleveland at BALTIMORE"). A side is a run of
/// capitalised words, small joining words inside it ("of the"); each as (first token, end
/// token).
fn results_lines(a: &Analyzer) -> Vec<ResultsLine> {
    let mut out = Vec::new();
    for (line_start, line_end) in super::capitals::line_ranges(a) {
        let side = |s: usize| -> Option<usize> {
            let mut e = s;
            while e < line_end {
                if a.is_name_token(e) {
                    e += 1;
                } else if e > s
                    && matches!(a.word(e), "of" | "the" | "de" | "and" | "&")
                    && a.is_name_token(e + 1)
                    && e + 1 < line_end
                {
                    e += 2;
                } else {
                    break;
                }
            }
            (e > s && e - s <= 5).then_some(e)
        };
        let goals = |i: usize| i < line_end && is_goals(&a.toks[i]);
        // After a side's score, its scorers in parentheses ("( Kirsten 34 , Feldhoff 78 )").
        let after_note = |i: usize| -> usize {
            if i < line_end && a.is_punct(i, "(") {
                if let Some(close) = (i + 1..line_end).find(|&k| a.is_punct(k, ")")) {
                    return close + 1;
                }
            }
            i
        };
        // A fixture or a draw: "Arsenal v Derby", "Rosenborg vs. Juventus", or a game of a
        // schedule, "Cleveland at BALTIMORE" (the whole line). Around "at", no side of
        // dictionary words alone but a club's ("Results at Wimbledon").
        let versus = |i: usize| {
            i < line_end
                && matches!(a.word(i), "v" | "V" | "vs" | "VS" | "vs." | "at" | "AT")
                && a.toks[i].kind == TokKind::Word
        };
        let proper = |s: usize, e: usize| {
            a.lex.clubs.contains(&lower_key(a, s, e))
                || !(s..e).all(|i| a.lex.is_common_word(&crate::text::fold(a.word(i))))
        };
        if let Some(first_end) = side(line_start).filter(|&e| versus(e)) {
            let stop = usize::from(a.is_punct(first_end + 1, "."));
            let second = first_end + 1 + stop;
            if let Some(second_end) = side(second) {
                let rest = after_note(second_end);
                let at = a.word(first_end).eq_ignore_ascii_case("at");
                let sides_proper =
                    !at || (proper(line_start, first_end) && proper(second, second_end));
                if sides_proper
                    && (rest == line_end || a.is_punct(rest, ".") || a.is_punct(rest, ";"))
                {
                    out.push(ResultsLine {
                        sides: vec![(line_start, first_end), (second, second_end)],
                        fixture: true,
                    });
                }
            }
            continue;
        }
        let Some(first_end) = side(line_start).filter(|&e| goals(e)) else {
            continue;
        };
        let standings = line_end - first_end >= 3
            && (first_end..line_end).all(|i| a.toks[i].kind == TokKind::Number);
        if standings {
            out.push(ResultsLine {
                sides: vec![(line_start, first_end)],
                fixture: false,
            });
            continue;
        }
        let second = after_note(first_end + 1);
        let Some(second_end) = side(second).filter(|&e| goals(e)) else {
            continue;
        };
        let rest = after_note(second_end + 1);
        if rest == line_end || a.is_punct(rest, ".") || a.is_punct(rest, ";") {
            out.push(ResultsLine {
                sides: vec![(line_start, first_end), (second, second_end)],
                fixture: false,
            });
        }
    }
    out
}

/// A line of results, standings or fixtures: its sides, each as (first token, end token), and
/// whether it is a fixture or a draw, with no score ("Arsenal v Derby").
struct ResultsLine {
    sides: Vec<(usize, usize)>,
    fixture: bool,
}

/// Words of a paragraph about sport, where a city's name before a plural is a team's.
const SPORT_WORDS: &[&str] = &[
    "game",
    "games",
    "season",
    "coach",
    "playoff",
    "playoffs",
    "league",
    "scored",
    "innings",
    "touchdown",
    "touchdowns",
    "goals",
    "match",
    "championship",
    "standings",
    "quarterback",
    "pitcher",
    "striker",
    "rookie",
    "roster",
    "draft",
    "stadium",
    "matches",
    "goalscorers",
];

/// Whether a word is one of `SPORT_WORDS`, whatever its case (every token of a document is
/// asked, so no fold: the words are ASCII).
fn is_sport_word(word: &str) -> bool {
    (4..=12).contains(&word.len()) && SPORT_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Sports, as a wire report's heading names them ("SOCCER - …", "RUGBY LEAGUE - …").
const SPORTS: &[&str] = &[
    "soccer",
    "football",
    "rugby",
    "cricket",
    "tennis",
    "golf",
    "baseball",
    "basketball",
    "hockey",
    "athletics",
    "cycling",
    "boxing",
    "racing",
    "nfl",
    "nba",
    "nhl",
    "skiing",
    "swimming",
    "volleyball",
    "handball",
];

/// Plurals after a city's name that name no team ("the Florida Keys", "the Oslo Accords").
const NO_TEAM_PLURALS: &[&str] = &[
    "accords",
    "agreements",
    "talks",
    "games",
    "olympics",
    "islands",
    "keys",
    "mountains",
    "hills",
    "falls",
    "heights",
    "springs",
    "rapids",
    "times",
    "files",
    "everglades",
    "news",
    "riots",
    "affairs",
    "studies",
    "courts",
    "playoffs",
    "finals",
    "series",
];

/// Teams named by a city or a state and a plural ("the Detroit Red Wings", "the Baltimore
/// Orioles"), in a region about sport (a score, or a word such as "game" or "season", or a
/// report whose heading names a sport, `score` then; a
/// town named by an ordinary word, "Young", "Buffalo", only beside a score): one or two
/// capitalised words after the place of the gazetteer, which no capitalised word opens, the last a plural that is no
/// head word of an organisation's name ("Houston Industries"), no legal suffix and none of
/// `NO_TEAM_PLURALS`, and no capitalised word after them. Each as (first token, end of the
/// place, end token).
fn city_team_spans(a: &Analyzer, lex: &Lexicon, score: bool) -> Vec<(usize, usize, usize)> {
    let n = a.toks.len();
    let sport = score || (0..n).any(|i| is_sport_word(a.word(i)));
    let mut out = Vec::new();
    if !sport {
        return out;
    }
    let mut i = 0;
    while i < n {
        let place = (a.is_name_token(i) && !a.is_all_caps(i))
            .then(|| title_cased_place(a, lex, i, n))
            .flatten()
            .filter(|(_, entry)| matches!(entry.source, Source::City | Source::Admin));
        let Some((place_end, _)) = place else {
            i += 1;
            continue;
        };
        // Not inside a longer name ("Secondary Fleet Bases"), and a town named by an
        // ordinary word ("Young", "Fleet") only beside a score.
        if (i > 0 && a.can_start_run(i - 1)) || (place_end == i + 1 && a.is_ordinary(i) && !score) {
            i = place_end;
            continue;
        }
        let title = |k: usize| {
            a.is_name_token(k) && !a.is_all_caps(k) && a.word(k).chars().any(char::is_lowercase)
        };
        let mut e = place_end;
        while e < n && e < place_end + 2 && title(e) {
            e += 1;
        }
        let last = if e > place_end { a.word(e - 1) } else { "" };
        let folded = crate::text::fold(last);
        let plural = last.len() > 3 && last.ends_with('s') && !last.ends_with("ss");
        let team = plural
            && !a.is_name_token(e)
            && !NO_TEAM_PLURALS.contains(&folded.as_str())
            && lex.cue(&super::lexicon::phrase_key(last).0) & (cue::ORG | cue::ORG_FIRST) == 0
            && !super::organisations::is_legal_suffix(last);
        if team {
            out.push((i, place_end, e));
            i = e;
        } else {
            i = place_end;
        }
    }
    out
}

/// Sports teams (`stands_as_team`) become organisations. A place, a lone given name or a
/// football club of `clubs.txt` found as something else is re-read so (a club is named after
/// its town, "Chelsea" is a given name too, and "Feyenoord" looks like a family name); a club
/// of the list that no pass found, or found only in part ("Eindhoven" of "PSV Eindhoven"), is
/// added whole. Then the other mentions of a team's name in the document are the team too,
/// except after a preposition of place ("in Leeds"). Countries stay places: national teams
/// are read as the country.
pub(crate) fn sports_teams(analyzers: &[Analyzer], mentions: &mut Vec<Mention>) {
    let sport = SportDoc::of(analyzers);
    let mut found = Teams::default();
    names_standing_as_teams(analyzers, &sport, mentions, &mut found.names);
    let index = SpanIndex::of(mentions);
    clubs_of_the_list(analyzers, &sport, mentions, &index, &mut found);
    results_sides_and_city_teams(analyzers, &sport, mentions, &index, &mut found);
    let Teams {
        names,
        clubs,
        replaced,
        short_forms,
        ..
    } = found;
    if !clubs.is_empty() {
        let mut k = 0;
        mentions.retain(|_| {
            k += 1;
            !replaced.contains(&(k - 1))
        });
        mentions.extend(clubs);
    }
    other_mentions_of_teams(analyzers, mentions, &names, &short_forms);
}

/// A country of the generated list, or one of the hand-written list's ("England").
fn country_at(a: &Analyzer, s: usize, e: usize) -> Option<GazEntry> {
    a.gaz_at(s, e)
        .filter(|&(end, entry)| {
            end == e
                && (entry.source == Source::Country
                    || (entry.source == Source::Hand && entry.kind == EntityKind::Gpe))
        })
        .map(|(_, entry)| entry)
}

fn is_country(a: &Analyzer, s: usize, e: usize) -> bool {
    country_at(a, s, e).is_some()
}

/// What a document says of sport, found once for the steps of `sports_teams`.
struct SportDoc {
    /// Each region's results (`ResultsContext`).
    regions: Vec<ResultsContext>,
    /// A wire report about a sport, by its heading ("RUGBY LEAGUE - BRADFORD BULLS SIGN …").
    heading: bool,
    /// A score, a results line or a word of sport somewhere.
    words: bool,
    /// That, or a region with two capitalised names before numbers.
    about: bool,
}

impl SportDoc {
    fn of(analyzers: &[Analyzer]) -> SportDoc {
        let regions: Vec<ResultsContext> = analyzers.iter().map(ResultsContext::of).collect();
        // A wire report about a sport, by its heading ("RUGBY LEAGUE - BRADFORD BULLS SIGN …").
        let sport_heading = analyzers.first().is_some_and(|a| {
            let dash = (1..a.toks.len().min(4)).find(|&i| matches!(a.word(i), "-" | "\u{2013}"));
            dash.is_some_and(|d| {
                (0..d).any(|i| SPORTS.contains(&crate::text::fold(a.word(i)).as_str()))
            })
        });
        // A document about sport: a score, a results line or a word of sport somewhere.
        let sport_words = sport_heading
            || regions.iter().any(|r| r.score)
            || analyzers
                .iter()
                .any(|a| (0..a.toks.len()).any(|i| is_sport_word(a.word(i))));
        let about_sport = sport_words || regions.iter().any(|r| r.name_numbers >= 2);
        SportDoc {
            regions,
            heading: sport_heading,
            words: sport_words,
            about: about_sport,
        }
    }
}

/// The teams `sports_teams` finds, step by step.
#[derive(Default)]
struct Teams {
    /// The names that stand as teams somewhere in the document, case-blind.
    names: FastSet<String>,
    /// Teams found where no mention was whole, to be added.
    clubs: Vec<Mention>,
    /// The mentions they replace (indices into the mentions).
    replaced: FastSet<usize>,
    /// The tokens the clubs found so far cover.
    club_tokens: FastSet<(usize, usize)>,
    /// A team's name without its city ("Knicks") and the key of the team named in full.
    short_forms: Vec<(String, String)>,
}

/// Mentions that stand as teams: a country or state read as an organisation is the place
/// (its national side), and a place, a given name or a club of the list is a team beside a
/// result, a player's role or after a player in parentheses.
fn names_standing_as_teams(
    analyzers: &[Analyzer],
    sport: &SportDoc,
    mentions: &mut [Mention],
    teams: &mut FastSet<String>,
) {
    let lex = Lexicon::get();
    // Where each person ends: a player's club follows in parentheses ("Alan Shearer (
    // Newcastle )").
    let player_ends: FastSet<(usize, usize)> = mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Person && m.segment != HEADER)
        .map(|m| (m.segment, m.tok_end))
        .collect();
    // Where the parentheses after a player hold a country somewhere, they hold the players'
    // countries, not their clubs ("Ato Boldon ( Trinidad )" beside "( Namibia )").
    let in_brackets_after_player = |m: &Mention| {
        m.segment != HEADER
            && analyzers.get(m.segment).is_some_and(|a| {
                m.tok_start >= 2
                    && a.is_punct(m.tok_start - 1, "(")
                    && a.is_punct(m.tok_end, ")")
                    && player_ends.contains(&(m.segment, m.tok_start - 1))
            })
    };
    let countries_in_brackets = mentions.iter().any(|m| {
        in_brackets_after_player(m) && is_country(&analyzers[m.segment], m.tok_start, m.tok_end)
    });
    for m in mentions.iter_mut() {
        let Some(a) = analyzers.get(m.segment).filter(|_| m.segment != HEADER) else {
            continue;
        };
        let (s, e) = (m.tok_start, m.tok_end);
        // A country the tagger read as an organisation is its national side: the country
        // ("Pakistan beat England by six wickets", "the England captain").
        // So is a state or province, unless it stands as a team here ("New South Wales beat
        // Victoria by 20 runs"): "… South Australia, Western Australia and Queensland".
        if m.kind == EntityKind::Org {
            let region = || {
                a.gaz_at(s, e)
                    .filter(|&(end, entry)| end == e && entry.source == Source::Admin)
                    .filter(|_| !stands_as_team(a, &sport.regions[m.segment], s, e))
                    .map(|(_, entry)| entry)
            };
            if let Some(entry) = country_at(a, s, e).or_else(region) {
                m.kind = entry.kind;
                m.key = entry.canonical.to_string();
                m.canonical = Some(entry.canonical);
            }
            continue;
        }
        if !matches!(
            m.kind,
            EntityKind::Gpe | EntityKind::Loc | EntityKind::Person
        ) {
            continue;
        }
        // A lone word before a player's role and a name is a team whatever it was read as
        // ("Benetton driver Jean Alesi").
        let before_player = e == s + 1
            && e + 1 < a.toks.len()
            && is_role_before_a_name(a.word(e))
            && a.is_name_token(e + 1);
        // In a document about sport, a town or a club of the list in parentheses after a
        // player ("Alan Shearer ( Newcastle )"; a country or a region is the player's: "Greg
        // Norman ( Australia )", "Ato Boldon ( Trinidad )"; a person is an actor's part).
        let town_or_club = || {
            lex.clubs.contains(&lower_key(a, s, e))
                || (m.kind != EntityKind::Person
                    && title_cased_place(a, lex, s, e)
                        .is_some_and(|(end, entry)| end == e && entry.source == Source::City))
        };
        let players_club =
            sport.about && !countries_in_brackets && in_brackets_after_player(m) && town_or_club();
        if m.kind == EntityKind::Person
            && (e != s + 1 || !lex.is_first_name(a.word(s)))
            && !lex.clubs.contains(&lower_key(a, s, e))
            && !before_player
            && !players_club
        {
            continue;
        }
        // A "person" of one word that is a club of the list and no given or family name, in
        // a paragraph that reports a score, is the club wherever it stands there
        // ("Middlesbrough, who sacked their coach last week, lost 3-0").
        let club_read_as_person = m.kind == EntityKind::Person
            && e == s + 1
            && sport.regions[m.segment].score
            && lex.clubs.contains(&lower_key(a, s, e))
            && !lex.is_first_name(a.word(s))
            && !lex.is_surname(a.word(s));
        if !is_country(a, s, e)
            && (club_read_as_person
                || players_club
                || stands_as_team(a, &sport.regions[m.segment], s, e))
        {
            as_team(a, m);
            teams.insert(lower_key(a, s, e));
        }
    }
}

/// Clubs of the list that no pass found whole. The mentions by region and position, so
/// that those a club overlaps are found without a scan of the document; the clubs found
/// replace them once all are found (clubs found never overlap each other).
fn clubs_of_the_list(
    analyzers: &[Analyzer],
    sport: &SportDoc,
    mentions: &[Mention],
    index: &SpanIndex,
    found: &mut Teams,
) {
    let lex = Lexicon::get();
    for (segment, a) in analyzers.iter().enumerate() {
        let n = a.toks.len();
        let mut i = 0;
        while i < n {
            let capitalised =
                a.toks[i].kind == TokKind::Word && a.word(i).starts_with(char::is_uppercase);
            if !capitalised {
                i += 1;
                continue;
            }
            let mut key = String::new();
            let mut best = None;
            for j in i..n.min(i + lex.clubs.max_tokens) {
                if a.toks[j].kind == TokKind::Punct && a.word(j) != "." {
                    break;
                }
                push_key_lower(&mut key, a.word(j));
                if lex.clubs.contains(&key) {
                    best = Some(j + 1);
                }
                if !lex.clubs.is_prefix(&key) {
                    break;
                }
            }
            let Some(mut end) = best else {
                i += 1;
                continue;
            };
            // A club's name at the end of a longer place's name is that place's team ("York"
            // of "NEW YORK 6").
            let title = |k: usize| {
                a.toks[k].kind == TokKind::Word && a.word(k).starts_with(char::is_uppercase)
            };
            let mut first = i;
            while first > 0 && i - first < 3 && title(first - 1) {
                first -= 1;
            }
            if let Some((k, place_end)) = (first..i).find_map(|k| {
                title_cased_place(a, lex, k, n)
                    .filter(|&(place_end, _)| place_end >= end)
                    .map(|(place_end, _)| (k, place_end))
            }) {
                i = k;
                end = place_end;
            }
            let (start_byte, end_byte) = (a.toks[i].start, a.toks[end - 1].end);
            let overlapping: Vec<usize> = index.overlapping(segment, i, end).collect();
            // Mentions inside the club's name give way to it ("Sheffield" of "Sheffield
            // Wednesday", even as an organisation); one that reaches outside it, or an
            // organisation already there whole, keeps its place.
            let blocked = overlapping.iter().any(|&k| {
                let m = &mentions[k];
                m.tok_start < i
                    || m.tok_end > end
                    || m.kind == EntityKind::Org && (m.tok_start, m.tok_end) == (i, end)
            });
            if blocked
                || is_country(a, i, end)
                || !stands_as_team(a, &sport.regions[segment], i, end)
            {
                i = end;
                continue;
            }
            found.replaced.extend(overlapping);
            found.names.insert(lower_key(a, i, end));
            found.clubs.push(Mention {
                start: start_byte,
                end: end_byte,
                segment,
                tok_start: i,
                tok_end: end,
                kind: EntityKind::Org,
                key: titled_key(a, i, end),
                canonical: None,
                strength: Strength::Strong,
            });
            i = end;
        }
    }
    found.club_tokens = found
        .clubs
        .iter()
        .flat_map(|c| (c.tok_start..c.tok_end).map(move |i| (c.segment, i)))
        .collect();
}

/// The sides of results lines, in a document with two such lines at least (a table of
/// results) or where a side is a place or a club of the list; a person named in full is
/// no side. And teams named by their city and a plural.
fn results_sides_and_city_teams(
    analyzers: &[Analyzer],
    sport: &SportDoc,
    mentions: &[Mention],
    index: &SpanIndex,
    found: &mut Teams,
) {
    let lex = Lexicon::get();
    let results_lines: Vec<Vec<ResultsLine>> = analyzers.iter().map(results_lines).collect();
    let table = results_lines.iter().map(Vec::len).sum::<usize>() >= 2;
    for (segment, a) in analyzers.iter().enumerate() {
        let known = |&(s, e): &(usize, usize)| {
            lex.clubs.contains(&lower_key(a, s, e))
                || title_cased_place(a, lex, s, e).is_some_and(|(end, _)| end == e)
        };
        // A row of standings or a fixture only in a text that speaks of sport (not a table
        // of temperatures, "Bonn 12 14 16", nor a court case, "Texas v Johnson").
        let sides = results_lines[segment]
            .iter()
            .filter(|line| table || line.sides.iter().any(known))
            .filter(|line| (line.sides.len() == 2 && !line.fixture) || sport.words)
            .flat_map(|line| {
                // A name read across a fixture's "v" ("Leicester v Sheffield") gives way.
                let (first, last) = (line.sides[0].0, line.sides[line.sides.len() - 1].1);
                let bounds = move |s, e| if line.fixture { (first, last) } else { (s, e) };
                line.sides
                    .iter()
                    .map(move |&(s, e)| (s, e, None, bounds(s, e)))
            });
        let city_teams = city_team_spans(a, lex, sport.regions[segment].score || sport.heading);
        // Each as (first token, end token, where the team's own name begins after its city).
        let city_teams = city_teams
            .iter()
            .map(|&(s, place_end, e)| (s, e, Some(place_end), (s, e)));
        // Each with the tokens a name found there may cover and still give way.
        for (s, e, city_team, (lo, hi)) in sides.chain(city_teams) {
            if is_country(a, s, e) || (s..e).any(|i| found.club_tokens.contains(&(segment, i))) {
                continue;
            }
            let overlapping: Vec<usize> = index.overlapping(segment, s, e).collect();
            // A person named in full is no team ("Orlando Jones"), unless a city of 100,000
            // people or a state has a team of that name that ends with no family name
            // ("Bradford Bulls", "Regina Pats"; not "Barry Bonds": Barry, Wales).
            let big_place = || {
                title_cased_place(a, lex, s, e).is_some_and(|(_, entry)| {
                    entry.source == Source::Admin || entry.population >= 100_000
                })
            };
            let blocked = overlapping.iter().any(|&k| {
                let m = &mentions[k];
                m.tok_start < lo
                    || m.tok_end > hi
                    || (m.kind == EntityKind::Person
                        && m.tok_end - m.tok_start >= 2
                        && s <= m.tok_start
                        && m.tok_end <= e
                        && lex.is_first_name(a.word(m.tok_start))
                        && (city_team.is_none()
                            || lex.is_surname(a.word(m.tok_end - 1))
                            || !big_place()))
            });
            if blocked {
                continue;
            }
            found.replaced.extend(overlapping);
            found.names.insert(lower_key(a, s, e));
            let mut team = a.mention(s, e, EntityKind::Org, Strength::Strong);
            as_team(a, &mut team);
            if let Some(place_end) = city_team {
                // The team's name without its city ("the Knicks").
                let rest = normalise_name(&a.text[a.toks[place_end].start..a.toks[e - 1].end]);
                found.short_forms.push((rest, team.key.clone()));
            }
            found.club_tokens.extend((s..e).map(|i| (segment, i)));
            found.clubs.push(team);
        }
    }
}

/// A report names its sides again without a result beside them ("Leeds held on", "the
/// Leeds manager"): every mention of a team's name in the document is the team, except
/// one that a preposition of place, a dateline or a place and a comma before it put on the
/// map ("fans travelled home to Leeds", "NEW YORK 1996-08-30", "Burr Oak, Iowa"). The organisations of that name join the team's chip.
fn other_mentions_of_teams(
    analyzers: &[Analyzer],
    mentions: &mut [Mention],
    teams: &FastSet<String>,
    short_forms: &[(String, String)],
) {
    if teams.is_empty() {
        return;
    }
    for m in mentions.iter_mut() {
        if m.segment == HEADER
            || !matches!(
                m.kind,
                EntityKind::Gpe | EntityKind::Loc | EntityKind::Person | EntityKind::Org
            )
        {
            continue;
        }
        // A team's name without its city ("the Knicks") is the team named in full.
        if let Some((_, whole)) = short_forms.iter().find(|(short, _)| *short == m.key) {
            if matches!(m.kind, EntityKind::Org | EntityKind::Person) {
                m.kind = EntityKind::Org;
                m.key = whole.clone();
                m.canonical = None;
                continue;
            }
        }
        let Some(a) = analyzers.get(m.segment) else {
            continue;
        };
        let (s, e) = (m.tok_start, m.tok_end);
        // After a place and a comma, a name is the region the place lies in ("Burr Oak,
        // Iowa").
        let in_region = s >= 2 && a.is_punct(s - 1, ",") && a.is_name_token(s - 2);
        let placed = s
            .checked_sub(1)
            .is_some_and(|i| PLACE_PREPOSITIONS.contains(&crate::text::fold(a.word(i)).as_str()))
            || in_region
            || dateline_head(a, s, e);
        if !placed && teams.contains(&lower_key(a, s, e)) && !is_country(a, s, e) {
            as_team(a, m);
        }
    }
}

/// A result line's team after a rider's or a driver's country: "1. Luc Leblanc ( France )
/// Polti 6:02:15", "Jean Alesi (France) Benetton 1:23.4": after a person, a place in
/// parentheses, then capitalised words that end the line or come before a time or a word in
/// lower case ("Telekom same time"), whatever was found on them (the tagger reads sponsors'
/// names as anything). Not a place of the gazetteer ("(France) Paris"), nor a word that opens
/// a sentence.
pub(crate) fn teams_after_nationality(analyzers: &[Analyzer], mentions: &mut Vec<Mention>) {
    let lex = Lexicon::get();
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    for (segment, a) in analyzers.iter().enumerate() {
        let n = a.toks.len();
        let here = |m: &&Mention| m.segment == segment;
        for m in mentions.iter().filter(here) {
            let open = m.tok_end;
            if m.kind != EntityKind::Person || open + 3 >= n || !a.is_punct(open, "(") {
                continue;
            }
            // The place in parentheses: a place found there.
            let Some(place) = mentions.iter().filter(here).find(|p| {
                p.tok_start == open + 1 && matches!(p.kind, EntityKind::Gpe | EntityKind::Loc)
            }) else {
                continue;
            };
            let s = place.tok_end + 1;
            if !a.is_punct(place.tok_end, ")") || s >= n || !a.is_name_token(s) {
                continue;
            }
            let mut e = s;
            while e < n && a.is_name_token(e) && !a.toks[e].sent_start {
                e += 1;
            }
            let line_ends = e == n || a.text[a.toks[e - 1].end..a.toks[e].start].contains('\n');
            let ends_well = line_ends
                || a.toks[e].kind == TokKind::Number
                || a.word(e).chars().next().is_some_and(char::is_lowercase);
            let a_place = a.gaz_at(s, e).is_some_and(|(end, _)| end == e)
                || title_cased_place(a, lex, s, e).is_some_and(|(end, _)| end == e);
            if e > s && ends_well && !a_place {
                found.push((segment, s, e));
            }
        }
    }
    drop_overlapping(mentions, &found);
    for (segment, s, e) in found {
        let a = &analyzers[segment];
        let mut team = a.mention(s, e, EntityKind::Org, Strength::Strong);
        as_team(a, &mut team);
        mentions.push(team);
    }
}

/// Whether tokens `s..e` open their line as a dateline does: before a date ("NEW YORK
/// 1996-08-30"; a score or a row of standings has small numbers), a parenthesis or a dash.
fn dateline_head(a: &Analyzer, s: usize, e: usize) -> bool {
    let line_start = s == 0 || a.text[a.toks[s - 1].end..a.toks[s].start].contains('\n');
    line_start
        && a.toks.get(e).is_some_and(|t| {
            (t.kind == TokKind::Number && !is_goals(t))
                || matches!(a.word(e), "(" | "-" | "\u{2013}" | "\u{2014}")
        })
}

/// Makes a mention a team: an organisation keyed by its name as written, a name in capitals as
/// title case would write it, so that "TORONTO" in a table and "Toronto" in the report are
/// one chip whichever pass found them.
fn as_team(a: &Analyzer, m: &mut Mention) {
    m.kind = EntityKind::Org;
    m.canonical = None;
    m.key = titled_key(a, m.tok_start, m.tok_end);
}

/// The key of a name on tokens `s..e`, a name in capitals as title case would write it (see
/// `as_team`).
pub(crate) fn titled_key(a: &Analyzer, s: usize, e: usize) -> String {
    if (s..e).all(|i| a.toks[i].kind != TokKind::Word || a.is_all_caps(i)) {
        let mut key = String::new();
        for i in s..e {
            push_key_titled(&mut key, a.word(i));
        }
        key
    } else {
        normalise_name(&a.text[a.toks[s].start..a.toks[e - 1].end])
    }
}
