//! Compact embedded forms: a table of strings in one allocation, and bytes that serialise
//! as one byte string.

use serde::{Deserialize, Serialize};

/// Strings kept as one text and their end offsets: decoding is one allocation, not one
/// per string (the vocabulary of a large corpus has tens of thousands). Embedded as the text
/// and each string's length (one byte for most), the ends rebuilt on decoding.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StrTable {
    text: String,
    ends: Vec<u32>,
}

#[derive(Serialize, Deserialize)]
struct StrTableParts {
    text: String,
    lens: Vec<u32>,
}

impl Serialize for StrTable {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let lens = self.ends.iter().scan(0, |prev, &end| {
            let len = end - *prev;
            *prev = end;
            Some(len)
        });
        StrTableParts {
            text: self.text.clone(),
            lens: lens.collect(),
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for StrTable {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<StrTable, D::Error> {
        let parts = StrTableParts::deserialize(deserializer)?;
        let ends = parts.lens.iter().scan(0u32, |end, &len| {
            *end = end.saturating_add(len);
            Some(*end)
        });
        Ok(StrTable {
            ends: ends.collect(),
            text: parts.text,
        })
    }
}

impl StrTable {
    pub fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.ends.push(self.text.len() as u32);
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// String `i`, or "" if there is none.
    pub fn get(&self, i: usize) -> &str {
        let Some(&end) = self.ends.get(i) else {
            return "";
        };
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        self.text.get(start as usize..end as usize).unwrap_or("")
    }

    /// The number of strings (in a sorted table) that sort before `s`.
    pub fn partition_point(&self, s: &str) -> usize {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.get(mid) < s {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// Where `s` is in a sorted table.
    pub fn find(&self, s: &str) -> Option<usize> {
        let i = self.partition_point(s);
        (i < self.len() && self.get(i) == s).then_some(i)
    }
}

impl<'a> FromIterator<&'a str> for StrTable {
    fn from_iter<I: IntoIterator<Item = &'a str>>(items: I) -> StrTable {
        let mut table = StrTable::default();
        items.into_iter().for_each(|s| table.push(s));
        table
    }
}

/// Bytes that serialise as one byte string (postcard writes them as-is), not as a sequence
/// of numbers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Blob(pub Vec<u8>);

impl Serialize for Blob {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(&self.0)
    }
}

impl<'de> Deserialize<'de> for Blob {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Blob, D::Error> {
        struct BlobVisitor;
        impl<'de> serde::de::Visitor<'de> for BlobVisitor {
            type Value = Blob;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("bytes")
            }
            fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<Blob, E> {
                Ok(Blob(v.to_vec()))
            }
            fn visit_byte_buf<E: serde::de::Error>(self, v: Vec<u8>) -> Result<Blob, E> {
                Ok(Blob(v))
            }
        }
        deserializer.deserialize_byte_buf(BlobVisitor)
    }
}
