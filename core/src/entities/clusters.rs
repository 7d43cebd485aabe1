//! Word clusters (`core/data/clusters.tsv`): each word seen often enough in unlabelled text
//! with a path of three hex digits, one per level of a 16-way split by the words' neighbours
//! (made by `train::clusters`, reproduced by the training command's `--clusters`). The tagger
//! sees a token's cluster at each level as features, so a word it never saw in training
//! counts like the words that keep the same company.

use super::lexicon::FastMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../../data/clusters.tsv");

/// The key a word is clustered and looked up under: folded with its case kept (as the
/// tagger's features spell words).
#[cfg(feature = "train")]
pub(crate) fn cluster_key(word: &str) -> std::borrow::Cow<'_, str> {
    if word.bytes().all(|b| b.is_ascii() && b != b'`') {
        return std::borrow::Cow::Borrowed(word);
    }
    let mut key = String::new();
    crate::text::fold_keep_case_into(word, &mut key);
    std::borrow::Cow::Owned(key)
}

/// The cluster path of a word as written (after `cluster_key`), if the table has it.
pub(crate) fn cluster(key: &str) -> Option<u16> {
    static MAP: OnceLock<FastMap<&'static str, u16>> = OnceLock::new();
    MAP.get_or_init(|| {
        TABLE
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (word, path) = l.split_once('\t')?;
                Some((word, u16::from_str_radix(path, 16).ok()?))
            })
            .collect()
    })
    .get(key)
    .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_read_and_words_that_keep_company_share_a_coarse_cluster() {
        // Capitals stand between the same words ("in London", "to Paris").
        let london = cluster("London").expect("London is clustered");
        let paris = cluster("Paris").expect("Paris is clustered");
        assert_eq!(london >> 4, paris >> 4);
        assert_eq!(cluster("qzxv-not-a-word"), None);
    }
}
