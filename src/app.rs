//! The root component: owns the state, derives the search result, and lays out the panels.
//! Its effects are named hooks (`hooks.rs`).

use crate::corpus;
use crate::entity_chips::EntityChips;
use crate::hooks::{
    use_after_first_paint, use_follow_url, use_hash_sync, use_mounted, use_scroll_to_hit,
    use_slash_to_search, use_trailing,
};
use crate::lazy_views::{draw, load};
use crate::matches::{KwicList, Matches};
use crate::reader::Reader;
use crate::search_bar::SearchBar;
use crate::shared::Shared;
use crate::state::{Action, DocIds, Module, State, Tab};
use crate::summary::Summary;
use crate::term_chart::term_chart;
use crate::theme::ThemeToggle;
use crate::tree::{clicked_act, e, Acts, Handler};
use crate::view_bar::view_bar;
use explorer_core::entities::{Entity, EntityKind};
use explorer_core::query;
use explorer_core::search::{Hit, SearchResult};
use explorer_core::state::{to_hash, Tool};
use explorer_core::tools_view::{Tool as WordTool, ToolsView};
use std::rc::Rc;
use yew::prelude::*;

/// The selected entity, if the selection names one in the open document.
fn selected_entity(state: &State) -> Option<(usize, &'static Entity)> {
    let (kind, name) = state.entity.as_ref()?;
    corpus()
        .entities(state.doc_idx)
        .iter()
        .enumerate()
        .find(|(_, e)| e.kind == *kind && &e.canonical == name)
}

/// Every callback the root hands down, each dispatching one action.
struct Callbacks {
    /// Any action: for the panels drawn by plain functions (the word tools, the term chart,
    /// the corpus views), which map their clicks to actions themselves.
    dispatch: Callback<Action>,
    on_type: Callback<String>,
    on_clear: Callback<()>,
    on_go: Callback<(usize, usize)>,
    on_open: Callback<usize>,
    on_entity: Callback<(EntityKind, String)>,
    on_inline: Callback<()>,
    on_tab: Callback<Tab>,
    on_tool: Callback<Option<Tool>>,
}

impl Callbacks {
    fn new(d: UseReducerDispatcher<State>) -> Callbacks {
        let send = |f: fn(&UseReducerDispatcher<State>)| {
            let d = d.clone();
            Callback::from(move |()| f(&d))
        };
        Callbacks {
            dispatch: {
                let d = d.clone();
                Callback::from(move |action| d.dispatch(action))
            },
            on_type: {
                let d = d.clone();
                Callback::from(move |q| d.dispatch(Action::Type(q)))
            },
            on_clear: send(|d| d.dispatch(Action::ClearQuery)),
            on_go: {
                let d = d.clone();
                Callback::from(move |(doc_idx, hit)| d.dispatch(Action::GoToHit { doc_idx, hit }))
            },
            on_open: {
                let d = d.clone();
                Callback::from(move |doc_idx| d.dispatch(Action::OpenDoc(doc_idx)))
            },
            on_entity: {
                let d = d.clone();
                Callback::from(move |(kind, name)| d.dispatch(Action::ToggleEntity(kind, name)))
            },
            on_inline: send(|d| d.dispatch(Action::ToggleInline)),
            on_tab: {
                let d = d.clone();
                Callback::from(move |tab| d.dispatch(Action::ShowTab(tab)))
            },
            on_tool: {
                let d = d.clone();
                Callback::from(move |tool| d.dispatch(Action::ShowTool(tool)))
            },
        }
    }
}

