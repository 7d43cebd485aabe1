//! `Shared<T>`: an `Rc` compared by identity, for props that hold memoised values.

use std::rc::Rc;

/// An `Rc` compared by identity: memoised values are the same allocation until their inputs
/// change, so props holding them compare in constant time.
#[derive(Debug, Default)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}
