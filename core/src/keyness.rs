//! Keywords (keyness): the words the open document uses more, or less, than the rest of the
//! corpus does, by log-likelihood (G²) with its p-value and Hardie's log ratio, as AntConc's
//! Keyword tool lists them. With one document there is no rest: the document is compared
//! with general English, a reference frequency list built into the page at build time.
//!
//! Counts are the term statistics' (a hyphenated compound counts once, as one word).
//!
//! **The reference list** is the 10,000 most frequent English words of wordfreq 3.1.1
//! (Robyn Speer; word lists CC BY-SA 4.0, see `core/data/LICENSES.md`), with their
//! frequency per billion words. The build maps each word to its term form, as the text's
//! words are, and embeds only what the corpus needs: the frequencies of its own terms, and
//! the few very common words it lacks that a document of its length could be shown to
//! under-use. wordfreq estimates rates from billions of words, so the comparison treats the
//! reference as 10⁹ words: G² is then in effect the test of the document's counts against
//! those rates. A word not in the list is rarer than its last word (5.9 per million), so
//! that rate is used as a bound, and the row says so: its keyness is at least what is shown.

use crate::corpus::Corpus;
use crate::index::{get_varint, put_varint, Blob, Vocab};
use crate::measures::{keyness_g2, log_ratio, p_value};
use crate::order::{descending, sort_by_u64};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// The size the reference list's rates are read against: per billion words.
pub const REFERENCE_WORDS: f64 = 1e9;

/// G² at least this large is significant at p < 0.05 (one degree of freedom).
const SIGNIFICANT_G2: f64 = 3.84;

/// General English as the page embeds it for one corpus.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Reference {
    /// The corpus's terms that are in the list and their rates per billion words: term id
    /// gaps and rates, as varints.
    terms: Blob,
    /// Words of the list that the corpus lacks but a document could significantly under-use,
    /// alphabetically, with their rates.
    pub others: Vec<(String, u32)>,
    /// The list's lowest rate: a bound for the words not in it.
    pub floor: u32,
    #[serde(skip)]
    decoded: OnceLock<Vec<u32>>,
}

impl PartialEq for Reference {
    fn eq(&self, other: &Self) -> bool {
        (&self.terms, &self.others, self.floor) == (&other.terms, &other.others, other.floor)
    }
}

impl Reference {
    /// The rate per billion words of a term, if the list has it.
    pub fn rate(&self, term: u32) -> Option<u32> {
        let rates = self.decoded.get_or_init(|| {
            let bytes = &self.terms.0;
            let mut out: Vec<u32> = Vec::new();
            let (mut at, mut term) = (0, 0u32);
            while at < bytes.len() {
                term = term.saturating_add(get_varint(bytes, &mut at));
                let rate = get_varint(bytes, &mut at);
                let i = term as usize;
                if i >= out.len() {
                    out.resize(i + 1, 0);
                }
                out[i] = rate;
            }
            out
        });
        rates.get(term as usize).copied().filter(|&r| r > 0)
    }

    /// Bytes embedded.
    pub fn encoded_len(&self) -> usize {
        self.terms.0.len() + self.others.iter().map(|(w, _)| w.len() + 4).sum::<usize>() + 4
    }

