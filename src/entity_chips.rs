//! The "Entities" panel: one chip per entity of the open document, grouped and coloured by
//! kind (with the kind also written, so colour is never the only signal), and a detail line
//! for the selected one.

use crate::corpus;
use crate::download::download;
use crate::reader::kind_class;
use explorer_core::entities::EntityKind;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EntityChipsProps {
    pub doc_idx: usize,
    pub selected: Option<usize>,
    pub on_toggle: Callback<(EntityKind, String)>,
    pub inline_entities: bool,
    pub on_toggle_inline: Callback<()>,
    /// Shown under the chips when one is selected (its matches and dispersion).
    #[prop_or_default]
    pub children: Html,
}

/// Chips shown per kind before "Show all" (the most mentioned, as entities come sorted).
const CHIPS_SHOWN: usize = 16;

/// Plural group headings.
fn group_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "People",
        EntityKind::Org => "Organisations",
        EntityKind::Gpe => "Countries and cities",
        EntityKind::Loc => "Places",
        EntityKind::Event => "Events",
        EntityKind::Norp => "Nationalities and groups",
    }
}

#[component]
pub fn EntityChips(props: &EntityChipsProps) -> Html {
    let corpus = corpus();
    let entities = corpus.entities(props.doc_idx);
    // Kinds whose every chip is shown (one bit per kind); others show the most mentioned.
    let expanded = use_state(|| 0u8);
    let doc_idx = props.doc_idx;
    let on_export = Callback::from(move |_: MouseEvent| {
        let doc = &corpus.docs[doc_idx];
        download(
            &format!("{}-entities.json", doc.id),
            "application/json",
            &explorer_core::export::entities_json(corpus, doc_idx),
        );
    });
    let on_toggle_inline = {
        let cb = props.on_toggle_inline.clone();
        Callback::from(move |_: Event| cb.emit(()))
    };
    html! {
        <section class="panel panel-entities" aria-labelledby="entities-heading">
            <div class="panel-head">
                <h2 id="entities-heading">{ "Entities" }</h2>
                <label class="switch">
                    <input type="checkbox" checked={props.inline_entities} onchange={on_toggle_inline} />
                    { "Show in text" }
                </label>
            </div>
            if entities.is_empty() {
                <p class="empty">{ "No names of people, organisations or places were found in this document." }</p>
            }
            { for EntityKind::ALL.into_iter().map(|kind| {
                let members: Vec<(usize, &explorer_core::entities::Entity)> =
                    entities.iter().enumerate().filter(|(_, e)| e.kind == kind).collect();
                if members.is_empty() {
                    return html! {};
                }
                let bit = 1u8 << (kind as u8);
                let all_shown = *expanded & bit != 0 || members.len() <= CHIPS_SHOWN + 2;
                let n_members = members.len();
                // Always show the selected chip, even when its group is folded.
                let members: Vec<_> = members.into_iter().enumerate()
                    .filter(|(rank, (i, _))| all_shown || *rank < CHIPS_SHOWN || props.selected == Some(*i))
                    .map(|(_, m)| m).collect();
                let toggle = {
                    let expanded = expanded.clone();
                    Callback::from(move |_: MouseEvent| expanded.set(*expanded ^ bit))
                };
                html! {
                    <div class={classes!("chip-group", kind_class(kind))} role="group" aria-label={group_name(kind)}>
                        <h3><span class="kind-tag" aria-hidden="true">{ kind.label() }</span>{ format!(" {} ({})", group_name(kind), members.len()) }</h3>
                        <ul class="chips">
                        { for members.into_iter().map(|(i, e)| {
                            let selected = props.selected == Some(i);
                            let on_toggle = props.on_toggle.clone();
                            let key = (e.kind, e.canonical.clone());
                            let aliases = if e.aliases.is_empty() { String::new() } else { format!("also {}", e.aliases.join(", ")) };
                            // The accessible name starts with the visible text ("NATO 17"), so a
                            // voice-control user can say what they see (WCAG 2.5.3); the rest is
                            // read after it: "NATO 17 mentions, Organisation, also North Atlantic…".
                            let more = format!("{}, {}{}", if e.count() == 1 { " mention" } else { " mentions" }, kind.name(),
                                if aliases.is_empty() { String::new() } else { format!(", {aliases}") });
                            html! {
                                <li key={e.canonical.clone()}>
                                    <button type="button" class={classes!("chip", kind_class(kind))} aria-pressed={selected.to_string()}
                                        title={if aliases.is_empty() { None } else { Some(aliases.clone()) }}
                                        onclick={move |_| on_toggle.emit(key.clone())}>
                                        <span class="chip-name">{ &e.canonical }</span>
                                        { " " }
                                        <span class="chip-count">{ e.count() }</span>
                                        <span class="visually-hidden">{ more }</span>
                                    </button>
                                    if !aliases.is_empty() {
                                        <span class="chip-aliases" aria-hidden="true">{ aliases }</span>
                                    }
                                </li>
                            }
                        }) }
                        </ul>
                        if n_members > CHIPS_SHOWN + 2 {
                            <button type="button" class="text-button show-more" onclick={toggle}>
                                { if *expanded & bit != 0 { format!("Show fewer {}", group_name(kind).to_ascii_lowercase()) } else { format!("Show all {n_members} {}", group_name(kind).to_ascii_lowercase()) } }
                            </button>
                        }
                    </div>
                }
            }) }
            <div class="panel-foot">
                <button type="button" class="text-button" onclick={on_export} disabled={entities.is_empty()}>{ "Download entities (JSON)" }</button>
            </div>
            { props.children.clone() }
        </section>
    }
}
