//! The lazily loaded module's elements: built with the same calls as the page's `tree.rs`
//! (`e("td").class("num").text_s(n)`), but as plain data, which [`patch`] then writes into
//! the DOM under a host element the page leaves empty for it. Patching changes only what
//! differs (an attribute, a text, a missing or surplus node), so the element that has focus,
//! a drop-down's choice and the scroll position survive a redraw, as they do under yew.
//!
//! Text is always a text node, never parsed as HTML. The panel's one click and one change
//! listener sit on the host and find the element's action with [`clicked_act`].

pub use crate::acts::{clicked_act, Acts, Handler, Numbered};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement, HtmlOptionElement, Node as DomNode};

/// A node: an element or a text.
pub enum Node {
    El(E),
    Text(String),
}

/// An element under construction.
pub struct E {
    tag: &'static str,
    attrs: Vec<(&'static str, String)>,
    kids: Vec<Node>,
    checked: Option<bool>,
    handler: Option<Handler>,
}

/// A new element.
pub fn e(tag: &'static str) -> E {
    E {
        tag,
        attrs: Vec::new(),
        kids: Vec::new(),
        checked: None,
        handler: None,
    }
}

impl E {
    /// Sets an attribute to a fixed value.
    pub fn attr(self, key: &'static str, value: &'static str) -> E {
        self.attr_s(key, value.to_string())
    }

    /// Sets an attribute to a computed value (a later value for the same key wins).
    pub fn attr_s(mut self, key: &'static str, value: String) -> E {
        match self.attrs.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = value,
            None => self.attrs.push((key, value)),
        }
        self
    }

    /// Sets an attribute to a number.
    pub fn attr_n(self, key: &'static str, value: u32) -> E {
        self.attr_s(key, value.to_string())
    }

    /// Sets an attribute when `on`.
    pub fn attr_if(self, on: bool, key: &'static str, value: &'static str) -> E {
        if on {
            self.attr(key, value)
        } else {
            self
        }
    }

    pub fn class(self, class: &'static str) -> E {
        self.attr("class", class)
    }

    /// Appends fixed text.
    pub fn text(self, text: &'static str) -> E {
        self.text_s(text.to_string())
    }

    /// Appends computed text (a text node: never parsed as HTML).
    pub fn text_s(mut self, text: String) -> E {
        // Adjacent texts are one DOM text node once parsed or serialised: keep them one here
        // too, so that patching compares like with like.
        match self.kids.last_mut() {
            Some(Node::Text(last)) => last.push_str(&text),
            _ => self.kids.push(Node::Text(text)),
        }
        self
    }

    /// Appends a child element.
    pub fn child(mut self, child: E) -> E {
        self.kids.push(Node::El(child));
        self
    }

    /// What a click or a change inside the element does: [`mount`] puts it on the host.
    pub fn listen(mut self, handler: Handler) -> E {
        self.handler = Some(handler);
        self
    }

    /// The `checked` state of a radio button or checkbox.
    pub fn checked(mut self, on: bool) -> E {
        self.checked = Some(on);
        self
    }

    /// The handler given to [`E::listen`], taken out of the tree.
    pub fn take_handler(&mut self) -> Option<Handler> {
        self.handler.take()
    }
}

impl Numbered for E {
    fn attr_n(self, key: &'static str, value: u32) -> E {
        E::attr_n(self, key, value)
    }
}

const SVG: &str = "http://www.w3.org/2000/svg";

/// Makes `parent`'s children the nodes `kids` describe, changing only what differs.
pub fn patch(document: &Document, parent: &DomNode, kids: &[Node], in_svg: bool) {
    let mut cur = parent.first_child();
    for kid in kids {
        let next = match (&cur, kid) {
            (Some(old), Node::Text(text)) if old.node_type() == DomNode::TEXT_NODE => {
                if old.node_value().as_deref() != Some(text.as_str()) {
                    old.set_node_value(Some(text));
                }
                old.next_sibling()
            }
            (Some(old), Node::El(el)) if same_tag(old, el.tag) => {
                patch_element(document, old.unchecked_ref(), el, in_svg);
                old.next_sibling()
            }
            _ => {
                let Some(fresh) = create(document, kid, in_svg) else {
                    return;
                };
                let placed = match &cur {
                    Some(old) => parent.replace_child(&fresh, old),
                    None => parent.append_child(&fresh),
                };
                if placed.is_err() {
                    return;
                }
                let next = cur.as_ref().and_then(|_| fresh.next_sibling());
                next
            }
        };
        cur = next;
    }
    // Whatever is left over is no longer drawn.
    while let Some(old) = cur {
        cur = old.next_sibling();
        let _ = parent.remove_child(&old);
    }
}

/// Whether a DOM node is an element of this tag (HTML tag names compare in either case).
fn same_tag(node: &DomNode, tag: &str) -> bool {
    node.dyn_ref::<Element>()
        .is_some_and(|el| el.local_name().eq_ignore_ascii_case(tag))
}

fn create(document: &Document, node: &Node, in_svg: bool) -> Option<DomNode> {
    match node {
        Node::Text(text) => Some(document.create_text_node(text).into()),
        Node::El(el) => {
            let svg = in_svg || el.tag == "svg";
            let made = if svg {
                document.create_element_ns(Some(SVG), el.tag)
            } else {
                document.create_element(el.tag)
            };
            let made = made.ok()?;
            patch_element(document, &made, el, in_svg);
            Some(made.into())
        }
    }
}

fn patch_element(document: &Document, dom: &Element, el: &E, in_svg: bool) {
    for (key, value) in &el.attrs {
        if dom.get_attribute(key).as_deref() != Some(value.as_str()) {
            let _ = dom.set_attribute(key, value);
        }
    }
    let names = dom.get_attribute_names();
    for name in names.iter().filter_map(|n| n.as_string()) {
        if !el.attrs.iter().any(|(k, _)| *k == name) {
            let _ = dom.remove_attribute(&name);
        }
    }
    if let Some(on) = el.checked {
        if let Some(input) = dom.dyn_ref::<HtmlInputElement>() {
            if input.checked() != on {
                input.set_checked(on);
            }
        }
    }
    if let Some(option) = dom.dyn_ref::<HtmlOptionElement>() {
        // The attribute is the default; what a drop-down shows is the property.
        let on = el.attrs.iter().any(|(k, _)| *k == "selected");
        if option.selected() != on {
            option.set_selected(on);
        }
    }
    patch(document, dom, &el.kids, in_svg || el.tag == "svg");
}