#[component]
pub fn App() -> Html {
    let corpus = corpus();
    // The default view first, as the build pre-rendered it; `use_follow_url` then applies
    // the URL's.
    let state = use_reducer(|| State::new(DocIds::new(corpus.docs.iter().map(|d| d.id.as_str()))));
    let input_ref = use_node_ref();

    let result: Shared<SearchResult> = Shared(use_memo(state.query.clone(), |q| {
        corpus.search(&query::parse(q))
    }));
    let doc_hits: Shared<Vec<Hit>> = {
        let result = result.clone();
        Shared(use_memo(
            (state.query.clone(), state.doc_idx),
            move |(_, doc)| result.hits_in(*doc).to_vec(),
        ))
    };
    // The panels that list matches follow the query a moment later.
    let (panel_query, panel_result) =
        use_trailing(AttrValue::from(state.query.clone()), result.clone());

    use_hash_sync(state.view(), state.history);
    use_follow_url(state.dispatcher());
    use_slash_to_search(input_ref.clone());
    use_scroll_to_hit(state.scroll_request, state.current_hit, state.doc_idx);

    // Callbacks are made once (the dispatcher never changes), so children's props compare
    // equal across renders and a keystroke re-renders only what it changes.
    let cb = use_memo((), {
        let d = state.dispatcher();
        move |_| Callbacks::new(d)
    });
    let on_step = {
        let d = state.dispatcher();
        use_callback(doc_hits.len(), move |forward: bool, &n_hits| {
            d.dispatch(Action::StepHit { forward, n_hits })
        })
    };

    // The side panels are drawn a frame after the search box and the reader. The
    // pre-rendered page has the same empty side columns, so nothing moves.
    let panels = use_after_first_paint();
    // The first render is the pre-rendered page's; the controls work from the next one.
    let live = use_mounted();
    // The word tools' node: pinned, or the query the match panels follow.
    let tool_node = state
        .tools
        .node
        .clone()
        .map_or_else(|| panel_query.clone(), AttrValue::from);
    // The word tools and corpus views are a module of their own, loaded the first time a
    // reader asks for one: a view, a word tool's tab, its phone tab, or a word to look at
    // (from the first keystroke: the module is on its way while the reader types).
    let want_views = panels
        && (state.tool.is_some()
            || state.tools.tool.is_some()
            || state.tab == Tab::Tools
            || !state.query.trim().is_empty()
            || !tool_node.trim().is_empty());
    let tools_host = use_node_ref();
    let view_host = use_node_ref();
    let hash = AttrValue::from(to_hash(&state.view()));
    {
        let hosts = (tools_host.clone(), view_host.clone());
        let d = state.dispatcher();
        use_effect_with(
            (
                want_views,
                state.module,
                hash,
                state.query.clone(),
                panel_query.clone(),
                state.doc_idx,
                state.tool_rows,
                state.tool,
            ),
            move |(want, module, hash, query, panel_query, doc, rows, _)| {
                if *want && *module == Module::Idle {
                    load(d);
                }
                let doc = *doc as u32;
                draw(|m| {
                    if let Some(host) = hosts.0.cast() {
                        m.render_tools(&host, hash, query, panel_query, doc, *rows as u32)?;
                    }
                    if let Some(host) = hosts.1.cast() {
                        m.render_view(&host, hash, panel_query, doc)?;
                    }
                    Ok(())
                });
            },
        );
    }

    let selected = selected_entity(&state);
    let selected_idx = selected.map(|(i, _)| i);
    let hit_entity_kind = selected.map(|(_, e)| e.kind);
    let tab_name = state.tab.id();
    let entity_detail = match selected {
        Some((_, e)) => html! {
            <div class="entity-detail" aria-live="polite">
                <p class="entity-detail-head">
                    <strong>{ &e.canonical }</strong>
                    { format!(" · {} · {} mention{}", e.kind.name(), e.count(), if e.count() == 1 { "" } else { "s" }) }
                    if !e.aliases.is_empty() {
                        { format!(" · also {}", e.aliases.join(", ")) }
                    }
                </p>
                <crate::dispersion::Dispersion hits={doc_hits.0.clone()} length={corpus.docs[state.doc_idx].text.len()}
                    current={state.current_hit} on_jump={{ let on_go = cb.on_go.clone(); let doc = state.doc_idx; Callback::from(move |h| on_go.emit((doc, h))) }}
                    label={format!("{} in this document", e.canonical)} />
                <KwicList doc_idx={state.doc_idx} hits={doc_hits.0.clone()} show_title={false}
                    current={Some(state.current_hit)} on_go={cb.on_go.clone()} />
            </div>
        },
        None => html! {},
    };

    html! {
        <div class={classes!("app", panels.then_some("ready"))} data-tab={tab_name} data-tool={state.tool.map(Tool::id)}>
            <header class="topbar">
                <p class="brand"><span class="brand-mark" aria-hidden="true">{ "¶" }</span>{ " Text Explorer" }</p>
                <SearchBar query={state.query.clone()} result={result.clone()} n_hits={doc_hits.len()}
                    current={state.current_hit} input_ref={input_ref.clone()} on_type={cb.on_type.clone()} {on_step} on_clear={cb.on_clear.clone()} {live} />
                <ThemeToggle />
                <nav class="tabs" aria-label="Panels">
                    { for Tab::ALL.into_iter().map(|tab| {
                        let on_tab = cb.on_tab.clone();
                        html! {
                            <button type="button" class="tab" aria-pressed={(state.tab == tab).to_string()} disabled={!live}
                                onclick={move |_| on_tab.emit(tab)}>
                                // The main pane shows the reader or a corpus view.
                                { match (tab, state.tool) { (Tab::Reader, Some(tool)) => tool.label(), _ => tab.label() } }
                            </button>
                        }
                    }) }
                </nav>
            </header>
            if let Some(id) = &state.unknown_doc {
                <p class="notice" role="alert">{ format!("There is no document “{id}” in this corpus; showing the first one.") }</p>
            }
            // One main landmark holds every panel: on a phone it shows whichever the tab chose.
            <main class="panes">
                <div class="side side-left">
                    if panels {
                        <EntityChips doc_idx={state.doc_idx} selected={selected_idx} on_toggle={cb.on_entity.clone()}
                            inline_entities={state.inline_entities} on_toggle_inline={cb.on_inline.clone()}>
                            { entity_detail }
                        </EntityChips>
                        <Summary doc_idx={state.doc_idx} result={panel_result.clone()} has_query={!panel_query.trim().is_empty()} on_open={cb.on_open.clone()} />
                    }
                </div>
                <section class="panel panel-reader" id="reader" aria-label={state.tool.map_or("Reader", Tool::label)}>
                    { view_bar(state.tool, corpus.docs.len(), live, &cb.on_tool) }
                    { match state.tool {
                        None => html! {
                            <Reader doc_idx={state.doc_idx} hits={doc_hits.0.clone()} current_hit={state.current_hit}
                                {hit_entity_kind} inline_entities={state.inline_entities} selected_entity={selected_idx} />
                        },
                        Some(_) if state.module == Module::Ready => html! { <div class="views-host" ref={view_host} /> },
                        Some(_) => html! {
                            <div class="tool-loading">
                                <p class="tool-note" role="status">{ waiting(state.module) }</p>
                            </div>
                        },
                    } }
                </section>
                <div class="side side-right">
                    if panels {
                        <Matches result={panel_result.clone()} doc_idx={state.doc_idx}
                            current_hit={(*panel_query == *state.query).then_some(state.current_hit)} query={panel_query.clone()} on_go={cb.on_go.clone()} />
                        if state.module == Module::Ready {
                            <div class="views-host" ref={tools_host} />
                        } else {
                            { tools_placeholder(state.module, &state.tools, &cb.dispatch) }
                        }
                        { term_chart(state.doc_idx, state.term_options, state.term.as_deref(), &cb.dispatch) }
                    }
                </div>
            </main>
            <crate::update_banner::UpdateBanner />
        </div>
    }
}

