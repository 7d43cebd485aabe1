//! The "Word tools" panel: Collocates, Phrases and Keywords, named as Voyant and AntConc
//! name them. The core computes each list (`collocates.rs`, `phrases.rs`, `keyness.rs`);
//! this draws it as a table with sortable columns, sets its options, exports it as CSV, and
//! turns a click on a word into a search that the reader marks. The list stays: its node is
//! pinned (see `ToolsView::node`) until the reader types a new query.
//!
//! Every control is a key and a value of the tools' part of the URL hash (`cwin=3`,
//! `csort=mi-asc`, `tool=phrases`), applied by the same `ToolsView::read` that reads a link:
//! one path for every setting. The panel is a plain function, not a component (each
//! component type costs the page its own copy of yew's lifecycle code): the root memoises
//! the list ([`compute`]) and keeps how many rows are shown. Its elements are built as data
//! (`tree.rs`) under one click and one change listener, which map the element's `data-act`
//! to a [`ToolAct`] (as the corpus views do).

use crate::corpus;
use crate::download::download;
use crate::views::tree::{clicked_act, e, Acts, Handler, E};
use explorer_core::collocates::{collocates, proximity_query, sort_collocates, Collocates};
use explorer_core::format::{fixed, probability, thousands};
use explorer_core::keyness::{sort_keywords, Against, KeyTerm, Keywords};
use explorer_core::phrases::{sort_phrases, PhraseList};
use explorer_core::query::{self, Atom};
use explorer_core::search::SearchResult;
use explorer_core::state::{to_hash, View};
use explorer_core::tools_view::{Significance, Sort, Tool, ToolsView};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::Event;
use yew::Callback;

use crate::state::{Action, TOOL_PAGE as PAGE};

/// What the panel is drawn from.
pub struct Args<'a> {
    pub doc_idx: usize,
    /// The current query: the row that searched for it is marked.
    pub query: &'a str,
    /// The query whose collocates and phrases are listed.
    pub node: &'a str,
    pub tools: &'a ToolsView,
    /// The open tool's list ([`compute`], memoised by the root).
    pub computed: &'a Rc<Computed>,
    /// Rows shown (a multiple of [`PAGE`]: "Show more" adds one).
    pub rows: usize,
}

