//! The page's one state, its actions and its reducer.

use crate::corpus;
use explorer_core::entities::{Entity, EntityKind};
use explorer_core::state::View;
use std::rc::Rc;
use yew::prelude::*;

/// Which panel a phone shows (a desktop shows them all).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    #[default]
    Reader,
    Matches,
    Entities,
    Terms,
    Summary,
}

impl Tab {
    pub const ALL: [Tab; 5] = [
        Tab::Reader,
        Tab::Matches,
        Tab::Entities,
        Tab::Terms,
        Tab::Summary,
    ];

    /// The tab's name in the page's `data-tab` attribute (the stylesheet's hook).
    pub fn id(self) -> &'static str {
        match self {
            Tab::Reader => "reader",
            Tab::Matches => "matches",
            Tab::Entities => "entities",
            Tab::Terms => "terms",
            Tab::Summary => "summary",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Tab::Reader => "Reader",
            Tab::Matches => "Matches",
            Tab::Entities => "Entities",
            Tab::Terms => "Terms",
            Tab::Summary => "Stats",
        }
    }
}

/// How the term-frequency chart counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TermOptions {
    pub show_stopwords: bool,
    pub bigrams: bool,
    pub per_thousand: bool,
    /// Whole corpus rather than the open document (only offered with several documents).
    pub corpus_wide: bool,
}

/// Whether a state change is a new place in the browser history, replaces the current one
/// (typing), or came from the history itself.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum HistoryMode {
    #[default]
    Replace,
    Push,
    FromUrl,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct State {
    pub query: String,
    pub doc_idx: usize,
    pub entity: Option<(EntityKind, String)>,
    pub term: Option<String>,
    pub inline_entities: bool,
    /// Which hit of the open document is current (0-based).
    pub current_hit: usize,
    /// Bumped whenever the current hit should be scrolled into view.
    pub scroll_request: u32,
    pub tab: Tab,
    pub term_options: TermOptions,
    pub history: HistoryMode,
    /// A link named a document that does not exist.
    pub unknown_doc: Option<String>,
    /// The last action was typing: further typing replaces its history entry.
    pub typing: bool,
}

pub enum Action {
    /// The reader typed in the search box.
    Type(String),
    /// Esc, or the clear button.
    ClearQuery,
    /// A chip was clicked: select it, or clear it if it was selected.
    ToggleEntity(EntityKind, String),
    /// A term or bigram in the chart was clicked.
    ToggleTerm(String),
    OpenDoc(usize),
    /// Step to the next or previous hit of `n_hits` in the open document.
    StepHit {
        forward: bool,
        n_hits: usize,
    },
    /// Jump to a hit (from a keyword-in-context line or the dispersion strip).
    GoToHit {
        doc_idx: usize,
        hit: usize,
    },
    ToggleInline,
    SetTermOptions(TermOptions),
    ShowTab(Tab),
    /// The URL hash changed (load, Back, Forward, a pasted link).
    FromUrl(View),
}

/// The query that selects exactly this entity's mentions.
pub fn entity_filter(kind: EntityKind, canonical: &str) -> String {
    let field = match kind {
        EntityKind::Person => "person",
        EntityKind::Org => "org",
        EntityKind::Gpe | EntityKind::Loc => "place",
        EntityKind::Event => "event",
        EntityKind::Norp => "group",
    };
    let name: String = canonical
        .chars()
        .filter(|c| !matches!(c, '"' | '“' | '”' | '„' | '«' | '»'))
        .collect();
    format!("{field}:\"{name}\"")
}

/// The query for a term of the chart: a bigram becomes a phrase.
pub fn term_query(term: &str) -> String {
    if term.contains(' ') {
        format!("\"{term}\"")
    } else {
        term.to_string()
    }
}

impl State {
    pub fn from_view(view: &View) -> State {
        let mut state = State::default();
        state.apply_view(view);
        state.history = HistoryMode::FromUrl;
        state
    }

    fn apply_view(&mut self, view: &View) {
        let corpus = corpus();
        self.query = view.query.clone();
        self.unknown_doc = None;
        self.doc_idx = match &view.doc {
            Some(id) => corpus.doc_index(id).unwrap_or_else(|| {
                self.unknown_doc = Some(id.clone());
                0
            }),
            None => 0,
        };
        self.entity = view.entity.clone();
        self.term = view.term.clone();
        self.inline_entities = view.inline_entities;
        self.current_hit = 0;
    }

