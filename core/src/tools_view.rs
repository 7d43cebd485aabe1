//! The word tools' part of the URL hash: which tool is open and how it is set, e.g.
//! `tool=collocates&scope=doc&cwin=3&csort=mi-asc`. Only what differs from the defaults is
//! written; unknown or junk values leave the defaults, as the rest of the hash does.

use crate::collocates::{CollocateColumn, CollocateConfig, MAX_WINDOW};
use crate::keyness::{Against, KeywordColumn, KeywordConfig};
use crate::phrases::{PhraseColumn, PhraseConfig};

/// The most a minimum-frequency setting may ask.
pub const MAX_MIN_FREQ: u32 = 1000;

/// A word tool.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tool {
    Collocates,
    Phrases,
    Keywords,
}

impl Tool {
    pub const ALL: [Tool; 3] = [Tool::Collocates, Tool::Phrases, Tool::Keywords];

    /// The tool's name in the hash.
    pub fn id(self) -> &'static str {
        match self {
            Tool::Collocates => "collocates",
            Tool::Phrases => "phrases",
            Tool::Keywords => "keywords",
        }
    }

    /// Its name as Voyant and AntConc users know it.
    pub fn label(self) -> &'static str {
        match self {
            Tool::Collocates => "Collocates",
            Tool::Phrases => "Phrases",
            Tool::Keywords => "Keywords",
        }
    }

    pub fn from_id(id: &str) -> Option<Tool> {
        Tool::ALL.into_iter().find(|t| t.id() == id)
    }
}

/// The largest p-value a keyword list shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Significance {
    #[default]
    P05,
    P01,
    P001,
    P0001,
    /// Every word, significant or not.
    All,
}

impl Significance {
    pub const ALL: [Significance; 5] = [
        Significance::P05,
        Significance::P01,
        Significance::P001,
        Significance::P0001,
        Significance::All,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Significance::P05 => "0.05",
            Significance::P01 => "0.01",
            Significance::P001 => "0.001",
            Significance::P0001 => "0.0001",
            Significance::All => "1",
        }
    }

    pub fn max_p(self) -> f64 {
        match self {
            Significance::P05 => 0.05,
            Significance::P01 => 0.01,
            Significance::P001 => 0.001,
            Significance::P0001 => 0.0001,
            Significance::All => 1.0,
        }
    }

    pub fn from_id(id: &str) -> Option<Significance> {
        Significance::ALL.into_iter().find(|s| s.id() == id)
    }
}

/// A table's sort: a column and its direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort<C> {
    pub column: C,
    /// Lowest (or last in the alphabet) first.
    pub ascending: bool,
}

impl<C: Copy + Default> Default for Sort<C> {
    fn default() -> Self {
        Sort {
            column: C::default(),
            ascending: false,
        }
    }
}

/// The open tool and each tool's settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ToolsView {
    pub tool: Option<Tool>,
    /// The query whose collocates (and phrases) are listed, when it is not the current one:
    /// a click on a collocate searches for it, and the list stays where it was.
    pub node: Option<String>,
    /// The open document only, rather than the whole corpus (collocates and phrases).
    pub doc_scope: bool,
    pub collocates: CollocateConfig,
    pub collocate_sort: Sort<CollocateColumn>,
    pub phrase_min_freq: u32,
    /// Only phrases that contain a hit of the query.
    pub phrases_with_query: bool,
    pub phrase_sort: Sort<PhraseColumn>,
    pub against: Against,
    pub significance: Significance,
    pub keyword_min_freq: u32,
    pub keyword_stopwords: bool,
    /// Showing the words used less, rather than more.
    pub under_use: bool,
    pub keyword_sort: Sort<KeywordColumn>,
}

impl Default for ToolsView {
    fn default() -> Self {
        let keywords = KeywordConfig::default();
        ToolsView {
            tool: None,
            node: None,
            doc_scope: false,
            collocates: CollocateConfig::default(),
            collocate_sort: Sort::default(),
            phrase_min_freq: PhraseConfig::default().min_freq,
            phrases_with_query: false,
            phrase_sort: Sort::default(),
            against: Against::default(),
            significance: Significance::default(),
            keyword_min_freq: keywords.min_freq,
            keyword_stopwords: keywords.stopwords,
            under_use: false,
            keyword_sort: Sort::default(),
        }
    }
}

impl ToolsView {
    /// The query whose collocates and phrases are listed: the pinned node, or else `query`.
    pub fn node_or<'a>(&'a self, query: &'a str) -> &'a str {
        self.node.as_deref().unwrap_or(query)
    }

    /// The phrase settings.
    pub fn phrase_config(&self) -> PhraseConfig {
        PhraseConfig {
            min_freq: self.phrase_min_freq,
            ..PhraseConfig::default()
        }
    }

