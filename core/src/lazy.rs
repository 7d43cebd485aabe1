//! Values embedded as bytes and decoded on first use: start-up pays nothing for the parts of
//! the corpus (another document's entities, the stem table) that a visit may never touch.

use crate::index::Blob;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::sync::OnceLock;

pub struct Lazy<T> {
    bytes: Blob,
    value: OnceLock<T>,
}

impl<T: Serialize + DeserializeOwned> Lazy<T> {
    pub fn new(value: T) -> Lazy<T> {
        // Encoding into a Vec cannot fail for the plain data types used here.
        let bytes = postcard::to_allocvec(&value).unwrap_or_default();
        Lazy {
            bytes: Blob(bytes),
            value: OnceLock::from(value),
        }
    }

    /// The value, decoded the first time it is asked for.
    pub fn get(&self) -> &T {
        self.value.get_or_init(|| {
            // The bytes were written by `new` from the same type; failing here means the
            // build embedded something else, which no input can cause.
            // (Not `expect`: the page would carry the error's Debug formatting for nothing.)
            postcard::from_bytes(&self.bytes.0).unwrap_or_else(|_| panic!("embedded data decodes"))
        })
    }

    /// The encoded size in bytes.
    pub fn encoded_len(&self) -> usize {
        self.bytes.0.len()
    }
}

impl<T> Serialize for Lazy<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.bytes.serialize(serializer)
    }
}

impl<'de, T> Deserialize<'de> for Lazy<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Lazy<T>, D::Error> {
        Ok(Lazy {
            bytes: Blob::deserialize(deserializer)?,
            value: OnceLock::new(),
        })
    }
}

impl<T: Clone> Clone for Lazy<T> {
    fn clone(&self) -> Self {
        Lazy {
            bytes: self.bytes.clone(),
            value: self.value.clone(),
        }
    }
}

impl<T> PartialEq for Lazy<T> {
    fn eq(&self, other: &Self) -> bool {
        self.bytes == other.bytes
    }
}

impl<T> std::fmt::Debug for Lazy<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Lazy({} bytes)", self.bytes.0.len())
    }
}

impl<T: Serialize + DeserializeOwned + Default> Default for Lazy<T> {
    fn default() -> Self {
        Lazy::new(T::default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_on_first_use_after_a_round_trip() {
        let lazy = Lazy::new(vec!["a".to_string(), "ß".to_string()]);
        let bytes = postcard::to_allocvec(&lazy).unwrap();
        let back: Lazy<Vec<String>> = postcard::from_bytes(&bytes).unwrap();
        assert!(back.value.get().is_none());
        assert_eq!(back.get(), &["a", "ß"]);
        assert_eq!(back, lazy);
    }
}
