//! What an element of a panel does: elements carry the index of their action as `data-act`,
//! and the panel's one listener finds it. Shared by the page's virtual-DOM builder
//! (`tree.rs`) and the lazily loaded module's DOM patcher (`views/tree.rs`).

use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::Event;

/// What a panel does with a click (`false`) or a change (`true`) inside it: one handler
/// per panel, on the panel's element, which finds the element's action with
/// [`clicked_act`].
pub type Handler = Rc<dyn Fn(&Event, bool)>;

/// A view's actions: an element carries the index of its own as `data-act`.
pub struct Acts<A>(pub Vec<A>);

/// An element builder that can carry a number as an attribute (both builders can).
pub trait Numbered {
    fn attr_n(self, key: &'static str, value: u32) -> Self;
}

impl<A> Acts<A> {
    /// Registers an action and marks the element as its trigger.
    pub fn on<T: Numbered>(&mut self, el: T, act: A) -> T {
        self.0.push(act);
        el.attr_n("data-act", self.0.len() as u32 - 1)
    }
}

/// The action index on the element clicked (or its nearest ancestor that has one). A link
/// that carries an action does the action instead of following its `href` (which says
/// where it leads, for a new tab or a copied link).
pub fn clicked_act(event: &web_sys::Event) -> Option<usize> {
    let target = event
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("[data-act]")
        .ok()??;
    if target.tag_name().eq_ignore_ascii_case("a") {
        event.prevent_default();
    }
    target.get_attribute("data-act")?.parse().ok()
}
