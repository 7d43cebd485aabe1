//! The page's side of the `views` module (`views/`): the word tools and the corpus views,
//! loaded the first time a reader asks for one of them, so that the first load carries none
//! of their code.
//!
//! [`load`] has the page's loader import the module (`views-<hash>.js`, beside the page) the first
//! time the root wants it, hands it the corpus's bytes and a function for its actions, and
//! reports its progress to the reducer (`Action::Module`); the root then asks it to draw into
//! host elements it leaves empty ([`draw`]). An action
//! comes back as a kind and its values, which [`decode`] turns into the reducer's own
//! [`Action`]; [`encode`] is its inverse, used by the module, and both are tested together.

use crate::state::{Action, Module, State};
use explorer_core::state::{parse as parse_hash, to_hash, View};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// The page's loader of the module (written into index.html by tools/post-build.mjs,
    /// or by tools/single-file.mjs): imports the module's JS, starts its wasm, calls its
    /// `init(bytes, act)`, then `ready(module)`, or `failed(error)` if any step fails.
    #[wasm_bindgen(js_namespace = window, js_name = explorerViews, catch)]
    fn explorer_views(
        bytes: &js_sys::Uint8Array,
        act: &JsValue,
        ready: &JsValue,
        failed: &JsValue,
    ) -> Result<(), JsValue>;

    /// The module's namespace object (its exports: `src/views/mod.rs`).
    pub type ViewsModule;

    /// Draws the word tools into `host` (`views::render_tools`).
    #[wasm_bindgen(method, catch)]
    pub fn render_tools(
        this: &ViewsModule,
        host: &web_sys::Element,
        hash: &str,
        query: &str,
        panel_query: &str,
        doc: u32,
        rows: u32,
    ) -> Result<(), JsValue>;

    /// Draws the open corpus view into `host` (`views::render_view`).
    #[wasm_bindgen(method, catch)]
    pub fn render_view(
        this: &ViewsModule,
        host: &web_sys::Element,
        hash: &str,
        panel_query: &str,
        doc: u32,
    ) -> Result<(), JsValue>;
}

thread_local! {
    /// The module's namespace object, once it is ready.
    static MODULE: std::cell::RefCell<Option<ViewsModule>> = const { std::cell::RefCell::new(None) };
}

/// An action of the module's panels as it crosses to the page: a kind, a text and two
/// numbers. Settings travel as a URL hash, the one form both modules read alike.
pub fn encode(action: Action) -> Option<(&'static str, String, u32, u32)> {
    Some(match action {
        Action::SetViews(views) => (
            "views",
            to_hash(&View {
                views,
                ..View::default()
            }),
            0,
            0,
        ),
        Action::SetTools(tools) => (
            "tools",
            to_hash(&View {
                tools,
                ..View::default()
            }),
            0,
            0,
        ),
        Action::ToolSearch(query) => ("search", query, 0, 0),
        Action::OpenAt {
            query,
            doc_idx,
            hit,
        } => ("open", query, doc_idx as u32, hit as u32),
        Action::MoreToolRows => ("more", String::new(), 0, 0),
        // The panels send nothing else.
        _ => return None,
    })
}

/// The action an [`encode`]d one stands for; `None` for a kind the page does not know.
pub fn decode(kind: &str, text: String, a: u32, b: u32) -> Option<Action> {
    Some(match kind {
        "views" => Action::SetViews(parse_hash(&text).views),
        "tools" => Action::SetTools(parse_hash(&text).tools),
        "search" => Action::ToolSearch(text),
        "open" => Action::OpenAt {
            query: text,
            doc_idx: a as usize,
            hit: b as usize,
        },
        "more" => Action::MoreToolRows,
        _ => return None,
    })
}

/// Loads the module, giving it the corpus's bytes and the page's actions; the reducer's
/// `module` follows.
pub fn load(dispatcher: UseReducerDispatcher<State>) {
    dispatcher.dispatch(Action::Module(Module::Loading));
    let ready = {
        let dispatcher = dispatcher.clone();
        Closure::<dyn Fn(JsValue)>::new(move |module: JsValue| {
            MODULE.with(|m| *m.borrow_mut() = Some(module.unchecked_into()));
            dispatcher.dispatch(Action::Module(Module::Ready));
        })
        .into_js_value()
    };
    let failed = {
        let dispatcher = dispatcher.clone();
        Closure::<dyn Fn(JsValue)>::new(move |e: JsValue| {
            // A warning: the panel says so itself, and a page left while the module was on
            // its way (its fetch aborted) sees this too, which is no error.
            web_sys::console::warn_2(&"The word tools and corpus views did not load:".into(), &e);
            dispatcher.dispatch(Action::Module(Module::Failed));
        })
        .into_js_value()
    };
    // The page lives as long as the module does: these functions are never released.
    let act = Closure::<dyn Fn(String, String, u32, u32)>::new(move |kind: String, text, a, b| {
        if let Some(action) = decode(&kind, text, a, b) {
            dispatcher.dispatch(action);
        }
    })
    .into_js_value();
    let bytes = js_sys::Uint8Array::from(crate::CORPUS_BYTES);
    if let Err(e) = explorer_views(&bytes, &act, &ready, &failed) {
        let _ = js_sys::Function::from(failed).call1(&JsValue::NULL, &e);
    }
}

/// Has the module, once it is ready, draw its panels into the hosts that are on the page.
pub fn draw(f: impl FnOnce(&ViewsModule) -> Result<(), JsValue>) {
    MODULE.with(|m| {
        if let Some(module) = m.borrow().as_ref() {
            if let Err(e) = f(module) {
                web_sys::console::error_1(&e);
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use explorer_core::state::ViewSettings;
    use explorer_core::tools_view::{Tool, ToolsView};

    /// Every action the module's panels send arrives as the same action.
    #[test]
    fn actions_cross_unchanged() {
        let mut tools = ToolsView::default();
        tools.read("tool", "keywords");
        tools.read("cwin", "3");
        tools.read("node", "security & stability");
        assert_eq!(tools.tool, Some(Tool::Keywords));
        let views = ViewSettings {
            network_size: Some(12),
            trends_bars: true,
            ..ViewSettings::default()
        };
        let actions = [
            Action::SetViews(views),
            Action::SetTools(tools),
            Action::ToolSearch("\"north korea\"~5 & more".into()),
            Action::OpenAt {
                query: "nato".into(),
                doc_idx: 3,
                hit: 7,
            },
            Action::MoreToolRows,
        ];
        for action in actions {
            let expected = format!("{action:?}");
            let (kind, text, a, b) = encode(action).expect("a panel's action");
            let back = decode(kind, text, a, b).expect("a known kind");
            assert_eq!(format!("{back:?}"), expected);
        }
        assert!(encode(Action::ClearQuery).is_none());
        assert!(decode("drop-tables", String::new(), 0, 0).is_none());
    }
}