    /// The reference for a corpus with this vocabulary, whose longest document has
    /// `max_doc_words` words, from a list of `word<TAB>per_billion` lines (`#` comments).
    pub fn build(list: &str, vocab: &Vocab, max_doc_words: u32) -> Reference {
        let mut rates: std::collections::BTreeMap<String, u32> = Default::default();
        let mut floor = u32::MAX;
        for line in list.lines().filter(|l| !l.starts_with('#')) {
            let Some((word, rate)) = line.split_once('\t') else {
                continue;
            };
            let Ok(rate) = rate.trim().parse::<u32>() else {
                continue;
            };
            floor = floor.min(rate);
            // "it's" and "it" are one term in the text ("it"), so their rates add up.
            let form = crate::text::term_form(word);
            let sum = rates.entry(form).or_insert(0);
            *sum = sum.saturating_add(rate);
        }
        let mut terms = Vec::new();
        let mut prev = 0;
        let mut others = Vec::new();
        for (form, rate) in rates {
            match vocab.id(&form) {
                Some(term) => {
                    put_varint(&mut terms, term - prev);
                    put_varint(&mut terms, rate);
                    prev = term;
                }
                // Absent from the corpus, a word is under-used significantly only if a
                // document would be expected to hold it about twice (G² ≈ 2E for 0 against E).
                None => {
                    let expected = f64::from(rate) * f64::from(max_doc_words) / REFERENCE_WORDS;
                    if 2.0 * expected >= SIGNIFICANT_G2 {
                        others.push((form, rate));
                    }
                }
            }
        }
        Reference {
            terms: Blob(terms),
            others,
            floor: if floor == u32::MAX { 1 } else { floor },
            decoded: OnceLock::new(),
        }
    }

    /// The reference for a corpus, from the list in `core/data/` (the build's).
    #[cfg(feature = "extract")]
    pub fn english(vocab: &Vocab, max_doc_words: u32) -> Reference {
        Reference::build(
            include_str!("../data/reference_en.tsv"),
            vocab,
            max_doc_words,
        )
    }
}

/// What the open document is compared with.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Against {
    /// Every other document of the corpus.
    #[default]
    RestOfCorpus,
    /// General English (the reference list).
    Reference,
}

/// Which keywords are listed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KeywordConfig {
    /// The fewest occurrences a word has on the side that uses it more.
    pub min_freq: u32,
    /// The largest p-value listed (1 lists every word).
    pub max_p: f64,
    /// Whether stopwords are listed.
    pub stopwords: bool,
}

impl Default for KeywordConfig {
    fn default() -> Self {
        KeywordConfig {
            min_freq: 2,
            max_p: 0.05,
            stopwords: true,
        }
    }
}

/// A word of a keyword list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyTerm {
    /// A term of the corpus.
    Term(u32),
    /// A word of the reference list that the corpus lacks (index into its `others`).
    Reference(u32),
}

/// One keyword.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Keyword {
    pub key: KeyTerm,
    /// Occurrences in the open document.
    pub study: u32,
    /// Occurrences in the rest of the corpus, or the rate per billion words in general
    /// English.
    pub reference: f64,
    pub log_likelihood: f64,
    pub p: f64,
    pub log_ratio: f64,
    /// The word is not in the reference list: its rate there is at most `reference`, so its
    /// over-use is at least what is shown.
    pub bounded: bool,
}

/// The keywords of a document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Keywords {
    pub against: Against,
    /// Words in the open document and in what it is compared with.
    pub study_words: u64,
    pub reference_words: f64,
    /// Used more than in the reference, by G², highest first.
    pub over: Vec<Keyword>,
    /// Used less.
    pub under: Vec<Keyword>,
}

/// A column of a keyword list, to sort by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum KeywordColumn {
    Term,
    Study,
    Reference,
    #[default]
    LogLikelihood,
    /// The p-value, smallest first (the order of G², highest first).
    P,
    LogRatio,
}

impl KeywordColumn {
    pub const ALL: [KeywordColumn; 6] = [
        KeywordColumn::Term,
        KeywordColumn::Study,
        KeywordColumn::Reference,
        KeywordColumn::LogLikelihood,
        KeywordColumn::P,
        KeywordColumn::LogRatio,
    ];

    pub fn id(self) -> &'static str {
        match self {
            KeywordColumn::Term => "term",
            KeywordColumn::Study => "study",
            KeywordColumn::Reference => "reference",
            KeywordColumn::LogLikelihood => "g2",
            KeywordColumn::P => "p",
            KeywordColumn::LogRatio => "logratio",
        }
    }

    pub fn from_id(id: &str) -> Option<KeywordColumn> {
        KeywordColumn::ALL.into_iter().find(|c| c.id() == id)
    }
}

