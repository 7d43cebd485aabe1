//! Strict scoring, as the held-out sets are scored: a predicted mention counts only
//! with the exact span and kind of a gold one, over PER, ORG and LOC (GPE counted as LOC;
//! NORP and EVENT not scored). Predictions inside ignored spans count for nothing.

use super::data::{GoldKind, GoldSpan, LabelledDoc};
use crate::entities::Entity;
use std::collections::HashSet;

/// True positives, predictions and gold mentions of one kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.predicted)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.gold)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.predicted += other.predicted;
        self.gold += other.gold;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Counts per kind (PER, ORG, LOC) over a set of documents.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Score {
    pub by_kind: [Counts; 3],
}

impl Score {
    pub fn kind(&self, kind: GoldKind) -> Counts {
        self.by_kind[kind as usize]
    }

    /// Adds another score's counts to this one.
    pub fn add(&mut self, other: &Score) {
        for (c, o) in self.by_kind.iter_mut().zip(other.by_kind) {
            c.add(o);
        }
    }

    /// Micro-averaged over the three kinds.
    pub fn all(&self) -> Counts {
        let mut all = Counts::default();
        for c in self.by_kind {
            all.add(c);
        }
        all
    }

    /// Scores one document's predictions.
    pub fn add_doc(&mut self, doc: &LabelledDoc, predicted: &[GoldSpan]) {
        let ignored = |p: &GoldSpan| doc.ignore.iter().any(|&(s, e)| p.start < e && s < p.end);
        let gold: HashSet<&GoldSpan> = doc.gold.iter().collect();
        for p in predicted.iter().filter(|p| !ignored(p)) {
            let c = &mut self.by_kind[p.kind as usize];
            c.predicted += 1;
            if gold.contains(p) {
                c.tp += 1;
            }
        }
        for g in &doc.gold {
            self.by_kind[g.kind as usize].gold += 1;
        }
    }
}

/// The scored mentions of extracted entities.
pub fn predicted_spans(entities: &[Entity]) -> Vec<GoldSpan> {
    let mut out: Vec<GoldSpan> = entities
        .iter()
        .filter_map(|e| Some((GoldKind::of(e.kind)?, e)))
        .flat_map(|(kind, e)| {
            e.mentions.iter().map(move |m| GoldSpan {
                start: m.start as usize,
                end: m.end as usize,
                kind,
            })
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    #[test]
    fn strict_span_and_kind() {
        let span = |start, end, kind| GoldSpan { start, end, kind };
        let doc = LabelledDoc {
            doc: Document::parse("x", "Ann Lee met @bob in Paris and Rome."),
            gold: vec![
                span(0, 7, GoldKind::Per),
                span(21, 26, GoldKind::Loc),
                span(31, 35, GoldKind::Loc),
            ],
            ignore: vec![(12, 16)],
        };
        let mut score = Score::default();
        score.add_doc(
            &doc,
            &[
                span(0, 3, GoldKind::Per),   // wrong span
                span(13, 16, GoldKind::Per), // ignored
                span(21, 26, GoldKind::Loc), // right
                span(31, 35, GoldKind::Org), // wrong kind
            ],
        );
        assert_eq!(
            score.kind(GoldKind::Per),
            Counts {
                tp: 0,
                predicted: 1,
                gold: 1
            }
        );
        assert_eq!(
            score.kind(GoldKind::Loc),
            Counts {
                tp: 1,
                predicted: 1,
                gold: 2
            }
        );
        assert_eq!(
            score.kind(GoldKind::Org),
            Counts {
                tp: 0,
                predicted: 1,
                gold: 0
            }
        );
        let all = score.all();
        assert_eq!((all.tp, all.predicted, all.gold), (1, 3, 3));
        assert!((all.f1() - 1.0 / 3.0).abs() < 1e-9);
    }
}