    /// The keyword settings.
    pub fn keyword_config(&self) -> KeywordConfig {
        KeywordConfig {
            min_freq: self.keyword_min_freq,
            max_p: self.significance.max_p(),
            stopwords: self.keyword_stopwords,
        }
    }

    /// Reads one `key=value` pair of the hash (the value decoded); false if the key is not
    /// the tools'.
    pub fn read(&mut self, key: &str, value: &str) -> bool {
        let number = |max: u32| value.parse::<u32>().ok().map(|n| n.clamp(1, max));
        let flag = || match value {
            "1" => Some(true),
            "0" => Some(false),
            _ => None,
        };
        match key {
            "tool" => self.tool = Tool::from_id(value),
            "node" => self.node = (!value.trim().is_empty()).then(|| value.to_string()),
            "scope" => self.doc_scope = value == "doc",
            "cwin" => set(&mut self.collocates.window, number(MAX_WINDOW)),
            "cmin" => set(&mut self.collocates.min_freq, number(MAX_MIN_FREQ)),
            "cstop" => set(&mut self.collocates.stopwords, flag()),
            "csort" => set(
                &mut self.collocate_sort,
                read_sort(value, CollocateColumn::from_id),
            ),
            "pmin" => set(
                &mut self.phrase_min_freq,
                number(MAX_MIN_FREQ).map(|n| n.max(2)),
            ),
            "pq" => set(&mut self.phrases_with_query, flag()),
            "psort" => set(
                &mut self.phrase_sort,
                read_sort(value, PhraseColumn::from_id),
            ),
            "kvs" => {
                set(
                    &mut self.against,
                    match value {
                        "rest" => Some(Against::RestOfCorpus),
                        "english" => Some(Against::Reference),
                        _ => None,
                    },
                );
            }
            "kp" => set(&mut self.significance, Significance::from_id(value)),
            "kmin" => set(&mut self.keyword_min_freq, number(MAX_MIN_FREQ)),
            "kstop" => set(&mut self.keyword_stopwords, flag()),
            "kuse" => self.under_use = value == "under",
            "ksort" => set(
                &mut self.keyword_sort,
                read_sort(value, KeywordColumn::from_id),
            ),
            _ => return false,
        }
        true
    }

    /// The pairs that differ from the defaults, in a fixed order.
    pub fn write(&self, parts: &mut Vec<String>) {
        let d = ToolsView::default();
        let mut put = |key: &str, value: String| parts.push(format!("{key}={value}"));
        let flag = |b: bool| if b { "1" } else { "0" }.to_string();
        if let Some(tool) = self.tool {
            put("tool", tool.id().to_string());
        }
        if let Some(node) = &self.node {
            put("node", crate::state::encode(node));
        }
        if self.doc_scope {
            put("scope", "doc".to_string());
        }
        if self.collocates.window != d.collocates.window {
            put("cwin", self.collocates.window.to_string());
        }
        if self.collocates.min_freq != d.collocates.min_freq {
            put("cmin", self.collocates.min_freq.to_string());
        }
        if self.collocates.stopwords != d.collocates.stopwords {
            put("cstop", flag(self.collocates.stopwords));
        }
        if self.collocate_sort != d.collocate_sort {
            put("csort", write_sort(self.collocate_sort, |c| c.id()));
        }
        if self.phrase_min_freq != d.phrase_min_freq {
            put("pmin", self.phrase_min_freq.to_string());
        }
        if self.phrases_with_query {
            put("pq", flag(true));
        }
        if self.phrase_sort != d.phrase_sort {
            put("psort", write_sort(self.phrase_sort, |c| c.id()));
        }
        if self.against != d.against {
            put("kvs", "english".to_string());
        }
        if self.significance != d.significance {
            put("kp", self.significance.id().to_string());
        }
        if self.keyword_min_freq != d.keyword_min_freq {
            put("kmin", self.keyword_min_freq.to_string());
        }
        if self.keyword_stopwords != d.keyword_stopwords {
            put("kstop", flag(self.keyword_stopwords));
        }
        if self.under_use {
            put("kuse", "under".to_string());
        }
        if self.keyword_sort != d.keyword_sort {
            put("ksort", write_sort(self.keyword_sort, |c| c.id()));
        }
    }
}

/// Sets `slot` when the hash held a usable value.
fn set<T>(slot: &mut T, value: Option<T>) {
    if let Some(v) = value {
        *slot = v;
    }
}

/// `column` or `column-asc`.
fn read_sort<C>(value: &str, column: impl Fn(&str) -> Option<C>) -> Option<Sort<C>> {
    let (name, ascending) = match value.strip_suffix("-asc") {
        Some(name) => (name, true),
        None => (value, false),
    };
    column(name).map(|column| Sort { column, ascending })
}

fn write_sort<C: Copy>(sort: Sort<C>, id: impl Fn(C) -> &'static str) -> String {
    let suffix = if sort.ascending { "-asc" } else { "" };
    format!("{}{suffix}", id(sort.column))
}
