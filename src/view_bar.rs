//! The view bar at the top of the main pane (tabs: they switch what the pane shows): the reader, or one of the corpus views
//! (Documents, Trends, Network), named as Voyant names them. It is on the first screen on
//! every width, so a reader sees at once how many documents there are and how to reach them.

use explorer_core::state::Tool;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ViewBarProps {
    /// The corpus view shown, or `None` for the reader.
    pub tool: Option<Tool>,
    pub n_docs: usize,
    pub on_tool: Callback<Option<Tool>>,
    /// False in the first, pre-rendered render: the buttons work once the app has started.
    pub live: bool,
}

#[component]
pub fn ViewBar(props: &ViewBarProps) -> Html {
    let button = |tool: Option<Tool>| {
        let on_tool = props.on_tool.clone();
        let label = tool.map_or("Reader", Tool::label);
        html! {
            <button type="button" role="tab" class="view-button" aria-selected={(props.tool == tool).to_string()}
                aria-controls="reader" disabled={!props.live} onclick={move |_| on_tool.emit(tool)}>
                { label }
                if tool == Some(Tool::Documents) {
                    { " " }<span class="view-count">{ props.n_docs }</span>
                }
            </button>
        }
    };
    html! {
        <div class="view-bar" role="tablist" aria-label="Views">
            { button(None) }
            { for Tool::ALL.into_iter().map(|tool| button(Some(tool))) }
        </div>
    }
}