impl Corpus {
    /// The keywords of document `doc` against the rest of the corpus or general English (a
    /// corpus of one document has no rest: it is compared with general English).
    pub fn keywords(&self, doc: usize, against: Against, config: KeywordConfig) -> Keywords {
        let Some(study) = self.doc_stats.get(doc) else {
            return Keywords::default();
        };
        let against = if self.docs.len() < 2 {
            Against::Reference
        } else {
            against
        };
        let vocab = &self.index.vocab;
        let reference = &self.word_data.reference;
        let c = f64::from(study.words);
        let mut out = Keywords {
            against,
            study_words: u64::from(study.words),
            ..Keywords::default()
        };
        let listed = |key: KeyTerm| match key {
            KeyTerm::Term(t) => config.stopwords || !vocab.is_stop(t),
            KeyTerm::Reference(_) => config.stopwords,
        };
        let mut push = |key: KeyTerm, a: u32, b: f64, d: f64, bounded: bool| {
            if !listed(key) || c <= 0.0 || d <= 0.0 {
                return;
            }
            let a_f = f64::from(a);
            let over = a_f / c > b / d;
            let enough = if over {
                a >= config.min_freq
            } else {
                b >= f64::from(config.min_freq) || against == Against::Reference
            };
            if !enough || (bounded && !over) {
                return;
            }
            let g2 = keyness_g2(a_f, c, b, d);
            let p = p_value(g2);
            if p > config.max_p {
                return;
            }
            // A zero counts as 0.5 in the log ratio; in a very short document that can push
            // the estimate past zero, against the observed rates: it is then reported as 0.
            let ratio = log_ratio(a_f, c, b, d);
            let ratio = if over { ratio.max(0.0) } else { ratio.min(0.0) };
            let row = Keyword {
                key,
                study: a,
                reference: b,
                log_likelihood: g2,
                p,
                log_ratio: ratio,
                bounded,
            };
            if over {
                out.over.push(row);
            } else {
                out.under.push(row);
            }
        };
        match against {
            Against::RestOfCorpus => {
                let d = f64::from(self.stats.words.saturating_sub(study.words));
                out.reference_words = d;
                // Every term of the corpus, with its count in the document (0 if absent).
                let mut in_doc: Vec<u32> = vec![0; vocab.len()];
                for &(t, n) in study.terms() {
                    if let Some(slot) = in_doc.get_mut(t as usize) {
                        *slot = n;
                    }
                }
                for &(t, total) in self.stats.terms() {
                    let a = in_doc.get(t as usize).copied().unwrap_or(0);
                    push(
                        KeyTerm::Term(t),
                        a,
                        f64::from(total.saturating_sub(a)),
                        d,
                        false,
                    );
                }
            }
            Against::Reference => {
                let d = REFERENCE_WORDS;
                out.reference_words = d;
                let mut in_doc: Vec<bool> = vec![false; vocab.len()];
                for &(t, a) in study.terms() {
                    if vocab.is_number(t) {
                        continue;
                    }
                    if let Some(seen) = in_doc.get_mut(t as usize) {
                        *seen = true;
                    }
                    let (rate, bounded) = match reference.rate(t) {
                        Some(rate) => (rate, false),
                        None => (reference.floor, true),
                    };
                    push(KeyTerm::Term(t), a, f64::from(rate), d, bounded);
                }
                // Words of the list absent from the document.
                for &(t, _) in self.stats.terms() {
                    if !in_doc.get(t as usize).copied().unwrap_or(true) {
                        if let Some(rate) = reference.rate(t) {
                            push(KeyTerm::Term(t), 0, f64::from(rate), d, false);
                        }
                    }
                }
                for (i, (_, rate)) in reference.others.iter().enumerate() {
                    push(KeyTerm::Reference(i as u32), 0, f64::from(*rate), d, false);
                }
            }
        }
        let key_order = |k: &KeyTerm| self.keyword_rank(k);
        sort_keywords(&mut out.over, KeywordColumn::LogLikelihood, true, key_order);
        sort_keywords(
            &mut out.under,
            KeywordColumn::LogLikelihood,
            true,
            key_order,
        );
        out
    }

