//! The page's one state, its actions and its reducer.
//!
//! The reducer is pure: it reads nothing but the state and the action (the corpus's document
//! ids travel in the state), so every action is tested natively below.

use explorer_core::entities::EntityKind;
use explorer_core::state::{Tool, View, ViewSettings};
use explorer_core::tools_view::ToolsView;
use std::rc::Rc;
use yew::prelude::*;

/// Rows of a word tool's list shown at first, and added by "Show more".
pub const TOOL_PAGE: usize = 50;

/// Which panel a phone shows (a desktop shows them all).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    #[default]
    Reader,
    Matches,
    Entities,
    Terms,
    Summary,
    /// The word tools.
    Tools,
}

impl Tab {
    pub const ALL: [Tab; 6] = [
        Tab::Reader,
        Tab::Matches,
        Tab::Entities,
        Tab::Terms,
        Tab::Summary,
        Tab::Tools,
    ];

    /// The tab's name in the page's `data-tab` attribute (the stylesheet's hook).
    pub fn id(self) -> &'static str {
        match self {
            Tab::Reader => "reader",
            Tab::Matches => "matches",
            Tab::Entities => "entities",
            Tab::Terms => "terms",
            Tab::Summary => "summary",
            Tab::Tools => "tools",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Tab::Reader => "Reader",
            Tab::Matches => "Matches",
            Tab::Entities => "Entities",
            Tab::Terms => "Terms",
            Tab::Summary => "Stats",
            Tab::Tools => "Tools",
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

/// What the reducer knows of the corpus: its documents' ids, in corpus order. Shared, so
/// cloning the state for each action copies a pointer.
#[derive(Clone, Debug, PartialEq)]
pub struct DocIds(Rc<[String]>);

impl DocIds {
    pub fn new<S: Into<String>>(ids: impl IntoIterator<Item = S>) -> DocIds {
        DocIds(ids.into_iter().map(Into::into).collect())
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.0.iter().position(|d| d == id)
    }

    pub fn id(&self, doc_idx: usize) -> Option<&str> {
        self.0.get(doc_idx).map(String::as_str)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The corpus's documents, for opening one by index or by id.
    pub docs: DocIds,
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
    /// The corpus view shown in the main pane instead of the reader, if any.
    pub tool: Option<Tool>,
    /// How the corpus views are set (network size and edge, trends, documents' order).
    pub views: ViewSettings,
    /// The open word tool and its settings.
    pub tools: ToolsView,
    /// Rows of the word tool's list shown: a page more with each "Show more", back to one
    /// page when a setting changes.
    pub tool_rows: usize,
    /// Where the module of the word tools and corpus views stands (`lazy_views.rs`).
    pub module: Module,
}

/// Where the module of the word tools and corpus views stands: loaded the first time a
/// reader asks for one of them (`lazy_views.rs` keeps the module itself).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Module {
    /// Not asked for yet.
    #[default]
    Idle,
    Loading,
    Ready,
    /// It could not be loaded (offline before it was ever fetched, or a broken build).
    Failed,
}

#[cfg_attr(test, derive(Debug))]
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
    /// Show a corpus view in the main pane, or (`None`) the reader.
    ShowTool(Option<Tool>),
    /// New settings for the corpus views.
    SetViews(ViewSettings),
    /// Search for `query` and open the reader at hit `hit` of document `doc_idx` (a point of
    /// the trends, a sentence of the network).
    OpenAt {
        query: String,
        doc_idx: usize,
        hit: usize,
    },
    /// A word of a word tool was clicked: search for this, keeping the tool's list (its
    /// node stays what it was).
    ToolSearch(String),
    /// A word tool was opened, or its settings or sort changed.
    SetTools(ToolsView),
    /// "Show more" under a word tool's list.
    MoreToolRows,
    /// The module of the word tools and corpus views was asked for, arrived or failed.
    Module(Module),
}

/// The query that selects exactly this entity's mentions (the core's, so that the network
/// and the chips select alike).
pub use explorer_core::query::entity_filter;

/// The query for a term of the chart: a bigram becomes a phrase.
pub fn term_query(term: &str) -> String {
    if term.contains(' ') {
        format!("\"{term}\"")
    } else {
        term.to_string()
    }
}

impl State {
    /// The default view of a corpus with these documents: the first one open, nothing
    /// searched. (The page starts here, as the build pre-rendered it, then follows the URL.)
    pub fn new(docs: DocIds) -> State {
        State {
            docs,
            query: String::new(),
            doc_idx: 0,
            entity: None,
            term: None,
            inline_entities: false,
            current_hit: 0,
            scroll_request: 0,
            tab: Tab::default(),
            term_options: TermOptions::default(),
            history: HistoryMode::FromUrl,
            unknown_doc: None,
            typing: false,
            tool: None,
            views: ViewSettings::default(),
            tools: ToolsView::default(),
            tool_rows: TOOL_PAGE,
            module: Module::Idle,
        }
    }

