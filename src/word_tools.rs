//! The "Word tools" panel: Collocates, Phrases and Keywords, named as Voyant and AntConc
//! name them. The core computes each list (`collocates.rs`, `phrases.rs`, `keyness.rs`);
//! this draws it as a table with sortable columns, sets its options, exports it as CSV, and
//! turns a click on a word into a search that the reader marks. The list stays: its node is
//! pinned (see `ToolsView::node`) until the reader types a new query.
//!
//! Every control is a key and a value of the tools' part of the URL hash (`cwin=3`,
//! `csort=mi-asc`, `tool=phrases`), applied by the same `ToolsView::read` that reads a link:
//! one path for every setting, and markup drawn from data (each `html!` is code the page
//! downloads).

use crate::corpus;
use crate::download::download;
use explorer_core::collocates::{collocates, proximity_query, sort_collocates, Collocates};
use explorer_core::format::{fixed, probability, thousands};
use explorer_core::keyness::{sort_keywords, Against, KeyTerm, Keywords};
use explorer_core::phrases::{sort_phrases, PhraseList};
use explorer_core::query::{self, Atom};
use explorer_core::search::SearchResult;
use explorer_core::state::{to_hash, View};
use explorer_core::tools_view::{Significance, Sort, Tool, ToolsView};
use std::rc::Rc;
use yew::prelude::*;

/// Rows drawn at first, and added by "Show more".
const PAGE: usize = 50;

#[derive(Properties, PartialEq)]
pub struct WordToolsProps {
    pub doc_idx: usize,
    /// The current query: the row that searched for it is marked.
    pub query: AttrValue,
    /// The query whose collocates and phrases are listed.
    pub node: AttrValue,
    pub tools: ToolsView,
    pub on_tools: Callback<ToolsView>,
    /// A word was clicked: search for this.
    pub on_search: Callback<String>,
}

