//! The "Word tools" panel: Collocates, Phrases and Keywords, named as Voyant and AntConc
//! name them. The core computes each list (`collocates.rs`, `phrases.rs`, `keyness.rs`);
//! this draws it as a table with sortable columns, sets its options, exports it as CSV, and
//! turns a click on a word into a search that the reader marks. The list stays: its node is
//! pinned (see `ToolsView::node`) until the reader types a new query.

use crate::corpus;
use crate::download::download;
use explorer_core::collocates::{
    collocates, proximity_query, sort_collocates, CollocateColumn, Collocates, MAX_WINDOW,
};
use explorer_core::format::{fixed, probability, thousands};
use explorer_core::keyness::{sort_keywords, Against, KeyTerm, KeywordColumn, Keywords};
use explorer_core::phrases::{sort_phrases, PhraseColumn, PhraseList};
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

/// A column of a table: its heading, what it means, and whether it holds numbers.
struct Column {
    label: &'static str,
    title: &'static str,
    numeric: bool,
}

const fn col(label: &'static str, title: &'static str) -> Column {
    Column {
        label,
        title,
        numeric: true,
    }
}

const COLLOCATE_COLUMNS: [Column; 7] = [
    Column {
        label: "Collocate",
        title: "The word near the node",
        numeric: false,
    },
    col("Obs.", "Observed: times it stands within the window"),
    col("Freq.", "Its frequency in the scope"),
    col("Exp.", "Expected: times it would stand there by chance"),
    col("G²", "Log-likelihood: how sure the attraction is"),
    col("MI", "Mutual information: log₂ of observed / expected"),
    col(
        "logDice",
        "logDice (Rychlý): 14 at most; about one less for each halving",
    ),
];

const PHRASE_COLUMNS: [Column; 4] = [
    Column {
        label: "Phrase",
        title: "A repeated sequence of 2 to 6 words",
        numeric: false,
    },
    col("Freq.", "Occurrences"),
    col("Range", "Documents it occurs in"),
    col("Words", "Its length in words"),
];

const KEYWORD_COLUMNS: [Column; 5] = [
    Column {
        label: "Keyword",
        title: "A word used more (or less) than in the reference",
        numeric: false,
    },
    col("Doc.", "Occurrences in this document"),
    col("Ref.", "Occurrences in the reference"),
    col("G²", "Log-likelihood, with its p-value"),
    col(
        "Log ratio",
        "log₂ of the ratio of relative frequencies (Hardie)",
    ),
];

/// One row: the word (a link that searches for `query`, if any) and the other cells.
struct Row {
    word: String,
    query: Option<String>,
    cells: Vec<String>,
    /// Said after the word, to screen readers and on hover.
    note: Option<&'static str>,
}

/// The words of a query's positive atoms, as a proximity search takes them.
fn node_words(node: &str) -> Vec<String> {
    let parsed = query::parse(node);
    let mut out = Vec::new();
    for atom in parsed.positive_atoms() {
        match atom {
            Atom::Word { term, prefix, .. } => {
                out.push(format!("{term}{}", if *prefix { "*" } else { "" }))
            }
            Atom::Phrase {
                words,
                last_is_prefix,
                ..
            } => {
                for (i, w) in words.iter().enumerate() {
                    let star = *last_is_prefix && i + 1 == words.len();
                    out.push(format!("{w}{}", if star { "*" } else { "" }));
                }
            }
            Atom::Near { words, .. } => out.extend(
                words
                    .iter()
                    .map(|(w, p)| format!("{w}{}", if *p { "*" } else { "" })),
            ),
            Atom::Entity { words, .. } => out.extend(words.iter().cloned()),
        }
    }
    out
}