/// What a panel of the views module says until it is drawn.
fn waiting(module: Module) -> &'static str {
    match module {
        Module::Failed => "This panel could not be loaded. Reload the page to try again.",
        _ => "Loading…",
    }
}

/// The word tools' panel until its module is loaded: the heading, the tools' tabs (a click
/// loads the module) and what to do, or that it is loading.
fn tools_placeholder(module: Module, tools: &ToolsView, dispatch: &Callback<Action>) -> Html {
    let open = tools.tool.unwrap_or(WordTool::Collocates);
    let mut acts = Acts(Vec::new());
    let mut tabs = e("div")
        .class("tool-tabs")
        .attr("role", "group")
        .attr("aria-label", "Tool");
    for t in WordTool::ALL {
        let tab = e("button")
            .attr("type", "button")
            .class("tool-tab")
            .attr("aria-pressed", if t == open { "true" } else { "false" })
            .text(t.label());
        tabs = tabs.child(acts.on(tab, t));
    }
    let note = match module {
        Module::Idle => {
            "Search for a word (or click a term or a chip) to see the words that stand near it."
        }
        _ => waiting(module),
    };
    let (acts, tools, dispatch) = (acts.0, tools.clone(), dispatch.clone());
    let handler: Handler = Rc::new(move |ev, change| {
        if let Some(&tool) = clicked_act(ev)
            .and_then(|i| acts.get(i))
            .filter(|_| !change)
        {
            dispatch.emit(Action::SetTools(ToolsView {
                tool: Some(tool),
                ..tools.clone()
            }));
        }
    });
    e("section")
        .class("panel panel-tools")
        .attr("aria-labelledby", "tools-heading")
        .child(
            e("div")
                .class("panel-head")
                .child(e("h2").attr("id", "tools-heading").text("Word tools")),
        )
        .child(tabs)
        .child(
            e("p")
                .class("tool-summary")
                .attr("role", "status")
                .text(note),
        )
        .listen(handler)
        .into()
}