    /// A keyword's word.
    pub fn keyword_form(&self, key: &KeyTerm) -> &str {
        match *key {
            KeyTerm::Term(t) => self.index.vocab.form(t),
            KeyTerm::Reference(i) => self
                .word_data
                .reference
                .others
                .get(i as usize)
                .map_or("", |(w, _)| w.as_str()),
        }
    }

    /// Where a keyword's word stands in the alphabet among the corpus's terms and the
    /// reference's other words: terms at odd ranks, each other word at the even rank before
    /// the first term that sorts after it.
    pub fn keyword_rank(&self, key: &KeyTerm) -> u64 {
        match *key {
            KeyTerm::Term(t) => 2 * u64::from(t) + 1,
            KeyTerm::Reference(_) => {
                2 * self
                    .index
                    .vocab
                    .forms
                    .partition_point(self.keyword_form(key)) as u64
            }
        }
    }
}

impl Keywords {
    /// Both lists as CSV (`word,use,document,reference,g2,p,log_ratio,bounded`): the
    /// reference column holds occurrences in the rest of the corpus, or the rate per billion
    /// words in general English (the header says which).
    pub fn to_csv(&self, form: impl Fn(&KeyTerm) -> String) -> String {
        let reference = match self.against {
            Against::RestOfCorpus => "rest_of_corpus",
            Against::Reference => "english_per_billion",
        };
        let mut csv = crate::export::Csv::new(&format!(
            "word,use,document,{reference},g2,p,log_ratio,bounded"
        ));
        for (rows, use_) in [(&self.over, "over"), (&self.under, "under")] {
            for r in rows {
                csv.text(&form(&r.key))
                    .raw(use_)
                    .num(r.study.into())
                    .fixed(r.reference, 0)
                    .fixed(r.log_likelihood, 3)
                    .raw(&crate::format::probability(r.p))
                    .fixed(r.log_ratio, 3)
                    .raw(if r.bounded { "yes" } else { "no" })
                    .end();
            }
        }
        csv.finish()
    }
}

/// Sorts keywords by a column, highest (or first in the alphabet) first when
/// `descending_order`; ties alphabetically. `rank` orders words alphabetically
/// ([`Corpus::keyword_rank`]).
pub fn sort_keywords(
    rows: &mut [Keyword],
    column: KeywordColumn,
    descending_order: bool,
    rank: impl Fn(&KeyTerm) -> u64,
) {
    sort_by_u64(rows, |r| rank(&r.key));
    if column == KeywordColumn::Term {
        if !descending_order {
            rows.reverse();
        }
        return;
    }
    let value = |r: &Keyword| match column {
        KeywordColumn::Term => 0.0,
        KeywordColumn::Study => f64::from(r.study),
        KeywordColumn::Reference => r.reference,
        KeywordColumn::LogLikelihood | KeywordColumn::P => r.log_likelihood,
        KeywordColumn::LogRatio => r.log_ratio,
    };
    sort_by_u64(rows, |r| {
        let k = descending(value(r));
        if descending_order {
            k
        } else {
            !k
        }
    });
}

#[cfg(all(test, feature = "extract"))]
mod tests {
    use super::*;
    use crate::document::Document;

    fn corpus(texts: &[&str]) -> Corpus {
        Corpus::build(
            texts
                .iter()
                .enumerate()
                .map(|(i, t)| Document::parse(&format!("d{i}.txt"), t))
                .collect(),
        )
    }

    /// `(form, study, reference, G² to 4 places, log ratio to 4 places)` of each row.
    fn rows(corpus: &Corpus, rows: &[Keyword]) -> Vec<(String, u32, f64, f64, f64)> {
        let round = |x: f64| (x * 1e4).round() / 1e4;
        rows.iter()
            .map(|r| {
                (
                    corpus.keyword_form(&r.key).to_string(),
                    r.study,
                    r.reference,
                    round(r.log_likelihood),
                    round(r.log_ratio),
                )
            })
            .collect()
    }

