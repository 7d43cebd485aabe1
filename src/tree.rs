//! Elements built as data for the corpus views: `e("td").class("num").text_s(n)` makes the
//! same virtual DOM node as `html! { <td class="num">{ n }</td> }`, but each call is one
//! small function call, where each `html!` site compiles to its own construction code. The
//! three corpus views are hundreds of elements of a few kinds; built this way they cost the
//! page a fraction of what `html!` costs. Every method here is compiled once: none is
//! generic, none is inlined into its callers.
//!
//! Text is always a text node, never parsed as HTML. Interactive elements carry a
//! `data-act` index into the view's list of actions ([`Acts`]); the view's one click listener
//! finds it with [`clicked_act`]. The lazily loaded module (`views/`) builds the same kinds of
//! element as plain data and patches the DOM with them (`views/tree.rs`).

pub use crate::acts::{clicked_act, Acts, Handler, Numbered};
use std::rc::Rc;
use web_sys::{Event, MouseEvent};
use yew::html::{onchange, onclick};
use yew::virtual_dom::{VNode, VTag, VText};
use yew::{AttrValue, Callback};

/// An element under construction (boxed: each builder call moves a pointer, not the node).
pub struct E(Box<VTag>);

/// A new element.
#[inline(never)]
pub fn e(tag: &'static str) -> E {
    E(Box::new(VTag::new(AttrValue::Static(tag))))
}

impl E {
    /// Sets an attribute to a fixed value.
    #[inline(never)]
    pub fn attr(mut self, key: &'static str, value: &'static str) -> E {
        self.0.add_attribute(key, AttrValue::Static(value));
        self
    }

    /// Sets an attribute to a computed value.
    #[inline(never)]
    pub fn attr_s(mut self, key: &'static str, value: String) -> E {
        self.0.add_attribute(key, AttrValue::from(value));
        self
    }

    /// Sets an attribute to a number.
    #[inline(never)]
    pub fn attr_n(self, key: &'static str, value: u32) -> E {
        self.attr_s(key, value.to_string())
    }

    /// Sets an attribute when `on`.
    #[inline(never)]
    pub fn attr_if(self, on: bool, key: &'static str, value: &'static str) -> E {
        if on {
            self.attr(key, value)
        } else {
            self
        }
    }

    #[inline(never)]
    pub fn class(self, class: &'static str) -> E {
        self.attr("class", class)
    }

    /// Appends fixed text.
    #[inline(never)]
    pub fn text(mut self, text: &'static str) -> E {
        self.0
            .add_child(VNode::VText(VText::new(AttrValue::Static(text))));
        self
    }

    /// Appends computed text (a text node: never parsed as HTML).
    #[inline(never)]
    pub fn text_s(mut self, text: String) -> E {
        self.0
            .add_child(VNode::VText(VText::new(AttrValue::from(text))));
        self
    }

    /// Appends a child element.
    #[inline(never)]
    pub fn child(mut self, child: E) -> E {
        self.0.add_child(child.into());
        self
    }

    /// Listens for clicks and changes inside the element (they bubble to it).
    #[inline(never)]
    pub fn listen(mut self, handler: Handler) -> E {
        let on_change = handler.clone();
        self.0
            .add_listener(Rc::new(onclick::Wrapper::new(Callback::from(
                move |ev: MouseEvent| handler(&ev, false),
            ))));
        self.0
            .add_listener(Rc::new(onchange::Wrapper::new(Callback::from(
                move |ev: Event| on_change(&ev, true),
            ))));
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

impl Numbered for E {
    fn attr_n(self, key: &'static str, value: u32) -> E {
        E::attr_n(self, key, value)
    }
}