#[component]
pub fn WordTools(props: &WordToolsProps) -> Html {
    let corpus = corpus();
    let tools = &props.tools;
    let tool = tools.tool.unwrap_or(Tool::Collocates);
    let several = corpus.docs.len() > 1;
    let scope = (tools.doc_scope || !several).then_some(props.doc_idx);
    let shown = use_state(|| PAGE);

    // The node's hits, when a tool needs them.
    let wants_node =
        tool == Tool::Collocates || (tool == Tool::Phrases && tools.phrases_with_query);
    let node_result: Rc<Option<SearchResult>> =
        use_memo((props.node.clone(), wants_node), |(node, wanted)| {
            (*wanted && !node.trim().is_empty()).then(|| corpus.search(&query::parse(node)))
        });
    let collocate_list: Rc<Option<Collocates>> = use_memo(
        (
            props.node.clone(),
            tool == Tool::Collocates,
            scope,
            tools.collocates,
            tools.collocate_sort,
        ),
        {
            let node_result = node_result.clone();
            move |(_, active, scope, config, sort)| {
                let result = node_result.as_ref().as_ref().filter(|_| *active)?;
                let vocab = &corpus.index.vocab;
                let mut list = collocates(corpus.tokens(), &result.docs, *scope, *config, |t| {
                    vocab.is_stop(t)
                });
                sort_collocates(&mut list.rows, sort.column, !sort.ascending);
                Some(list)
            }
        },
    );
    let phrase_list: Rc<Option<PhraseList>> = use_memo(
        (
            props.node.clone(),
            tool == Tool::Phrases,
            scope,
            tools.phrases_with_query,
            tools.phrase_min_freq,
            tools.phrase_sort,
        ),
        {
            let node_result = node_result.clone();
            let config = tools.phrase_config();
            move |(_, active, scope, with_query, _, sort)| {
                if !*active {
                    return None;
                }
                let containing = if *with_query {
                    Some(
                        node_result
                            .as_ref()
                            .as_ref()
                            .map_or(&[][..], |r| &r.docs[..]),
                    )
                } else {
                    None
                };
                let mut list = corpus.phrases(*scope, containing, config);
                sort_phrases(&mut list.rows, sort.column, !sort.ascending);
                Some(list)
            }
        },
    );
    let keyword_list: Rc<Option<Keywords>> = use_memo(
        (
            tool == Tool::Keywords,
            props.doc_idx,
            tools.against,
            tools.keyword_config(),
            tools.keyword_sort,
        ),
        move |(active, doc, against, config, sort)| {
            if !*active {
                return None;
            }
            let mut k = corpus.keywords(*doc, *against, *config);
            let rank = |key: &KeyTerm| corpus.keyword_rank(key);
            sort_keywords(&mut k.over, sort.column, !sort.ascending, rank);
            sort_keywords(&mut k.under, sort.column, !sort.ascending, rank);
            Some(k)
        },
    );

    // Every change of settings goes up as a whole new `ToolsView`.
    let change = {
        let (on_tools, tools, shown) = (props.on_tools.clone(), tools.clone(), shown.clone());
        move |f: &dyn Fn(&mut ToolsView)| {
            let mut next = tools.clone();
            f(&mut next);
            shown.set(PAGE);
            on_tools.emit(next);
        }
    };
    let setter = |f: fn(&mut ToolsView, &str)| {
        let change = change.clone();
        Callback::from(move |e: Event| {
            let value = if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                if input.type_() == "checkbox" {
                    if input.checked() { "1" } else { "0" }.to_string()
                } else {
                    input.value()
                }
            } else {
                e.target_unchecked_into::<web_sys::HtmlSelectElement>()
                    .value()
            };
            change(&|t: &mut ToolsView| f(t, &value));
        })
    };

    let doc_id = (props.doc_idx > 0).then(|| corpus.docs[props.doc_idx].id.clone());
    let pinned = ToolsView {
        node: Some(props.node.to_string()),
        ..tools.clone()
    };
    let link = |query: &str| -> String {
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
    let vocab = &corpus.index.vocab;

    // The tool's table, its options, a line saying what it shows, and its export.
    let (options, summary, table, csv): (Html, Html, Option<Html>, Option<(String, String)>) =
        match tool {
            Tool::Collocates => {
                let words = node_words(&props.node);
                let c = tools.collocates;
                let options = html! { <>
                    <label class="option">{ "Window ±" }
                        <select onchange={setter(|t, v| t.collocates.window = v.parse().unwrap_or(5))}>
                            { for (1..=10).chain([15, 20]).filter(|&n| n <= MAX_WINDOW).map(|n| html! {
                                <option value={n.to_string()} selected={c.window == n}>{ n }</option>
                            }) }
                        </select>
                    </label>
                    { min_freq_select(c.min_freq, &[1, 2, 3, 5, 10, 20], setter(|t, v| t.collocates.min_freq = v.parse().unwrap_or(2))) }
                    <label class="switch"><input type="checkbox" checked={c.stopwords}
                        onchange={setter(|t, v| t.collocates.stopwords = v == "1")} />{ "Stopwords" }</label>
                </> };
                match (collocate_list.as_ref(), words.is_empty()) {
                    (_, true) | (None, _) => (
                        options,
                        html! { <p class="empty">{ "Search for a word (or click a term or a chip) to see the words that stand near it." }</p> },
                        None,
                        None,
                    ),
                    (Some(list), false) => {
                        let summary = html! { <p class="tool-summary">
                            { format!("“{}”: {} hit{}, {} words in windows of ±{}, {} in {}.",
                                props.node, thousands(u64::from(list.node_freq)), if list.node_freq == 1 { "" } else { "s" },
                                thousands(list.window_tokens), c.window, thousands(list.n_tokens),
                                if scope.is_some() { "the document" } else { "the corpus" }) }
                        </p> };
                        let rows = list
                            .rows
                            .iter()
                            .take(*shown)
                            .map(|r| {
                                let form = vocab.form(r.term).to_string();
                                Row {
                                    query: Some(proximity_query(&words, &form, c.window)),
                                    word: form,
                                    cells: vec![
                                        r.observed.to_string(),
                                        thousands(u64::from(r.frequency)),
                                        fixed(r.expected, 2),
                                        fixed(r.log_likelihood, 2),
                                        fixed(r.mutual_information, 2),
                                        fixed(r.log_dice, 2),
                                    ],
                                    note: None,
                                }
                            })
                            .collect();
                        let sort = tools.collocate_sort;
                        let column = CollocateColumn::ALL
                            .iter()
                            .position(|&k| k == sort.column)
                            .unwrap_or(0);
                        let on_sort = {
                            let change = change.clone();
                            Callback::from(move |i: usize| {
                                let column = CollocateColumn::ALL[i];
                                change(&|t: &mut ToolsView| {
                                    t.collocate_sort = next_sort(t.collocate_sort, column)
                                });
                            })
                        };
                        let table = table(
                            &format!("Collocates of “{}”", props.node),
                            &COLLOCATE_COLUMNS,
                            column,
                            sort.ascending,
                            rows,
                            list.rows.len(),
                            on_sort,
                            &props.on_search,
                            &props.query,
                            &link,
                        );
                        let vocab_csv = explorer_core::collocates::to_csv(&list.rows, |t| {
                            vocab.form(t).to_string()
                        });
                        (
                            options,
                            summary,
                            Some(table),
                            Some(("collocates".to_string(), vocab_csv)),
                        )
                    }
                }
            }
            Tool::Phrases => {
                let has_node = !props.node.trim().is_empty();
                let options = html! { <>
                    { min_freq_select(tools.phrase_min_freq, &[2, 3, 5, 10, 20], setter(|t, v| t.phrase_min_freq = v.parse().unwrap_or(2))) }
                    <label class="switch"><input type="checkbox" checked={tools.phrases_with_query} disabled={!has_node}
                        onchange={setter(|t, v| t.phrases_with_query = v == "1")} />
                        { if has_node { format!("Only with “{}”", props.node) } else { "Only with the query".to_string() } }
                    </label>
                </> };
                match phrase_list.as_ref() {
                    None => (options, html! {}, None, None),
                    Some(list) => {
                        let filtered = tools.phrases_with_query && has_node;
                        let summary = html! { <p class="tool-summary">
                            { format!("{} repeated phrase{} of 2–6 words{} in {}{}; a phrase that occurs only inside a longer one is not listed.",
                                thousands(list.rows.len() as u64), if list.rows.len() == 1 { "" } else { "s" },
                                if filtered { format!(" with “{}”", props.node) } else { String::new() },
                                if scope.is_some() { "the document" } else { "the corpus" },
                                if list.partial { " (the corpus's most frequent only)" } else { "" }) }
                        </p> };
                        let rows = list
                            .rows
                            .iter()
                            .take(*shown)
                            .map(|p| {
                                let words: Vec<&str> =
                                    p.terms.iter().map(|&t| vocab.form(t)).collect();
                                let text = words.join(" ");
                                Row {
                                    query: Some(format!("\"{text}\"")),
                                    word: text,
                                    cells: vec![
                                        thousands(u64::from(p.freq)),
                                        p.range.to_string(),
                                        p.terms.len().to_string(),
                                    ],
                                    note: None,
                                }
                            })
                            .collect();
                        let sort = tools.phrase_sort;
                        let column = PhraseColumn::ALL
                            .iter()
                            .position(|&k| k == sort.column)
                            .unwrap_or(0);
                        let on_sort = {
                            let change = change.clone();
                            Callback::from(move |i: usize| {
                                let column = PhraseColumn::ALL[i];
                                change(&|t: &mut ToolsView| {
                                    t.phrase_sort = next_sort(t.phrase_sort, column)
                                });
                            })
                        };
                        let table = table(
                            "Phrases",
                            &PHRASE_COLUMNS,
                            column,
                            sort.ascending,
                            rows,
                            list.rows.len(),
                            on_sort,
                            &props.on_search,
                            &props.query,
                            &link,
                        );
                        let csv = explorer_core::phrases::to_csv(&list.rows, |t| {
                            vocab.form(t).to_string()
                        });
                        (
                            options,
                            summary,
                            Some(table),
                            Some(("phrases".to_string(), csv)),
                        )
                    }
                }
            }
            Tool::Keywords => {
                let k = keyword_list.as_ref().as_ref();
                let against = k.map_or(tools.against, |k| k.against);
                let options = html! { <>
                    if several {
                        <label class="option">{ "Against " }
                            <select onchange={setter(|t, v| t.against = if v == "english" { Against::Reference } else { Against::RestOfCorpus })}>
                                <option value="rest" selected={against == Against::RestOfCorpus}>{ "the other documents" }</option>
                                <option value="english" selected={against == Against::Reference}>{ "general English" }</option>
                            </select>
                        </label>
                    }
                    <label class="option">{ "p < " }
                        <select onchange={setter(|t, v| t.significance = Significance::from_id(v).unwrap_or_default())}>
                            { for Significance::ALL.into_iter().map(|s| html! {
                                <option value={s.id()} selected={tools.significance == s}>{ if s == Significance::All { "any" } else { s.id() } }</option>
                            }) }
                        </select>
                    </label>
                    { min_freq_select(tools.keyword_min_freq, &[1, 2, 3, 5, 10], setter(|t, v| t.keyword_min_freq = v.parse().unwrap_or(2))) }
                    <label class="switch"><input type="checkbox" checked={tools.keyword_stopwords}
                        onchange={setter(|t, v| t.keyword_stopwords = v == "1")} />{ "Stopwords" }</label>
                    <div class="segmented" role="radiogroup" aria-label="Use">
                        <label><input type="radio" name="keyword-use" value="0" checked={!tools.under_use}
                            onchange={setter(|t, _| t.under_use = false)} />{ "Over-used" }</label>
                        <label><input type="radio" name="keyword-use" value="1" checked={tools.under_use}
                            onchange={setter(|t, _| t.under_use = true)} />{ "Under-used" }</label>
                    </div>
                </> };
                match k {
                    None => (options, html! {}, None, None),
                    Some(k) => {
                        let list = if tools.under_use { &k.under } else { &k.over };
                        let reference = match k.against {
                            Against::RestOfCorpus => format!(
                                "the other documents ({} words)",
                                thousands(k.reference_words as u64)
                            ),
                            Against::Reference => {
                                "general English (wordfreq, CC BY-SA 4.0; rates per billion words)"
                                    .to_string()
                            }
                        };
                        let summary = html! { <p class="tool-summary">
                            { format!("{} word{} {} in this document ({} words) than in {}, by log-likelihood, p < {}.",
                                thousands(list.len() as u64), if list.len() == 1 { "" } else { "s" },
                                if tools.under_use { "used less" } else { "used more" },
                                thousands(k.study_words), reference,
                                if tools.significance == Significance::All { "1".to_string() } else { tools.significance.id().to_string() }) }
                        </p> };
                        let rows = list.iter().take(*shown).map(|r| {
                            let word = corpus.keyword_form(&r.key).to_string();
                            Row {
                                query: matches!(r.key, KeyTerm::Term(_)).then(|| format!("\"{word}\"")),
                                word,
                                cells: vec![
                                    thousands(u64::from(r.study)),
                                    format!("{}{}", if r.bounded { "≤ " } else { "" }, thousands(r.reference.round() as u64)),
                                    format!("{} (p {})", fixed(r.log_likelihood, 1), probability(r.p)),
                                    fixed(r.log_ratio, 2),
                                ],
                                note: r.bounded.then_some("not among the reference's 10,000 words: its rate there is at most the last one's"),
                            }
                        }).collect();
                        let sort = tools.keyword_sort;
                        let column = KeywordColumn::ALL
                            .iter()
                            .position(|&c| c == sort.column)
                            .unwrap_or(0);
                        let on_sort = {
                            let change = change.clone();
                            Callback::from(move |i: usize| {
                                let column = KeywordColumn::ALL[i];
                                change(&|t: &mut ToolsView| {
                                    t.keyword_sort = next_sort(t.keyword_sort, column)
                                });
                            })
                        };
                        let caption = format!(
                            "Keywords {} in this document",
                            if tools.under_use {
                                "used less"
                            } else {
                                "used more"
                            }
                        );
                        let table = table(
                            &caption,
                            &KEYWORD_COLUMNS,
                            column,
                            sort.ascending,
                            rows,
                            list.len(),
                            on_sort,
                            &props.on_search,
                            &props.query,
                            &link,
                        );
                        let csv = k.to_csv(|key| corpus.keyword_form(key).to_string());
                        (
                            options,
                            summary,
                            Some(table),
                            Some(("keywords".to_string(), csv)),
                        )
                    }
                }
            }
        };

    let total = match tool {
        Tool::Collocates => collocate_list.as_ref().as_ref().map_or(0, |l| l.rows.len()),
        Tool::Phrases => phrase_list.as_ref().as_ref().map_or(0, |l| l.rows.len()),
        Tool::Keywords => keyword_list.as_ref().as_ref().map_or(0, |k| {
            if tools.under_use {
                k.under.len()
            } else {
                k.over.len()
            }
        }),
    };
    let scope_switch = (several && tool != Tool::Keywords).then(|| html! {
        <div class="segmented" role="radiogroup" aria-label="Scope">
            <label><input type="radio" name="tool-scope" value="doc" checked={tools.doc_scope}
                onchange={setter(|t, _| t.doc_scope = true)} />{ "Document" }</label>
            <label><input type="radio" name="tool-scope" value="corpus" checked={!tools.doc_scope}
                onchange={setter(|t, _| t.doc_scope = false)} />{ "Corpus" }</label>
        </div>
    });
    let on_more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + PAGE))
    };
    let on_export = csv.map(|(what, csv)| {
        let name = match scope {
            Some(d) => corpus.docs[d].id.clone(),
            None => "corpus".to_string(),
        };
        Callback::from(move |_: MouseEvent| {
            download(&format!("{name}-{what}.csv"), "text/csv", &csv)
        })
    });
    html! {
        <section class="panel panel-tools" aria-labelledby="tools-heading">
            <div class="panel-head">
                <h2 id="tools-heading">{ "Word tools" }</h2>
            </div>
            <div class="tool-tabs" role="group" aria-label="Tool">
                { for Tool::ALL.into_iter().map(|t| {
                    let change = change.clone();
                    html! {
                        <button type="button" class="tool-tab" aria-pressed={(t == tool).to_string()}
                            onclick={move |_| change(&|v: &mut ToolsView| v.tool = Some(t))}>{ t.label() }</button>
                    }
                }) }
            </div>
            <fieldset class="chart-options tool-options">
                <legend class="visually-hidden">{ format!("{} options", tool.label()) }</legend>
                { for scope_switch }
                { options }
            </fieldset>
            { summary }
            { for table }
            <div class="panel-foot tool-foot">
                if total > *shown {
                    <button type="button" class="text-button" onclick={on_more}>
                        { format!("Show {} more (of {})", PAGE.min(total - *shown), thousands(total as u64)) }
                    </button>
                }
                if let Some(on_export) = on_export {
                    <button type="button" class="text-button" onclick={on_export}>{ format!("Download {} (CSV)", tool.label().to_lowercase()) }</button>
                }
            </div>
        </section>
    }
}