    const EVERY: KeywordConfig = KeywordConfig {
        min_freq: 1,
        max_p: 1.0,
        stopwords: true,
    };

    #[test]
    fn a_document_against_the_rest_by_hand() {
        // Document 0: "Cats" (title) + "cat cat cat dog" = 5 words; the rest: "Dogs" + "dog
        // dog dog cat" + "Birds" + "bird dog" = 8 words.
        let c = corpus(&[
            "Cats\n\ncat cat cat dog",
            "Dogs\n\ndog dog dog cat",
            "Birds\n\nbird dog",
        ]);
        let k = c.keywords(0, Against::RestOfCorpus, EVERY);
        assert_eq!((k.study_words, k.reference_words), (5, 8.0));
        // cat: 3 of 5 against 1 of 8. E1 = 5 × 4 / 13 = 1.538462, E2 = 2.461538;
        // the other words: 2 of 5 and 7 of 8, E = 3.461538 and 5.538462.
        // G² = 2 (3 ln(3/1.538462) + 1 ln(1/2.461538) + 2 ln(2/3.461538) + 7 ln(7/5.538462))
        //    = 2 (2.003488 − 0.900787 − 1.097132 + 1.639354) = 3.289847 (scipy: 3.289847);
        // log ratio = log₂((3/5) / (1/8)) = log₂ 4.8 = 2.263034.
        // cats: 1 of 5 against 0 of 8: G² = 2 (1 ln(1/0.384615) + 4 ln(4/4.615385)
        //   + 8 ln(8/7.384615)) = 2 (0.955511 − 0.572403 + 0.640342) = 2.046899; log ratio,
        //   the 0 read as 0.5: log₂((1/5) / (0.5/8)) = log₂ 3.2 = 1.678072.
        assert_eq!(
            rows(&c, &k.over),
            [
                ("cat".into(), 3, 1.0, 3.2898, 2.263),
                ("cats".into(), 1, 0.0, 2.0469, 1.6781),
            ]
        );
        // dog: 1 of 5 against 4 of 8, under-used (scipy: 1.228860; log₂((1/5) / (4/8)) =
        // −1.321928); bird, birds and dogs: 0 of 5 against 1 of 8 (1.022601; log₂((0.5/5) /
        // (1/8)) = log₂ 0.8 = −0.321928).
        assert_eq!(
            rows(&c, &k.under),
            [
                ("dog".into(), 1, 4.0, 1.2289, -1.3219),
                ("bird".into(), 0, 1.0, 1.0226, -0.3219),
                ("birds".into(), 0, 1.0, 1.0226, -0.3219),
                ("dogs".into(), 0, 1.0, 1.0226, -0.3219),
            ]
        );
        // The default listing keeps p < 0.05 (G² ≥ 3.84) only: nothing in so short a text.
        let k = c.keywords(0, Against::RestOfCorpus, KeywordConfig::default());
        assert!(k.over.is_empty() && k.under.is_empty());
    }

    #[test]
    fn one_document_is_compared_with_general_english() {
        // 301 words: a title and fifty times "The zeppelin flew over the sea."
        let text = format!(
            "Zeppelins\n\n{}",
            "The zeppelin flew over the sea. ".repeat(50)
        );
        let c = corpus(&[&text]);
        let k = c.keywords(0, Against::RestOfCorpus, KeywordConfig::default());
        assert_eq!(k.against, Against::Reference);
        assert_eq!(k.reference_words, REFERENCE_WORDS);
        let over = rows(&c, &k.over);
        assert_eq!(over[0].0, "zeppelin");
        // "zeppelin" is not in the 10,000 words: its rate is bounded by the last one's.
        assert!(k.over[0].bounded);
        assert_eq!(k.over[0].reference, f64::from(c.word_data.reference.floor));
        // "the" (100 in 301 words against 53.7 million per billion) is over-used too, and
        // the very common words the text lacks are under-used: "to", "and", "of"…
        assert!(over.iter().any(|r| r.0 == "the"));
        let under: Vec<String> = rows(&c, &k.under).into_iter().map(|r| r.0).collect();
        assert!(under.len() >= 3, "{under:?}");
        assert!(under.iter().all(|w| w != "the" && w != "zeppelin"));
        assert!(k.under.iter().all(|r| r.study == 0 && !r.bounded));
    }

