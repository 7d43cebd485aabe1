//! The view bar at the top of the main pane (tabs: they switch what the pane shows): the
//! reader, or one of the corpus views (Documents, Trends, Network), named as Voyant names
//! them. It is on the first screen on every width, so a reader sees at once how many
//! documents there are and how to reach them.

use crate::tree::{clicked_act, e};
use explorer_core::state::Tool;
use yew::prelude::*;
use yew::virtual_dom::VNode;

/// The tabs: `None` is the reader. `live` is false in the first, pre-rendered render: the
/// tabs work once the app has started.
pub fn view_bar(
    tool: Option<Tool>,
    n_docs: usize,
    live: bool,
    on_tool: &Callback<Option<Tool>>,
) -> Html {
    let tabs = [
        None,
        Some(Tool::Documents),
        Some(Tool::Trends),
        Some(Tool::Network),
    ];
    let mut bar = e("div")
        .class("view-bar")
        .attr("role", "tablist")
        .attr("aria-label", "Views");
    for (i, &t) in tabs.iter().enumerate() {
        let mut tab = e("button")
            .attr("type", "button")
            .attr("role", "tab")
            .class("view-button")
            .attr("aria-selected", if t == tool { "true" } else { "false" })
            .attr("aria-controls", "reader")
            .attr_if(!live, "disabled", "")
            .attr_n("data-act", i as u32)
            .text(t.map_or("Reader", Tool::label));
        if t == Some(Tool::Documents) {
            tab = tab
                .text(" ")
                .child(e("span").class("view-count").text_s(n_docs.to_string()));
        }
        bar = bar.child(tab);
    }
    let on_tool = on_tool.clone();
    let onclick = Callback::from(move |ev: MouseEvent| {
        if let Some(&t) = clicked_act(&ev).and_then(|i| tabs.get(i)) {
            on_tool.emit(t);
        }
    });
    html! { <div class="view-tabs" {onclick}>{ VNode::from(bar) }</div> }
}