    /// The shareable part, for the URL hash.
    pub fn view(&self) -> View {
        View {
            query: self.query.clone(),
            doc: (self.doc_idx > 0).then(|| corpus().docs[self.doc_idx].id.clone()),
            entity: self.entity.clone(),
            term: self.term.clone(),
            inline_entities: self.inline_entities,
            ..View::default()
        }
    }

    /// The selected entity of the open document, if the selection names one there.
    pub fn selected_entity(&self) -> Option<(usize, &'static Entity)> {
        let (kind, name) = self.entity.as_ref()?;
        corpus()
            .entities(self.doc_idx)
            .iter()
            .enumerate()
            .find(|(_, e)| e.kind == *kind && &e.canonical == name)
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.history = HistoryMode::Push;
        next.typing = false;
        match action {
            Action::Type(query) => {
                if query == self.query {
                    return self;
                }
                // Editing the query ends a chip or term selection unless it still reads the same.
                if next
                    .entity
                    .as_ref()
                    .is_some_and(|(k, n)| entity_filter(*k, n) != query)
                {
                    next.entity = None;
                }
                if next.term.as_ref().is_some_and(|t| term_query(t) != query) {
                    next.term = None;
                }
                next.query = query;
                next.current_hit = 0;
                next.scroll_request += 1;
                // The first keystroke makes a history entry; the rest of the word updates it.
                next.history = if self.typing {
                    HistoryMode::Replace
                } else {
                    HistoryMode::Push
                };
                next.typing = true;
            }
            Action::ClearQuery => {
                if self.query.is_empty() && self.entity.is_none() && self.term.is_none() {
                    return self;
                }
                next.query.clear();
                next.entity = None;
                next.term = None;
                next.current_hit = 0;
            }
            Action::ToggleEntity(kind, name) => {
                if self.entity.as_ref() == Some(&(kind, name.clone())) {
                    next.entity = None;
                    next.query.clear();
                } else {
                    next.query = entity_filter(kind, &name);
                    next.entity = Some((kind, name));
                    next.term = None;
                }
                next.current_hit = 0;
                next.scroll_request += 1;
            }
            Action::ToggleTerm(term) => {
                if self.term.as_ref() == Some(&term) {
                    next.term = None;
                    next.query.clear();
                } else {
                    next.query = term_query(&term);
                    next.term = Some(term);
                    next.entity = None;
                    // On a phone, show the marks the click made.
                    next.tab = Tab::Reader;
                }
                next.current_hit = 0;
                next.scroll_request += 1;
            }
            Action::OpenDoc(doc_idx) => {
                if doc_idx == self.doc_idx || doc_idx >= corpus().docs.len() {
                    return self;
                }
                next.doc_idx = doc_idx;
                next.current_hit = 0;
                next.unknown_doc = None;
                // A selected entity belongs to its document's chips.
                next.entity = None;
                if self.entity.is_some() {
                    next.query.clear();
                }
                next.tab = Tab::Reader;
            }
            Action::StepHit { forward, n_hits } => {
                if n_hits == 0 {
                    return self;
                }
                let current = self.current_hit.min(n_hits - 1);
                next.current_hit = if forward {
                    (current + 1) % n_hits
                } else {
                    (current + n_hits - 1) % n_hits
                };
                next.scroll_request += 1;
                next.history = HistoryMode::Replace;
                next.typing = self.typing;
            }
            Action::GoToHit { doc_idx, hit } => {
                next.doc_idx = doc_idx.min(corpus().docs.len() - 1);
                next.current_hit = hit;
                next.scroll_request += 1;
                next.tab = Tab::Reader;
                next.history = if doc_idx == self.doc_idx {
                    HistoryMode::Replace
                } else {
                    HistoryMode::Push
                };
            }
            Action::ToggleInline => next.inline_entities = !self.inline_entities,
            Action::SetTermOptions(options) => {
                if options == self.term_options {
                    return self;
                }
                next.term_options = options;
                next.history = HistoryMode::Replace;
            }
            Action::ShowTab(tab) => {
                if tab == self.tab {
                    return self;
                }
                next.tab = tab;
                next.history = HistoryMode::Replace;
            }
            Action::FromUrl(view) => {
                if view == self.view() {
                    return self;
                }
                next.apply_view(&view);
                next.scroll_request += 1;
                next.history = HistoryMode::FromUrl;
            }
        }
        Rc::new(next)
    }
}