    #[test]
    fn the_reference_embeds_what_the_corpus_needs() {
        let list = "# a comment\nthe\t50000000\nit\t9000000\nit's\t1000000\ncat\t20000\nzyx\t5\nbad line\n";
        let c = corpus(&["T\n\nThe cat sat."]);
        let vocab = &c.index.vocab;
        let r = Reference::build(list, vocab, 1000);
        assert_eq!(r.rate(vocab.id("the").unwrap()), Some(50_000_000));
        assert_eq!(r.rate(vocab.id("cat").unwrap()), Some(20_000));
        assert_eq!(r.rate(vocab.id("sat").unwrap()), None);
        assert_eq!(r.floor, 5);
        // "it" and "it's" are one term; absent from the text and expected 10 times in
        // 1,000 words, it is listed for under-use; "zyx" is not (0.000005 expected).
        assert_eq!(r.others, [("it".to_string(), 10_000_000)]);
        let empty = Reference::build("", vocab, 1000);
        assert_eq!((empty.floor, empty.others.len()), (1, 0));
    }

    #[test]
    fn sorting_and_filters() {
        let c = corpus(&[
            "Cats\n\ncat cat cat dog the",
            "Dogs\n\ndog dog dog cat the",
            "Birds\n\nbird dog",
        ]);
        let mut k = c.keywords(0, Against::RestOfCorpus, EVERY);
        let forms = |rows: &[Keyword]| -> Vec<String> {
            rows.iter()
                .map(|r| c.keyword_form(&r.key).to_string())
                .collect()
        };
        sort_keywords(&mut k.under, KeywordColumn::Term, true, |key| {
            c.keyword_rank(key)
        });
        assert_eq!(forms(&k.under), ["bird", "birds", "dog", "dogs"]);
        sort_keywords(&mut k.under, KeywordColumn::Reference, true, |key| {
            c.keyword_rank(key)
        });
        assert_eq!(forms(&k.under)[0], "dog");
        let no_stop = c.keywords(
            0,
            Against::RestOfCorpus,
            KeywordConfig {
                stopwords: false,
                ..EVERY
            },
        );
        assert!(!forms(&no_stop.over).contains(&"the".to_string()));
        for col in KeywordColumn::ALL {
            assert_eq!(KeywordColumn::from_id(col.id()), Some(col));
        }
        assert_eq!(
            c.keywords(9, Against::RestOfCorpus, EVERY),
            Keywords::default()
        );
    }

    #[test]
    fn a_log_ratio_never_contradicts_the_rates() {
        // "b" is absent from a one-word document: under-used, though 0.5 in 1 word is more
        // than its rate in general English.
        let c = corpus(&["a", "b"]);
        for against in [Against::RestOfCorpus, Against::Reference] {
            let k = c.keywords(0, against, EVERY);
            assert!(k.under.iter().all(|r| r.log_ratio <= 0.0), "{against:?}");
            assert!(k.over.iter().all(|r| r.log_ratio >= 0.0), "{against:?}");
        }
    }

    #[test]
    fn csv_export() {
        let c = corpus(&[
            "Cats\n\ncat cat cat dog",
            "Dogs\n\ndog dog dog cat",
            "Birds\n\nbird dog",
        ]);
        let mut k = c.keywords(0, Against::RestOfCorpus, EVERY);
        k.under.truncate(1);
        assert_eq!(
            k.to_csv(|key| c.keyword_form(key).to_string()),
            "word,use,document,rest_of_corpus,g2,p,log_ratio,bounded\r\n\
             cat,over,3,1,3.290,0.070,2.263,no\r\n\
             cats,over,1,0,2.047,0.153,1.678,no\r\n\
             dog,under,1,4,1.229,0.268,-1.322,no\r\n"
        );
    }
}