/// What a click or a change in the panel does (an element carries its index as `data-act`).
pub enum ToolAct {
    /// A click: set a key of the tools' hash to this value (a tool's tab, a sort).
    Set(&'static str, String),
    /// A radio button was chosen: set its key to its value.
    Pick(&'static str, &'static str),
    /// A drop-down changed: set its key to the chosen value.
    Select(&'static str),
    /// A checkbox changed: set its key to "1" or "0".
    Check(&'static str),
    /// A word was clicked: search for this.
    Search(String),
    /// "Show more".
    More,
    /// Download the list as CSV.
    Export,
}

/// A setting: a key of the hash and how it is chosen.
enum Control {
    /// A labelled drop-down of `(value, label)` choices.
    Select {
        key: &'static str,
        label: &'static str,
        choices: Vec<(&'static str, &'static str)>,
        current: &'static str,
    },
    /// A labelled drop-down of numbers; with `keep`, the current one is offered too when it
    /// is not among them (a link can ask for any minimum).
    Numbers {
        key: &'static str,
        label: &'static str,
        choices: &'static [u32],
        current: u32,
        keep: bool,
    },
    /// A checkbox (value "1" or "0").
    Check {
        key: &'static str,
        label: String,
        checked: bool,
        disabled: bool,
    },
    /// Two or three buttons side by side, one chosen.
    Choice {
        key: &'static str,
        label: &'static str,
        choices: &'static [(&'static str, &'static str)],
        current: &'static str,
    },
}

/// A table's column: heading, meaning, whether it holds numbers, and its name as a sort.
struct Column {
    label: &'static str,
    title: &'static str,
    numeric: bool,
    /// Its natural order runs low to high (words A to Z, p-values smallest first).
    rising: bool,
    sort: &'static str,
}

const fn num(label: &'static str, title: &'static str, sort: &'static str) -> Column {
    Column {
        label,
        title,
        numeric: true,
        rising: false,
        sort,
    }
}

const fn word(label: &'static str, title: &'static str, sort: &'static str) -> Column {
    Column {
        label,
        title,
        numeric: false,
        rising: true,
        sort,
    }
}

/// The collocates table (a collocate's frequency is in the CSV and its word's title: seven
/// columns do not fit a phone).
const COLLOCATE_COLUMNS: &[Column] = &[
    word("Collocate", "The word near the node", "term"),
    num(
        "Obs.",
        "Observed: times it stands in the windows",
        "observed",
    ),
    num("Exp.", "Expected: times it would by chance", "expected"),
    num(
        "G²",
        "Log-likelihood (negative: seen less than expected)",
        "g2",
    ),
    num(
        "MI",
        "Mutual information: log₂ of observed / expected",
        "mi",
    ),
    num(
        "logDice",
        "logDice (Rychlý): 14 at most, one less per halving",
        "logdice",
    ),
];

const PHRASE_COLUMNS: &[Column] = &[
    word("Phrase", "A repeated sequence of 2 to 6 words", "phrase"),
    num("Freq.", "Occurrences", "frequency"),
    num("Range", "Documents it occurs in", "range"),
];

const KEYWORD_COLUMNS: &[Column] = &[
    word(
        "Keyword",
        "A word used more (or less) than in the reference",
        "term",
    ),
    num("Doc.", "Occurrences in this document", "study"),
    num(
        "Ref.",
        "Occurrences in the other documents, or per million words of general English",
        "reference",
    ),
    num("G²", "Log-likelihood", "g2"),
    Column {
        label: "p",
        title: "The p-value of G² (χ², one degree of freedom)",
        numeric: true,
        rising: true,
        sort: "p",
    },
    num(
        "Log ratio",
        "log₂ of the ratio of relative frequencies (Hardie)",
        "logratio",
    ),
];

/// One row: the word (a link that searches for `query`, if any) and the other cells.
struct Row {
    word: String,
    query: String,
    /// Shown on hover over the word (and its accessible description).
    note: Option<String>,
    cells: Vec<String>,
}

/// What a tool shows: its settings, a sentence on what is listed, and the table.
struct Shown {
    controls: Vec<Control>,
    summary: String,
    columns: &'static [Column],
    sort_key: &'static str,
    /// The sorted column and whether it runs low to high.
    sort: (&'static str, bool),
    caption: String,
    rows: Vec<Row>,
    total: usize,
}

/// The words of a query's positive atoms, as a proximity search takes them.
fn node_words(node: &str) -> Vec<String> {
    let star = |w: &str, p: bool| format!("{w}{}", if p { "*" } else { "" });
    let mut out = Vec::new();
    for atom in query::parse(node).positive_atoms() {
        match atom {
            Atom::Word { term, prefix, .. } => out.push(star(term, *prefix)),
            Atom::Phrase {
                words,
                last_is_prefix,
                ..
            } => out.extend(
                words
                    .iter()
                    .enumerate()
                    .map(|(i, w)| star(w, *last_is_prefix && i + 1 == words.len())),
            ),
            Atom::Near { words, .. } => out.extend(words.iter().map(|(w, p)| star(w, *p))),
            Atom::Entity { words, .. } => out.extend(words.iter().cloned()),
        }
    }
    out
}

fn min_freq(key: &'static str, current: u32, choices: &'static [u32]) -> Control {
    Control::Numbers {
        key,
        label: "Min.",
        choices,
        current,
        keep: true,
    }
}

fn plural(n: usize, word: &str) -> String {
    format!(
        "{} {word}{}",
        thousands(n as u64),
        if n == 1 { "" } else { "s" }
    )
}

/// The rows of the first `shown` items, as `row` draws each (a loop, where each
/// `collect` over another iterator is its own copy of the standard library's code).
fn each<T>(items: &[T], shown: usize, row: impl Fn(&T) -> Row) -> Vec<Row> {
    let mut rows = Vec::new();
    for item in &items[..shown.min(items.len())] {
        rows.push(row(item));
    }
    rows
}

/// The open tool's list, sorted.
pub enum Computed {
    Nothing,
    Collocates(Collocates),
    Phrases(PhraseList),
    Keywords(Keywords),
}

/// The scope of Collocates and Phrases: the open document, or (`None`) the corpus.
fn scope_of(tools: &ToolsView, doc: usize) -> Option<usize> {
    (tools.doc_scope || corpus().docs.len() == 1).then_some(doc)
}

/// The open tool's list for `node` (the query it lists for) and the open document `doc`;
/// nothing while the panel is not drawn (`on` false).
pub fn compute(node: &str, doc: usize, tools: &ToolsView, on: bool) -> Computed {
    if !on {
        return Computed::Nothing;
    }
    let corpus = corpus();
    let scope = scope_of(tools, doc);
    let node_hits = || -> Option<SearchResult> {
        (!node.trim().is_empty()).then(|| corpus.search(&query::parse(node)))
    };
    match tools.tool.unwrap_or(Tool::Collocates) {
        Tool::Collocates => {
            let Some(result) = node_hits() else {
                return Computed::Nothing;
            };
            let vocab = &corpus.index.vocab;
            let mut list = collocates(
                corpus.tokens(),
                &result.docs,
                scope,
                tools.collocates,
                |t| vocab.is_stop(t),
            );
            let sort = tools.collocate_sort;
            sort_collocates(&mut list.rows, sort.column, !sort.ascending);
            Computed::Collocates(list)
        }
        Tool::Phrases => {
            let result = tools.phrases_with_query.then(node_hits).flatten();
            let hits = result.as_ref().map(|r| &r.docs[..]);
            let with_query = tools.phrases_with_query.then_some(hits.unwrap_or_default());
            let mut list = corpus.phrases(scope, with_query, tools.phrase_config());
            let sort = tools.phrase_sort;
            sort_phrases(&mut list.rows, sort.column, !sort.ascending);
            Computed::Phrases(list)
        }
        Tool::Keywords => {
            let mut k = corpus.keywords(doc, tools.against, tools.keyword_config());
            let sort = tools.keyword_sort;
            let rank = |key: &KeyTerm| corpus.keyword_rank(key);
            sort_keywords(&mut k.over, sort.column, !sort.ascending, rank);
            sort_keywords(&mut k.under, sort.column, !sort.ascending, rank);
            Computed::Keywords(k)
        }
    }
}

/// The panel, with its listeners, which dispatch the root's actions: new settings
/// (`SetTools`), a search (`ToolSearch`), another page of rows (`MoreToolRows`).
pub fn word_tools(args: &Args, dispatch: &Callback<Action>) -> E {
    let corpus = corpus();
    let vocab = &corpus.index.vocab;
    let tools = args.tools;
    let node = args.node;
    let tool = tools.tool.unwrap_or(Tool::Collocates);
    let several = corpus.docs.len() > 1;
    let scope = scope_of(tools, args.doc_idx);
    let in_scope = if scope.is_some() {
        "the document"
    } else {
        "the corpus"
    };
    let shown = args.rows;
    let computed = args.computed;
    let collocate_list = match computed.as_ref() {
        Computed::Collocates(list) => Some(list),
        _ => None,
    };
    let phrase_list = match computed.as_ref() {
        Computed::Phrases(list) => Some(list),
        _ => None,
    };
    let keyword_list = match computed.as_ref() {
        Computed::Keywords(k) => Some(k),
        _ => None,
    };

    let sort_of = |s: Sort<&'static str>| (s.column, s.ascending);
    let mut view = match tool {
        Tool::Collocates => {
            let c = tools.collocates;
            let words = node_words(node);
            let controls = vec![
                Control::Numbers {
                    key: "cwin",
                    label: "Window ±",
                    choices: &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 20],
                    current: c.window,
                    keep: false,
                },
                min_freq("cmin", c.min_freq, &[1, 2, 3, 5, 10, 20]),
                Control::Check {
                    key: "cstop",
                    label: "Stopwords".into(),
                    checked: c.stopwords,
                    disabled: false,
                },
            ];
            let sort = sort_of(Sort {
                column: tools.collocate_sort.column.id(),
                ascending: tools.collocate_sort.ascending,
            });
            match collocate_list.filter(|_| !words.is_empty()) {
                None => Shown {
                    controls,
                    summary: "Search for a word (or click a term or a chip) to see the words that stand near it.".into(),
                    columns: COLLOCATE_COLUMNS,
                    sort_key: "csort",
                    sort,
                    caption: String::new(),
                    rows: Vec::new(),
                    total: 0,
                },
                Some(list) => Shown {
                    controls,
                    summary: format!(
                        "“{}”: {}, {} in windows of ±{}, {} in {in_scope}.",
                        node,
                        plural(list.node_freq as usize, "hit"),
                        plural(list.window_tokens as usize, "word"),
                        c.window,
                        thousands(list.n_tokens)
                    ),
                    columns: COLLOCATE_COLUMNS,
                    sort_key: "csort",
                    sort,
                    caption: format!("Collocates of “{}”", node),
                    rows: each(&list.rows, shown, |r| {
                            let form = vocab.form(r.term);
                            Row {
                                word: form.to_string(),
                                query: proximity_query(&words, form, c.window),
                                note: Some(format!(
                                    "{} in {in_scope}",
                                    thousands(u64::from(r.frequency))
                                )),
                                cells: vec![
                                    r.observed.to_string(),
                                    fixed(r.expected, 2),
                                    fixed(r.log_likelihood, 1),
                                    fixed(r.mutual_information, 2),
                                    fixed(r.log_dice, 1),
                                ],
                            }
                        }),
                    total: list.rows.len(),
                },
            }
        }
        Tool::Phrases => {
            let has_node = !node.trim().is_empty();
            let filtered = tools.phrases_with_query && has_node;
            let list = phrase_list;
            let total = list.map_or(0, |l| l.rows.len());
            Shown {
                controls: vec![
                    min_freq("pmin", tools.phrase_min_freq, &[2, 3, 5, 10, 20]),
                    Control::Check {
                        key: "pq",
                        label: if has_node {
                            format!("Only with “{}”", node)
                        } else {
                            "Only with the query".into()
                        },
                        checked: tools.phrases_with_query,
                        disabled: !has_node,
                    },
                ],
                summary: format!(
                    "{} of 2–6 words{} in {in_scope}{}; a phrase that occurs only inside a longer one is not listed.",
                    plural(total, "repeated phrase"),
                    if filtered { format!(" with “{}”", node) } else { String::new() },
                    if list.is_some_and(|l| l.partial) { " (the corpus's most frequent only)" } else { "" }
                ),
                columns: PHRASE_COLUMNS,
                sort_key: "psort",
                sort: sort_of(Sort {
                    column: tools.phrase_sort.column.id(),
                    ascending: tools.phrase_sort.ascending,
                }),
                caption: "Phrases".into(),
                rows: each(list.map(|l| &l.rows[..]).unwrap_or_default(), shown, |p| {
                        let text: Vec<&str> = p.terms.iter().map(|&t| vocab.form(t)).collect();
                        let text = text.join(" ");
                        Row {
                            query: format!("\"{text}\""),
                            word: text,
                            note: None,
                            cells: vec![thousands(u64::from(p.freq)), p.range.to_string()],
                        }
                    }),
                total,
            }
        }
        Tool::Keywords => {
            let k = keyword_list;
            let against = k.map_or(tools.against, |k| k.against);
            let mut controls = Vec::new();
            if several {
                controls.push(Control::Select {
                    key: "kvs",
                    label: "Against",
                    choices: vec![
                        ("rest", "the other documents"),
                        ("english", "general English"),
                    ],
                    current: if against == Against::Reference {
                        "english"
                    } else {
                        "rest"
                    },
                });
            }
            controls.push(Control::Select {
                key: "kp",
                label: "p <",
                choices: Significance::ALL
                    .iter()
                    .map(|s| {
                        (
                            s.id(),
                            if *s == Significance::All {
                                "any"
                            } else {
                                s.id()
                            },
                        )
                    })
                    .collect(),
                current: tools.significance.id(),
            });
            controls.push(min_freq("kmin", tools.keyword_min_freq, &[1, 2, 3, 5, 10]));
            controls.push(Control::Check {
                key: "kstop",
                label: "Stopwords".into(),
                checked: tools.keyword_stopwords,
                disabled: false,
            });
            controls.push(Control::Choice {
                key: "kuse",
                label: "Use",
                choices: &[("over", "Over-used"), ("under", "Under-used")],
                current: if tools.under_use { "under" } else { "over" },
            });
            let list = k.map_or(&[][..], |k| {
                if tools.under_use {
                    &k.under[..]
                } else {
                    &k.over[..]
                }
            });
            let more_or_less = if tools.under_use { "less" } else { "more" };
            let reference = match against {
                Against::RestOfCorpus => format!(
                    "the other documents ({} words)",
                    thousands(k.map_or(0, |k| k.reference_words as u64))
                ),
                Against::Reference => {
                    "general English (wordfreq, CC BY-SA 4.0; its rate per million words)".into()
                }
            };
            Shown {
                controls,
                summary: format!(
                    "{} used {more_or_less} in this document ({} words) than in {reference}, by log-likelihood, p < {}.",
                    plural(list.len(), "word"),
                    thousands(k.map_or(0, |k| k.study_words)),
                    if tools.significance == Significance::All { "1" } else { tools.significance.id() }
                ),
                columns: KEYWORD_COLUMNS,
                sort_key: "ksort",
                sort: sort_of(Sort {
                    column: tools.keyword_sort.column.id(),
                    ascending: tools.keyword_sort.ascending,
                }),
                caption: format!("Keywords used {more_or_less} in this document"),
                rows: each(list, shown, |r| {
                        let word = corpus.keyword_form(&r.key).to_string();
                        Row {
                            query: format!("\"{word}\""),
                            word,
                            note: r.bounded.then(|| {
                                "not among the reference's 10,000 words: rarer than its last".into()
                            }),
                            cells: vec![
                                thousands(u64::from(r.study)),
                                format!(
                                    "{}{}",
                                    if r.bounded { "≤ " } else { "" },
                                    match against {
                                        // Per million words reads better than per billion.
                                        Against::Reference if r.reference >= 100_000.0 => {
                                            thousands((r.reference / 1000.0).round() as u64)
                                        }
                                        Against::Reference => fixed(r.reference / 1000.0, 1),
                                        Against::RestOfCorpus => thousands(r.reference.round() as u64),
                                    }
                                ),
                                fixed(r.log_likelihood, 1),
                                probability(r.p),
                                fixed(r.log_ratio, 2),
                            ],
                        }
                    }),
                total: list.len(),
            }
        }
    };
    if several && tool != Tool::Keywords {
        view.controls.insert(
            0,
            Control::Choice {
                key: "scope",
                label: "Scope",
                choices: &[("doc", "Document"), ("corpus", "Corpus")],
                current: if tools.doc_scope { "doc" } else { "corpus" },
            },
        );
    }

    // Links to what a click shows, for a new tab or a copied address.
    let doc_id = (args.doc_idx > 0).then(|| corpus.docs[args.doc_idx].id.clone());
    let pinned = ToolsView {
        node: (!node.trim().is_empty()).then(|| node.to_string()),
        ..tools.clone()
    };
    let link = |query: &str| {
        format!(
            "#{}",
            to_hash(&View {
                query: query.to_string(),
                doc: doc_id.clone(),
                tools: pinned.clone(),
                ..View::default()
            })
        )
    };

    let mut acts = Acts(Vec::new());
    let mut tabs = e("div")
        .class("tool-tabs")
        .attr("role", "group")
        .attr("aria-label", "Tool");
    for t in Tool::ALL {
        let tab = e("button")
            .attr("type", "button")
            .class("tool-tab")
            .attr("aria-pressed", if t == tool { "true" } else { "false" })
            .text(t.label());
        tabs = tabs.child(acts.on(tab, ToolAct::Set("tool", t.id().to_string())));
    }
    let mut options = e("fieldset").class("chart-options tool-options").child(
        e("legend")
            .class("visually-hidden")
            .text_s(format!("{} options", tool.label())),
    );
    for c in view.controls.drain(..) {
        options = options.child(control(c, &mut acts));
    }
    let total = view.total;
    let mut foot = e("div").class("panel-foot tool-foot");
    if total > shown {
        let more = e("button")
            .attr("type", "button")
            .class("text-button")
            .text_s(format!(
                "Show {} more (of {})",
                PAGE.min(total - shown),
                thousands(total as u64)
            ));
        foot = foot.child(acts.on(more, ToolAct::More));
    }
    if total > 0 {
        let export = e("button")
            .attr("type", "button")
            .class("text-button")
            .text_s(format!("Download {} (CSV)", tool.id()));
        foot = foot.child(acts.on(export, ToolAct::Export));
    }
    let mut body = vec![
        e("div")
            .class("panel-head")
            .child(e("h2").attr("id", "tools-heading").text("Word tools")),
        tabs,
        options,
        e("p").class("tool-summary").text_s(view.summary),
    ];
    if total > 0 {
        body.push(table(
            view.columns,
            view.sort_key,
            view.sort,
            view.caption,
            view.rows,
            args.query,
            &link,
            &mut acts,
        ));
    }
    body.push(foot);

    let acts = Rc::new(acts.0);
    let dispatch = dispatch.clone();
    let (tools, computed) = (tools.clone(), computed.clone());
    let name = scope.map_or("corpus".to_string(), |d| corpus.docs[d].id.clone());
    // One handler for both listeners: a click does what buttons and links do, a change what
    // drop-downs, checkboxes and radio buttons do.
    let handler: Handler = Rc::new(move |ev: &Event, change: bool| {
        let Some(act) = clicked_act(ev).and_then(|i| acts.get(i)) else {
            return;
        };
        let set = |key: &str, value: &str| {
            let mut next = tools.clone();
            next.read(key, value);
            dispatch.emit(Action::SetTools(next));
        };
        let target = ev
            .target()
            .map(JsCast::unchecked_into::<web_sys::HtmlInputElement>);
        match (act, change) {
            (ToolAct::Set(key, value), false) => set(key, value),
            (ToolAct::Pick(key, value), true) => set(key, value),
            (ToolAct::Select(key), true) => {
                if let Some(t) = target {
                    set(
                        key,
                        &t.unchecked_into::<web_sys::HtmlSelectElement>().value(),
                    );
                }
            }
            (ToolAct::Check(key), true) => {
                if let Some(t) = target {
                    set(key, if t.checked() { "1" } else { "0" });
                }
            }
            (ToolAct::Search(query), false) => dispatch.emit(Action::ToolSearch(query.clone())),
            (ToolAct::More, false) => dispatch.emit(Action::MoreToolRows),
            (ToolAct::Export, false) => {
                let form = |t: u32| corpus.index.vocab.form(t).to_string();
                let csv = match computed.as_ref() {
                    Computed::Collocates(l) => explorer_core::collocates::to_csv(&l.rows, form),
                    Computed::Phrases(l) => explorer_core::phrases::to_csv(&l.rows, form),
                    Computed::Keywords(k) => k.to_csv(|key| corpus.keyword_form(key).to_string()),
                    Computed::Nothing => return,
                };
                download(&format!("{name}-{}.csv", tool.id()), "text/csv", &csv);
            }
            _ => {}
        }
    });
    let mut section = e("section")
        .class("panel panel-tools")
        .attr("aria-labelledby", "tools-heading");
    for el in body {
        section = section.child(el);
    }
    section.listen(handler)
}

/// One setting's elements.
fn control(c: Control, acts: &mut Acts<ToolAct>) -> E {
    match c {
        Control::Select {
            key,
            label,
            choices,
            current,
        } => {
            let mut select = e("select");
            for (value, text) in choices {
                select = select.child(
                    e("option")
                        .attr_if(value == current, "selected", "selected")
                        .attr("value", value)
                        .text(text),
                );
            }
            e("label")
                .class("option")
                .text(label)
                .child(acts.on(select, ToolAct::Select(key)))
        }
        Control::Numbers {
            key,
            label,
            choices,
            current,
            keep,
        } => {
            let mut select = e("select");
            let extra = (keep && !choices.contains(&current)).then_some(current);
            for &n in choices.iter().chain(&extra) {
                select = select.child(
                    e("option")
                        .attr_if(n == current, "selected", "selected")
                        .attr_n("value", n)
                        .text_s(n.to_string()),
                );
            }
            e("label")
                .class("option")
                .text(label)
                .child(acts.on(select, ToolAct::Select(key)))
        }
        Control::Check {
            key,
            label,
            checked,
            disabled,
        } => {
            let input = e("input")
                .attr("type", "checkbox")
                .attr_if(disabled, "disabled", "disabled")
                .checked(checked);
            e("label")
                .class("switch")
                .child(acts.on(input, ToolAct::Check(key)))
                .text_s(label)
        }
        Control::Choice {
            key,
            label,
            choices,
            current,
        } => {
            let mut group = e("div")
                .class("segmented")
                .attr("role", "radiogroup")
                .attr("aria-label", label);
            for &(value, text) in choices {
                let input = e("input")
                    .attr("type", "radio")
                    .attr("name", key)
                    .attr("value", value)
                    .checked(value == current);
                group = group.child(
                    e("label")
                        .child(acts.on(input, ToolAct::Pick(key, value)))
                        .text(text),
                );
            }
            group
        }
    }
}

/// The table, with a sort button in each heading; the first column's words are links.
#[allow(clippy::too_many_arguments)]
fn table(
    columns: &'static [Column],
    key: &'static str,
    (sorted, ascending): (&'static str, bool),
    caption: String,
    rows: Vec<Row>,
    current_query: &str,
    link: &dyn Fn(&str) -> String,
    acts: &mut Acts<ToolAct>,
) -> E {
    let mut head = e("tr");
    for c in columns {
        let here = c.sort == sorted;
        // A column's natural order (not `ascending`) runs high to low, or for words and
        // p-values low to high.
        let order = if c.rising != ascending {
            "ascending"
        } else {
            "descending"
        };
        // A click on the sorted column turns it around; on another, sorts by it.
        let next = if here && !ascending {
            format!("{}-asc", c.sort)
        } else {
            c.sort.to_string()
        };
        let button = e("button")
            .attr("type", "button")
            .class("sort")
            .attr("title", c.title)
            .text(c.label);
        head = head.child(
            e("th")
                .attr("scope", "col")
                .attr_if(c.numeric, "class", "num")
                .attr_if(here, "aria-sort", order)
                .child(acts.on(button, ToolAct::Set(key, next))),
        );
    }
    let mut body = e("tbody");
    for r in rows {
        let selected = r.query == current_query;
        let mut a = e("a")
            .attr_s("href", link(&r.query))
            .attr_if(selected, "aria-current", "true");
        if let Some(note) = r.note {
            a = a.attr_s("title", note);
        }
        let mut row = e("tr").attr_if(selected, "class", "selected").child(
            e("th")
                .attr("scope", "row")
                .child(acts.on(a.text_s(r.word), ToolAct::Search(r.query))),
        );
        for cell in r.cells {
            row = row.child(e("td").class("num").text_s(cell));
        }
        body = body.child(row);
    }
    e("div").class("tool-table-wrap").child(
        e("table")
            .class("tool-table")
            .child(e("caption").class("visually-hidden").text_s(caption))
            .child(e("thead").child(head))
            .child(body),
    )
}