    /// The state a view describes.
    pub fn from_view(docs: DocIds, view: &View) -> State {
        let mut state = State::new(docs);
        state.apply_view(view);
        state
    }

    fn apply_view(&mut self, view: &View) {
        self.query = view.query.clone();
        self.unknown_doc = None;
        self.doc_idx = match &view.doc {
            Some(id) => self.docs.index_of(id).unwrap_or_else(|| {
                self.unknown_doc = Some(id.clone());
                0
            }),
            None => 0,
        };
        self.entity = view.entity.clone();
        self.term = view.term.clone();
        self.inline_entities = view.inline_entities;
        self.tools = view.tools.clone();
        self.current_hit = 0;
        self.tool = view.tool;
        self.views = view.views.clone();
    }

    /// A new search ends a chip or term selection unless it still reads the same.
    fn replace_query(&mut self, query: String) {
        if self
            .entity
            .as_ref()
            .is_some_and(|(k, n)| entity_filter(*k, n) != query)
        {
            self.entity = None;
        }
        if self.term.as_ref().is_some_and(|t| term_query(t) != query) {
            self.term = None;
        }
        self.query = query;
    }

    /// The shareable part, for the URL hash.
    pub fn view(&self) -> View {
        View {
            query: self.query.clone(),
            doc: (self.doc_idx > 0)
                .then(|| self.docs.id(self.doc_idx).map(str::to_string))
                .flatten(),
            entity: self.entity.clone(),
            term: self.term.clone(),
            inline_entities: self.inline_entities,
            tool: self.tool,
            views: self.views.clone(),
            tools: self.tools.clone(),
        }
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
                next.replace_query(query);
                // The word tools follow the new query.
                next.tools.node = None;
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
                if self.query.is_empty()
                    && self.entity.is_none()
                    && self.term.is_none()
                    && self.tools.node.is_none()
                {
                    return self;
                }
                next.query.clear();
                next.entity = None;
                next.term = None;
                next.tools.node = None;
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
                next.tools.node = None;
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
                next.tools.node = None;
                next.current_hit = 0;
                next.scroll_request += 1;
            }
            Action::OpenDoc(doc_idx) => {
                if doc_idx >= self.docs.len() || (doc_idx == self.doc_idx && self.tool.is_none()) {
                    return self;
                }
                // Opening a document shows it: the reader takes the main pane back.
                next.tool = None;
                if doc_idx == self.doc_idx {
                    next.tab = Tab::Reader;
                    return Rc::new(next);
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
                next.tool = None;
                next.doc_idx = doc_idx.min(self.docs.len().saturating_sub(1));
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
            Action::ShowTool(tool) => {
                if tool == self.tool && self.tab == Tab::Reader {
                    return self;
                }
                next.tool = tool;
                // On a phone, the main pane is the one that shows it.
                next.tab = Tab::Reader;
            }
            Action::SetViews(views) => {
                if views == self.views {
                    return self;
                }
                // Opening an edge's sentences is a place to come Back to; a size, an order or
                // a sort is not.
                if views.edge == self.views.edge {
                    next.history = HistoryMode::Replace;
                }
                next.views = views;
            }
            Action::OpenAt {
                query,
                doc_idx,
                hit,
            } => {
                if doc_idx >= self.docs.len() {
                    return self;
                }
                if query != self.query {
                    next.replace_query(query);
                }
                next.tool = None;
                next.doc_idx = doc_idx;
                next.unknown_doc = None;
                next.current_hit = hit;
                next.scroll_request += 1;
                next.tab = Tab::Reader;
            }
            Action::ToolSearch(query) => {
                if query == self.query {
                    return self;
                }
                // The list that was clicked stays: its node is pinned (a tool with no node,
                // like Keywords with nothing searched, pins none).
                let node = self.tools.node_or(&self.query);
                next.tools.node = (!node.trim().is_empty()).then(|| node.to_string());
                next.query = query;
                next.entity = None;
                next.term = None;
                next.current_hit = 0;
                next.scroll_request += 1;
                // On a phone, show the marks the click made.
                next.tab = Tab::Reader;
            }
            Action::SetTools(tools) => {
                if tools == self.tools {
                    return self;
                }
                next.tools = tools;
                next.tool_rows = TOOL_PAGE;
                next.history = HistoryMode::Replace;
            }
            Action::MoreToolRows => {
                next.tool_rows = self.tool_rows + TOOL_PAGE;
                next.history = HistoryMode::Replace;
            }
            Action::Module(module) => {
                next.module = module;
                // Nothing a link holds changed.
                next.history = self.history;
                next.typing = self.typing;
            }
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start() -> State {
        State::new(DocIds::new(["first", "second", "third"]))
    }

    /// `start()` after some edits.
    fn with(edit: impl FnOnce(&mut State)) -> State {
        let mut state = start();
        edit(&mut state);
        state
    }

    /// Reduces `action` on `before` and compares with `expected`; `None` means the reducer
    /// must hand back the very same `Rc` (yew then skips the render).
    #[track_caller]
    fn check(before: State, action: Action, expected: Option<State>) {
        let before = Rc::new(before);
        let after = before.clone().reduce(action);
        match expected {
            None => assert!(
                Rc::ptr_eq(&before, &after),
                "expected no change, got {after:#?}"
            ),
            Some(expected) => {
                assert!(!Rc::ptr_eq(&before, &after), "expected a new state");
                assert_eq!(*after, expected);
            }
        }
    }

    const NATO: &str = "place:\"NATO\"";

    #[test]
    fn typing() {
        // The first keystroke makes a history entry, the next ones replace it.
        check(
            start(),
            Action::Type("n".into()),
            Some(with(|s| {
                s.query = "n".into();
                s.scroll_request = 1;
                s.history = HistoryMode::Push;
                s.typing = true;
            })),
        );
        let typing = with(|s| {
            s.query = "n".into();
            s.typing = true;
            s.current_hit = 3;
        });
        check(
            typing.clone(),
            Action::Type("na".into()),
            Some(with(|s| {
                s.query = "na".into();
                s.scroll_request = 1;
                s.history = HistoryMode::Replace;
                s.typing = true;
            })),
        );
        check(typing, Action::Type("n".into()), None);
        // An edit ends a chip or term selection, unless the query still reads the same.
        let chip = with(|s| {
            s.query = NATO.into();
            s.entity = Some((EntityKind::Gpe, "NATO".into()));
        });
        check(
            chip.clone(),
            Action::Type("place:\"NAT".into()),
            Some(with(|s| {
                s.query = "place:\"NAT".into();
                s.scroll_request = 1;
                s.history = HistoryMode::Push;
                s.typing = true;
            })),
        );
        let term = with(|s| {
            s.query = "\"cold war\"".into();
            s.term = Some("cold war".into());
            s.typing = true;
        });
        check(
            term.clone(),
            Action::Type("\"cold war".into()),
            Some(with(|s| {
                s.query = "\"cold war".into();
                s.scroll_request = 1;
                s.history = HistoryMode::Replace;
                s.typing = true;
            })),
        );
        // Typing the filter back in (from a URL or by hand) keeps the selection.
        let mut chip_typed = chip.clone();
        chip_typed.query = "place:\"NATO".into();
        check(
            chip_typed,
            Action::Type(NATO.into()),
            Some(with(|s| {
                s.query = NATO.into();
                s.entity = Some((EntityKind::Gpe, "NATO".into()));
                s.scroll_request = 1;
                s.history = HistoryMode::Push;
                s.typing = true;
            })),
        );
    }

    #[test]
    fn clearing() {
        check(start(), Action::ClearQuery, None);
        check(
            with(|s| {
                s.query = NATO.into();
                s.entity = Some((EntityKind::Gpe, "NATO".into()));
                s.current_hit = 2;
                s.typing = true;
            }),
            Action::ClearQuery,
            Some(with(|s| s.history = HistoryMode::Push)),
        );
        check(
            with(|s| s.term = Some("alliance".into())),
            Action::ClearQuery,
            Some(with(|s| s.history = HistoryMode::Push)),
        );
    }

    #[test]
    fn chips() {
        let nato = (EntityKind::Org, "NATO".to_string());
        let selected = with(|s| {
            s.query = "org:\"NATO\"".into();
            s.entity = Some(nato.clone());
            s.scroll_request = 1;
            s.history = HistoryMode::Push;
        });
        check(
            with(|s| {
                s.term = Some("alliance".into());
                s.current_hit = 4;
            }),
            Action::ToggleEntity(nato.0, nato.1.clone()),
            Some(selected.clone()),
        );
        // Clicking it again clears it, and its query.
        check(
            selected,
            Action::ToggleEntity(nato.0, nato.1.clone()),
            Some(with(|s| {
                s.scroll_request = 2;
                s.history = HistoryMode::Push;
            })),
        );
        // Quotes in a name cannot break out of the filter's quotes.
        assert_eq!(
            entity_filter(EntityKind::Person, "“Ann” Lee"),
            "person:\"Ann Lee\""
        );
        assert_eq!(entity_filter(EntityKind::Loc, "Korea"), "place:\"Korea\"");
        assert_eq!(
            entity_filter(EntityKind::Norp, "Soviet"),
            "group:\"Soviet\""
        );
        assert_eq!(
            entity_filter(EntityKind::Event, "Cold War"),
            "event:\"Cold War\""
        );
    }

    #[test]
    fn terms() {
        let on_phone = with(|s| {
            s.tab = Tab::Terms;
            s.entity = Some((EntityKind::Org, "NATO".into()));
        });
        let selected = with(|s| {
            s.query = "\"cold war\"".into();
            s.term = Some("cold war".into());
            s.scroll_request = 1;
            s.history = HistoryMode::Push;
        });
        // A word pair becomes a phrase, and a phone shows the reader with its marks.
        check(
            on_phone,
            Action::ToggleTerm("cold war".into()),
            Some(selected.clone()),
        );
        check(
            selected,
            Action::ToggleTerm("cold war".into()),
            Some(with(|s| {
                s.scroll_request = 2;
                s.history = HistoryMode::Push;
            })),
        );
        assert_eq!(term_query("alliance"), "alliance");
    }

    #[test]
    fn opening_a_document() {
        check(start(), Action::OpenDoc(0), None);
        check(start(), Action::OpenDoc(3), None);
        let reading = with(|s| {
            s.query = "alliance".into();
            s.current_hit = 5;
            s.tab = Tab::Summary;
            s.unknown_doc = Some("gone".into());
        });
        // The query stays; the new document starts at its first hit.
        check(
            reading,
            Action::OpenDoc(2),
            Some(with(|s| {
                s.query = "alliance".into();
                s.doc_idx = 2;
                s.history = HistoryMode::Push;
            })),
        );
        // A chip belongs to its document: opening another clears it and its filter.
        check(
            with(|s| {
                s.query = NATO.into();
                s.entity = Some((EntityKind::Gpe, "NATO".into()));
            }),
            Action::OpenDoc(1),
            Some(with(|s| {
                s.doc_idx = 1;
                s.history = HistoryMode::Push;
            })),
        );
    }

    #[test]
    fn stepping_through_hits() {
        let step = |forward, n_hits| Action::StepHit { forward, n_hits };
        check(start(), step(true, 0), None);
        let at = |hit: usize| {
            with(move |s| {
                s.current_hit = hit;
                s.typing = true;
            })
        };
        let stepped = |hit: usize| {
            with(move |s| {
                s.current_hit = hit;
                s.scroll_request = 1;
                s.history = HistoryMode::Replace;
                s.typing = true;
            })
        };
        check(at(0), step(true, 3), Some(stepped(1)));
        check(at(2), step(true, 3), Some(stepped(0)));
        check(at(0), step(false, 3), Some(stepped(2)));
        // A current hit past the end (the hits changed) counts as the last one.
        check(at(9), step(true, 3), Some(stepped(0)));
        check(at(9), step(false, 3), Some(stepped(1)));
    }

    #[test]
    fn jumping_to_a_hit() {
        let go = |doc_idx, hit| Action::GoToHit { doc_idx, hit };
        let jumped = |doc_idx: usize, hit: usize, history| {
            with(move |s| {
                s.doc_idx = doc_idx;
                s.current_hit = hit;
                s.scroll_request = 1;
                s.history = history;
            })
        };
        let on_phone = with(|s| s.tab = Tab::Matches);
        check(
            on_phone.clone(),
            go(0, 4),
            Some(jumped(0, 4, HistoryMode::Replace)),
        );
        check(on_phone, go(1, 0), Some(jumped(1, 0, HistoryMode::Push)));
        // A document past the end is the last one.
        check(start(), go(7, 0), Some(jumped(2, 0, HistoryMode::Push)));
    }

    #[test]
    fn corpus_views() {
        // The view bar: a view in the main pane (on a phone, the main pane shown), or the
        // reader again.
        check(start(), Action::ShowTool(None), None);
        let trends = with(|s| {
            s.tool = Some(Tool::Trends);
            s.history = HistoryMode::Push;
        });
        check(
            with(|s| s.tab = Tab::Entities),
            Action::ShowTool(Some(Tool::Trends)),
            Some(trends.clone()),
        );
        check(trends.clone(), Action::ShowTool(Some(Tool::Trends)), None);
        check(
            trends.clone(),
            Action::ShowTool(None),
            Some(with(|s| s.history = HistoryMode::Push)),
        );
        // Settings: a size or an order replaces the history entry; an edge makes one.
        check(start(), Action::SetViews(ViewSettings::default()), None);
        let top_50 = ViewSettings {
            network_size: Some(50),
            ..ViewSettings::default()
        };
        check(
            start(),
            Action::SetViews(top_50.clone()),
            Some(with(|s| {
                s.views = top_50.clone();
                s.history = HistoryMode::Replace;
            })),
        );
        let edge = ViewSettings {
            edge: Some([
                (EntityKind::Org, "NATO".into()),
                (EntityKind::Gpe, "Japan".into()),
            ]),
            ..top_50.clone()
        };
        check(
            with(|s| s.views = top_50.clone()),
            Action::SetViews(edge.clone()),
            Some(with(|s| {
                s.views = edge.clone();
                s.history = HistoryMode::Push;
            })),
        );
        // A point or a sentence: its search, its document, its hit, in the reader.
        let open_at = |query: &str, doc_idx, hit| Action::OpenAt {
            query: query.into(),
            doc_idx,
            hit,
        };
        check(trends.clone(), open_at("storm", 3, 0), None);
        let chip = with(|s| {
            s.query = NATO.into();
            s.entity = Some((EntityKind::Gpe, "NATO".into()));
            s.tool = Some(Tool::Trends);
            s.tab = Tab::Matches;
        });
        check(
            chip.clone(),
            open_at("storm", 2, 4),
            Some(with(|s| {
                s.query = "storm".into();
                s.doc_idx = 2;
                s.current_hit = 4;
                s.scroll_request = 1;
                s.history = HistoryMode::Push;
            })),
        );
        // The same search keeps the chip selected.
        check(
            chip,
            open_at(NATO, 1, 2),
            Some(with(|s| {
                s.query = NATO.into();
                s.entity = Some((EntityKind::Gpe, "NATO".into()));
                s.doc_idx = 1;
                s.current_hit = 2;
                s.scroll_request = 1;
                s.history = HistoryMode::Push;
            })),
        );
        // Opening a document from the Documents table, even the open one, shows the reader.
        let table = with(|s| {
            s.tool = Some(Tool::Documents);
            s.query = "storm".into();
        });
        check(
            table.clone(),
            Action::OpenDoc(0),
            Some(with(|s| {
                s.query = "storm".into();
                s.history = HistoryMode::Push;
            })),
        );
        check(
            table.clone(),
            Action::OpenDoc(1),
            Some(with(|s| {
                s.query = "storm".into();
                s.doc_idx = 1;
                s.history = HistoryMode::Push;
            })),
        );
        // So does a keyword-in-context line.
        check(
            table,
            Action::GoToHit { doc_idx: 1, hit: 2 },
            Some(with(|s| {
                s.query = "storm".into();
                s.doc_idx = 1;
                s.current_hit = 2;
                s.scroll_request = 1;
                s.history = HistoryMode::Push;
            })),
        );
    }

    #[test]
    fn options_and_tabs() {
        check(
            start(),
            Action::ToggleInline,
            Some(with(|s| {
                s.inline_entities = true;
                s.history = HistoryMode::Push;
            })),
        );
        check(
            start(),
            Action::SetTermOptions(TermOptions::default()),
            None,
        );
        let bigrams = TermOptions {
            bigrams: true,
            ..TermOptions::default()
        };
        check(
            start(),
            Action::SetTermOptions(bigrams),
            Some(with(|s| {
                s.term_options = bigrams;
                s.history = HistoryMode::Replace;
            })),
        );
        check(start(), Action::ShowTab(Tab::Reader), None);
        check(
            start(),
            Action::ShowTab(Tab::Terms),
            Some(with(|s| {
                s.tab = Tab::Terms;
                s.history = HistoryMode::Replace;
            })),
        );
        assert!(Tab::ALL
            .iter()
            .all(|t| !t.id().is_empty() && !t.label().is_empty()));
    }

    #[test]
    fn following_the_url() {
        check(start(), Action::FromUrl(View::default()), None);
        let view = View {
            query: "alliance".into(),
            doc: Some("third".into()),
            entity: Some((EntityKind::Person, "Ann Lee".into())),
            term: Some("alliance".into()),
            inline_entities: true,
            tool: Some(Tool::Trends),
            views: ViewSettings {
                trends_bars: true,
                ..ViewSettings::default()
            },
            tools: ToolsView::default(),
        };
        let followed = with(|s| {
            s.query = "alliance".into();
            s.doc_idx = 2;
            s.entity = Some((EntityKind::Person, "Ann Lee".into()));
            s.term = Some("alliance".into());
            s.inline_entities = true;
            s.scroll_request = 1;
            s.tool = Some(Tool::Trends);
            s.views.trends_bars = true;
        });
        check(
            with(|s| s.current_hit = 3),
            Action::FromUrl(view.clone()),
            Some(followed.clone()),
        );
        // The view reads back as it came, and the same view again changes nothing.
        assert_eq!(followed.view(), view);
        check(followed, Action::FromUrl(view), None);
        // A document that is not there: the first one, and a notice.
        let missing = View {
            doc: Some("gone".into()),
            ..View::default()
        };
        check(
            with(|s| s.doc_idx = 1),
            Action::FromUrl(missing),
            Some(with(|s| {
                s.unknown_doc = Some("gone".into());
                s.scroll_request = 1;
            })),
        );
        assert_eq!(
            State::from_view(
                DocIds::new(["a", "b"]),
                &View {
                    doc: Some("b".into()),
                    ..View::default()
                }
            )
            .doc_idx,
            1
        );
    }

    #[test]
    fn word_tools() {
        use explorer_core::tools_view::Tool;
        let keywords = ToolsView {
            tool: Some(Tool::Keywords),
            ..ToolsView::default()
        };
        check(start(), Action::SetTools(ToolsView::default()), None);
        check(
            start(),
            Action::SetTools(keywords.clone()),
            Some(with(|s| {
                s.tools = keywords.clone();
                s.history = HistoryMode::Replace;
            })),
        );
        // "Show more" adds a page of rows; a new setting shows one page again.
        let more = with(|s| {
            s.tool_rows = 2 * TOOL_PAGE;
            s.history = HistoryMode::Replace;
        });
        check(start(), Action::MoreToolRows, Some(more.clone()));
        check(
            more,
            Action::SetTools(keywords.clone()),
            Some(with(|s| {
                s.tools = keywords.clone();
                s.history = HistoryMode::Replace;
            })),
        );
        // A collocate's click searches for it and pins the list's node, the query it had;
        // on a phone the reader shows the marks.
        let listing = with(|s| {
            s.query = "nato".into();
            s.term = Some("nato".into());
            s.tab = Tab::Tools;
            s.current_hit = 2;
        });
        let clicked = with(|s| {
            s.query = "\"nato said\"~5".into();
            s.tools.node = Some("nato".into());
            s.scroll_request = 1;
            s.history = HistoryMode::Push;
        });
        check(
            listing,
            Action::ToolSearch("\"nato said\"~5".into()),
            Some(clicked.clone()),
        );
        // Another click keeps the same node; the same one again changes nothing.
        check(
            clicked.clone(),
            Action::ToolSearch("\"nato alliance\"~5".into()),
            Some(with(|s| {
                s.query = "\"nato alliance\"~5".into();
                s.tools.node = Some("nato".into());
                s.scroll_request = 2;
                s.history = HistoryMode::Push;
            })),
        );
        check(
            clicked.clone(),
            Action::ToolSearch("\"nato said\"~5".into()),
            None,
        );
        // With nothing searched (a keyword's click), no node is pinned.
        check(
            start(),
            Action::ToolSearch("\"nato\"".into()),
            Some(with(|s| {
                s.query = "\"nato\"".into();
                s.scroll_request = 1;
                s.history = HistoryMode::Push;
            })),
        );
        // Typing, a chip, a term or clearing: the tools follow the query again.
        for action in [
            Action::Type("alliance".into()),
            Action::ToggleEntity(EntityKind::Org, "NATO".into()),
            Action::ToggleTerm("alliance".into()),
            Action::ClearQuery,
        ] {
            let after = Rc::new(clicked.clone()).reduce(action);
            assert_eq!(after.tools.node, None);
        }
        // The tools travel in the URL.
        let view = View {
            query: "\"nato said\"~5".into(),
            tools: ToolsView {
                tool: Some(Tool::Collocates),
                node: Some("nato".into()),
                ..ToolsView::default()
            },
            ..View::default()
        };
        let followed = Rc::new(start()).reduce(Action::FromUrl(view.clone()));
        assert_eq!(followed.view(), view);
        assert_eq!(Tab::Tools.id(), "tools");
    }
}
