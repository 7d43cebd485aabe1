//! Elements built as data for the corpus views: `e("td").class("num").text(n)` makes the
//! same virtual DOM node as `html! { <td class="num">{ n }</td> }`, but each call is one
//! small function call, where each `html!` site compiles to its own construction code. The
//! three corpus views are hundreds of elements of a few kinds; built this way they cost the
//! page a few KB instead of about 30 KB (gzipped).
//!
//! Text is always a text node, never parsed as HTML. Interactive elements carry a
//! `data-act` index into the view's list of actions ([`Acts`]); the view's one click listener
//! finds it with [`clicked_act`].

use wasm_bindgen::JsCast;
use yew::virtual_dom::{VNode, VTag, VText};
use yew::AttrValue;

/// An element under construction (boxed: each builder call moves a pointer, not the node).
pub struct E(Box<VTag>);

/// A new element.
#[inline(never)]
pub fn e(tag: &'static str) -> E {
    E(Box::new(VTag::new(tag)))
}

impl E {
    /// Sets an attribute.
    pub fn attr(self, key: &'static str, value: impl Into<AttrValue>) -> E {
        self.set(key, value.into())
    }

    // The generic methods convert and call these, so that each is compiled once.
    #[inline(never)]
    fn set(mut self, key: &'static str, value: AttrValue) -> E {
        self.0.add_attribute(key, value);
        self
    }

    #[inline(never)]
    fn add_text(mut self, text: AttrValue) -> E {
        self.0.add_child(VNode::VText(VText::new(text)));
        self
    }

    /// Sets an attribute when `value` is `Some`.
    pub fn attr_if(self, key: &'static str, value: Option<impl Into<AttrValue>>) -> E {
        match value {
            Some(v) => self.attr(key, v),
            None => self,
        }
    }

    pub fn class(self, class: impl Into<AttrValue>) -> E {
        self.attr("class", class)
    }

    /// Appends text (a text node: never parsed as HTML).
    pub fn text(self, text: impl Into<AttrValue>) -> E {
        self.add_text(text.into())
    }

    /// Appends a child element.
    #[inline(never)]
    pub fn child(mut self, child: E) -> E {
        self.0.add_child(child.into());
        self
    }

    /// Appends child elements.
    pub fn children(mut self, kids: impl IntoIterator<Item = E>) -> E {
        self.0.add_children(kids.into_iter().map(VNode::from));
        self
    }

    /// Appends any node (text and marks built elsewhere).
    #[inline(never)]
    pub fn node(mut self, node: VNode) -> E {
        self.0.add_child(node);
        self
    }

    /// The `checked` state of a radio button or checkbox.
    #[inline(never)]
    pub fn checked(mut self, on: bool) -> E {
        self.0.set_checked(on);
        self
    }
}

impl From<E> for VNode {
    fn from(el: E) -> VNode {
        VNode::VTag(std::rc::Rc::new(*el.0))
    }
}

/// A view's actions: an element carries the index of its own as `data-act`.
pub struct Acts<A>(pub Vec<A>);

impl<A> Acts<A> {
    /// Registers an action, for `attr("data-act", …)`.
    pub fn add(&mut self, act: A) -> String {
        self.0.push(act);
        (self.0.len() - 1).to_string()
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