/// A sort after a click on `column`'s heading: the other direction of the same column, or a
/// new column in its natural order (highest first; words A to Z).
fn next_sort<C: Copy + PartialEq>(sort: Sort<C>, column: C) -> Sort<C> {
    if sort.column == column {
        Sort {
            column,
            ascending: !sort.ascending,
        }
    } else {
        Sort {
            column,
            ascending: false,
        }
    }
}

/// The "Min." select of a tool.
fn min_freq_select(current: u32, choices: &[u32], onchange: Callback<Event>) -> Html {
    html! {
        <label class="option" title="The fewest occurrences listed">{ "Min. " }
            <select {onchange}>
                { for choices.iter().map(|&n| html! {
                    <option value={n.to_string()} selected={current == n}>{ n }</option>
                }) }
                if !choices.contains(&current) {
                    <option value={current.to_string()} selected=true>{ current }</option>
                }
            </select>
        </label>
    }
}

/// A table of rows with sortable columns; the first column's words are links that search.
#[allow(clippy::too_many_arguments)]
fn table(
    caption: &str,
    columns: &[Column],
    sorted: usize,
    ascending: bool,
    rows: Vec<Row>,
    total: usize,
    on_sort: Callback<usize>,
    on_search: &Callback<String>,
    current_query: &str,
    link: &dyn Fn(&str) -> String,
) -> Html {
    if total == 0 {
        return html! { <p class="empty">{ "Nothing to list with these settings." }</p> };
    }
    html! {
        <div class="tool-table-wrap">
            <table class="tool-table">
                <caption class="visually-hidden">{ caption }</caption>
                <thead>
                    <tr>
                        { for columns.iter().enumerate().map(|(i, c)| {
                            // Words sort A to Z when "descending" (the natural order), numbers highest first.
                            let order = match (i == sorted, c.numeric, ascending) {
                                (false, _, _) => None,
                                (true, true, false) | (true, false, true) => Some("descending"),
                                (true, true, true) | (true, false, false) => Some("ascending"),
                            };
                            let on_sort = on_sort.clone();
                            html! {
                                <th scope="col" class={classes!(c.numeric.then_some("num"))} aria-sort={order}>
                                    <button type="button" class="sort" title={c.title} onclick={move |_| on_sort.emit(i)}>
                                        { c.label }
                                        <span class="sort-mark" aria-hidden="true">{ match order { Some("descending") => "▾", Some(_) => "▴", None => "" } }</span>
                                    </button>
                                </th>
                            }
                        }) }
                    </tr>
                </thead>
                <tbody>
                    { for rows.into_iter().map(|r| {
                        let selected = r.query.as_deref() == Some(current_query);
                        let word = match &r.query {
                            Some(q) => {
                                let (on_search, q2) = (on_search.clone(), q.clone());
                                let onclick = Callback::from(move |e: MouseEvent| {
                                    e.prevent_default();
                                    on_search.emit(q2.clone());
                                });
                                html! { <a href={link(q)} aria-current={selected.then_some("true")} title={r.note} {onclick}>{ &r.word }</a> }
                            }
                            None => html! { <span title={r.note}>{ &r.word }</span> },
                        };
                        html! {
                            <tr class={classes!(selected.then_some("selected"))}>
                                <th scope="row">
                                    { word }
                                    if let Some(note) = r.note {
                                        <span class="visually-hidden">{ format!(" ({note})") }</span>
                                    }
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