/// A setting: a key of the hash and how it is chosen.
enum Control {
    /// A labelled drop-down of `(value, label)` choices.
    Select {
        key: &'static str,
        label: &'static str,
        choices: Vec<(String, String)>,
        current: String,
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

fn numbers(choices: &[u32]) -> Vec<(String, String)> {
    choices
        .iter()
        .map(|n| (n.to_string(), n.to_string()))
        .collect()
}

fn min_freq(key: &'static str, current: u32, choices: &[u32]) -> Control {
    let mut choices = numbers(choices);
    if !choices.iter().any(|(v, _)| *v == current.to_string()) {
        choices.push((current.to_string(), current.to_string()));
    }
    Control::Select {
        key,
        label: "Min.",
        choices,
        current: current.to_string(),
    }
}

fn plural(n: usize, word: &str) -> String {
    format!(
        "{} {word}{}",
        thousands(n as u64),
        if n == 1 { "" } else { "s" }
    )
}

/// The open tool's list, sorted.
enum Computed {
    Nothing,
    Collocates(Collocates),
    Phrases(PhraseList),
    Keywords(Keywords),
}

fn compute(node: &str, doc: usize, scope: Option<usize>, tools: &ToolsView) -> Computed {
    let corpus = corpus();
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

#[component]
pub fn WordTools(props: &WordToolsProps) -> Html {
    let corpus = corpus();
    let vocab = &corpus.index.vocab;
    let tools = &props.tools;
    let tool = tools.tool.unwrap_or(Tool::Collocates);
    let several = corpus.docs.len() > 1;
    let scope = (tools.doc_scope || !several).then_some(props.doc_idx);
    let in_scope = if scope.is_some() {
        "the document"
    } else {
        "the corpus"
    };
    let shown = use_state(|| PAGE);

    // One list at a time, computed when what it depends on changes (one memo: each hook is
    // code the page downloads).
    let computed: Rc<Computed> = use_memo(
        (props.node.clone(), props.doc_idx, scope, tools.clone()),
        |(node, doc, scope, tools)| compute(node, *doc, *scope, tools),
    );
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

    // Every control sets one key of the tools' hash.
    let on_set = {
        let (on_tools, tools, shown) = (props.on_tools.clone(), tools.clone(), shown.clone());
        Callback::from(move |(key, value): (&'static str, String)| {
            let mut next = tools.clone();
            next.read(key, &value);
            shown.set(PAGE);
            on_tools.emit(next);
        })
    };

    let sort_of = |s: Sort<&'static str>| (s.column, s.ascending);
    let mut view = match tool {
        Tool::Collocates => {
            let c = tools.collocates;
            let words = node_words(&props.node);
            let controls = vec![
                Control::Select {
                    key: "cwin",
                    label: "Window ±",
                    choices: numbers(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 20]),
                    current: c.window.to_string(),
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
                        props.node,
                        plural(list.node_freq as usize, "hit"),
                        plural(list.window_tokens as usize, "word"),
                        c.window,
                        thousands(list.n_tokens)
                    ),
                    columns: COLLOCATE_COLUMNS,
                    sort_key: "csort",
                    sort,
                    caption: format!("Collocates of “{}”", props.node),
                    rows: list
                        .rows
                        .iter()
                        .take(*shown)
                        .map(|r| {
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
                        })
                        .collect(),
                    total: list.rows.len(),
                },
            }
        }
        Tool::Phrases => {
            let has_node = !props.node.trim().is_empty();
            let filtered = tools.phrases_with_query && has_node;
            let list = phrase_list;
            let total = list.map_or(0, |l| l.rows.len());
            Shown {
                controls: vec![
                    min_freq("pmin", tools.phrase_min_freq, &[2, 3, 5, 10, 20]),
                    Control::Check {
                        key: "pq",
                        label: if has_node {
                            format!("Only with “{}”", props.node)
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
                    if filtered { format!(" with “{}”", props.node) } else { String::new() },
                    if list.is_some_and(|l| l.partial) { " (the corpus's most frequent only)" } else { "" }
                ),
                columns: PHRASE_COLUMNS,
                sort_key: "psort",
                sort: sort_of(Sort {
                    column: tools.phrase_sort.column.id(),
                    ascending: tools.phrase_sort.ascending,
                }),
                caption: "Phrases".into(),
                rows: list
                    .map(|l| &l.rows[..])
                    .unwrap_or_default()
                    .iter()
                    .take(*shown)
                    .map(|p| {
                        let text: Vec<&str> = p.terms.iter().map(|&t| vocab.form(t)).collect();
                        let text = text.join(" ");
                        Row {
                            query: format!("\"{text}\""),
                            word: text,
                            note: None,
                            cells: vec![thousands(u64::from(p.freq)), p.range.to_string()],
                        }
                    })
                    .collect(),
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
                        ("rest".into(), "the other documents".into()),
                        ("english".into(), "general English".into()),
                    ],
                    current: if against == Against::Reference {
                        "english"
                    } else {
                        "rest"
                    }
                    .into(),
                });
            }
            controls.push(Control::Select {
                key: "kp",
                label: "p <",
                choices: Significance::ALL
                    .iter()
                    .map(|s| {
                        (
                            s.id().to_string(),
                            if *s == Significance::All {
                                "any"
                            } else {
                                s.id()
                            }
                            .to_string(),
                        )
                    })
                    .collect(),
                current: tools.significance.id().to_string(),
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
                rows: list
                    .iter()
                    .take(*shown)
                    .map(|r| {
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
                    })
                    .collect(),
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

    let on_more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + PAGE))
    };
    let on_export = {
        let computed = computed.clone();
        let name = scope.map_or("corpus".to_string(), |d| corpus.docs[d].id.clone());
        Callback::from(move |_: MouseEvent| {
            let form = |t: u32| corpus.index.vocab.form(t).to_string();
            let csv = match computed.as_ref() {
                Computed::Collocates(l) => explorer_core::collocates::to_csv(&l.rows, form),
                Computed::Phrases(l) => explorer_core::phrases::to_csv(&l.rows, form),
                Computed::Keywords(k) => k.to_csv(|key| corpus.keyword_form(key).to_string()),
                Computed::Nothing => return,
            };
            download(&format!("{name}-{}.csv", tool.id()), "text/csv", &csv);
        })
    };

    // Links to what a click shows, for a new tab or a copied address.
    let doc_id = (props.doc_idx > 0).then(|| corpus.docs[props.doc_idx].id.clone());
    let pinned = ToolsView {
        node: (!props.node.trim().is_empty()).then(|| props.node.to_string()),
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
    let total = view.total;
    html! {
        <section class="panel panel-tools" aria-labelledby="tools-heading">
            <div class="panel-head"><h2 id="tools-heading">{ "Word tools" }</h2></div>
            <div class="tool-tabs" role="group" aria-label="Tool">
                { for Tool::ALL.into_iter().map(|t| {
                    let on_set = on_set.clone();
                    html! {
                        <button type="button" class="tool-tab" aria-pressed={(t == tool).to_string()}
                            onclick={move |_| on_set.emit(("tool", t.id().to_string()))}>{ t.label() }</button>
                    }
                }) }
            </div>
            <fieldset class="chart-options tool-options">
                <legend class="visually-hidden">{ format!("{} options", tool.label()) }</legend>
                { for view.controls.iter().map(|c| control(c, &on_set)) }
            </fieldset>
            <p class="tool-summary">{ &view.summary }</p>
            { table(&mut view, &on_set, &props.on_search, &props.query, &link) }
            <div class="panel-foot tool-foot">
                if total > *shown {
                    <button type="button" class="text-button" onclick={on_more}>
                        { format!("Show {} more (of {})", PAGE.min(total - *shown), thousands(total as u64)) }
                    </button>
                }
                if total > 0 {
                    <button type="button" class="text-button" onclick={on_export}>
                        { format!("Download {} (CSV)", tool.id()) }
                    </button>
                }
            </div>
        </section>
    }
}

/// One setting's markup.
fn control(c: &Control, on_set: &Callback<(&'static str, String)>) -> Html {
    match c {
        Control::Select {
            key,
            label,
            choices,
            current,
        } => {
            let (on_set, key) = (on_set.clone(), *key);
            let onchange = Callback::from(move |e: Event| {
                let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
                on_set.emit((key, select.value()));
            });
            html! {
                <label class="option">{ *label }
                    <select {onchange}>
                        { for choices.iter().map(|(value, text)| html! {
                            <option value={value.clone()} selected={value == current}>{ text }</option>
                        }) }
                    </select>
                </label>
            }
        }
        Control::Check {
            key,
            label,
            checked,
            disabled,
        } => {
            let (on_set, key) = (on_set.clone(), *key);
            let onchange = Callback::from(move |e: Event| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                on_set.emit((key, if input.checked() { "1" } else { "0" }.to_string()));
            });
            html! {
                <label class="switch"><input type="checkbox" checked={*checked} disabled={*disabled} {onchange} />{ label }</label>
            }
        }
        Control::Choice {
            key,
            label,
            choices,
            current,
        } => html! {
            <div class="segmented" role="radiogroup" aria-label={*label}>
                { for choices.iter().map(|&(value, text)| {
                    let (on_set, key) = (on_set.clone(), *key);
                    html! {
                        <label><input type="radio" name={key} value={value} checked={value == *current}
                            onchange={move |_| on_set.emit((key, value.to_string()))} />{ text }</label>
                    }
                }) }
            </div>
        },
    }
}

/// The table, with a sort button in each heading; the first column's words are links.
fn table(
    view: &mut Shown,
    on_set: &Callback<(&'static str, String)>,
    on_search: &Callback<String>,
    current_query: &str,
    link: &dyn Fn(&str) -> String,
) -> Html {
    if view.total == 0 {
        return html! {};
    }
    let (sorted, ascending) = view.sort;
    let key = view.sort_key;
    html! {
        <div class="tool-table-wrap">
            <table class="tool-table">
                <caption class="visually-hidden">{ &view.caption }</caption>
                <thead>
                    <tr>
                        { for view.columns.iter().map(|c| {
                            let here = c.sort == sorted;
                            // A column's natural order (not `ascending`) runs high to low, or for
                            // words and p-values low to high.
                            let order = here.then_some(if c.rising != ascending { "ascending" } else { "descending" });
                            // A click on the sorted column turns it around; on another, sorts by it.
                            let next = if here && !ascending { format!("{}-asc", c.sort) } else { c.sort.to_string() };
                            let on_set = on_set.clone();
                            html! {
                                <th scope="col" class={classes!(c.numeric.then_some("num"))} aria-sort={order}>
                                    <button type="button" class="sort" title={c.title} onclick={move |_| on_set.emit((key, next.clone()))}>
                                        { c.label }
                                    </button>
                                </th>
                            }
                        }) }
                    </tr>
                </thead>
                <tbody>
                    { for view.rows.drain(..).map(|r| {
                        let selected = r.query == current_query;
                        let href = link(&r.query);
                        let on_search = on_search.clone();
                        let onclick = Callback::from(move |e: MouseEvent| {
                            e.prevent_default();
                            on_search.emit(r.query.clone());
                        });
                        html! {
                            <tr class={classes!(selected.then_some("selected"))}>
                                <th scope="row">
                                    <a {href} aria-current={selected.then_some("true")} title={r.note} {onclick}>{ r.word }</a>
                                </th>
                                { for r.cells.iter().map(|c| html! { <td class="num">{ c }</td> }) }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
