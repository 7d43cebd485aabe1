//! The entity network (Voyant's RezoViz): which entities are mentioned in the same sentence,
//! in how many sentences, and a picture of it with a deterministic layout.
//!
//! Everything here is computed at build time ([`Network::build`]): the most mentioned
//! entities of the corpus, every pair of them that shares a sentence, and a layout for each
//! size the page offers. The page only draws the coordinates. The sentences behind each edge
//! are embedded apart and decoded on the first click on an edge.

use crate::corpus::Corpus;
use crate::document::Document;
use crate::entities::{Entity, EntityKind};
use crate::export::{json_string, Csv};
use crate::lazy::Lazy;
use crate::order::sort_by_u64;
use crate::query::entity_filter;
use crate::span::Span;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

/// Most entities in the network.
pub const MAX_NODES: usize = 100;

/// How many of the most mentioned entities the page offers to show; the corpus's own count
/// is offered too when it is smaller than the largest of these.
pub const SIZES: [usize; 4] = [10, 25, 50, 100];

/// The layout's square: coordinates run from 0 to `EXTENT` on both axes.
pub const EXTENT: f64 = 1000.0;

/// Radii of the smallest and the most mentioned node, in layout units.
pub const RADIUS_MIN: f64 = 8.0;
pub const RADIUS_MAX: f64 = 30.0;

/// Space kept between two nodes' boxes, and between a box and the square's edge.
const GAP: f64 = 6.0;

/// The labels' font size in layout units, the space between a circle and its label, and
/// the width of a label's average character as a share of the font size (generous for a
/// sans-serif face, so that labels set in the page's font fit the room left for them).
pub const LABEL_FONT: f64 = 30.0;
pub const LABEL_GAP: f64 = 6.0;
const CHAR_WIDTH: f64 = 0.6;

/// Labels are cut to this many characters (the full name is in the node's title).
pub const LABEL_CHARS: usize = 20;

/// Only the most mentioned nodes are labelled, so that labels stay legible.
pub const LABELLED: usize = 30;

/// Rounds of the force-directed layout.
const ITERATIONS: usize = 300;

/// An entity across the corpus: its kind and name.
type NodeKey<'a> = (EntityKind, &'a str);

/// The network of the most mentioned entities.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Network {
    /// The most mentioned entities (up to [`MAX_NODES`]), most mentioned first.
    pub nodes: Vec<Node>,
    /// Pairs of nodes mentioned in the same sentence, sorted by `(a, b)`, `a < b`.
    pub edges: Vec<Edge>,
    /// One layout per size offered, smallest first; see [`Network::layout`].
    pub layouts: Vec<Layout>,
    /// Per edge, the sentences where both are mentioned.
    sentences: Lazy<SentenceTable>,
}

/// The sentences behind the edges, each stored once however many edges it is behind.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
struct SentenceTable {
    /// Every sentence that mentions two nodes or more: (document, sentence), in corpus and
    /// text order.
    spans: Vec<(u32, Span)>,
    /// Per edge, its sentences: indices into `spans`, each as the gap from the one before.
    edges: Vec<Vec<u32>>,
}

/// One entity across the corpus (entities of the same kind and name in several documents
/// are one node).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Node {
    pub kind: EntityKind,
    pub name: String,
    /// Mentions in the whole corpus.
    pub mentions: u32,
    /// Documents that mention it.
    pub docs: u32,
}

/// Two nodes mentioned together in `sentences` sentences.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edge {
    pub a: u32,
    pub b: u32,
    pub sentences: u32,
}

/// Where the first `points.len()` nodes go when that many are shown: centres in the square
/// `0..=EXTENT`, circles of [`Network::radius`] not overlapping.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Layout {
    pub points: Vec<(u16, u16)>,
}

impl Network {
    /// The network of a corpus's documents and their entities (one list per document).
    pub fn build(docs: &[Document], entities: &[Vec<Entity>]) -> Network {
        // Nodes: entities by kind and name, the most mentioned first (then the most
        // widespread, then by kind and name, so that ties are broken the same every time).
        // (kind, name) → (mentions, documents).
        let mut totals: HashMap<NodeKey, (u32, u32)> = HashMap::new();
        for doc_entities in entities {
            for e in doc_entities {
                let total = totals.entry((e.kind, e.canonical.as_str())).or_default();
                total.0 += e.count() as u32;
                total.1 += 1;
            }
        }
        let mut ranked: Vec<(NodeKey, (u32, u32))> = totals.into_iter().collect();
        ranked.sort_unstable_by(|(ka, (ma, da)), (kb, (mb, db))| {
            mb.cmp(ma).then(db.cmp(da)).then(ka.cmp(kb))
        });
        ranked.truncate(MAX_NODES);
        let node_of: HashMap<NodeKey, u32> = ranked
            .iter()
            .enumerate()
            .map(|(i, (key, _))| (*key, i as u32))
            .collect();
        let nodes: Vec<Node> = ranked
            .iter()
            .map(|&((kind, name), (mentions, docs))| Node {
                kind,
                name: name.to_string(),
                mentions,
                docs,
            })
            .collect();

        // Edges: per sentence, every pair of the nodes it mentions.
        let mut table = SentenceTable::default();
        let mut pairs: BTreeMap<(u32, u32), Vec<u32>> = BTreeMap::new();
        for (d, doc) in docs.iter().enumerate() {
            let doc_entities = entities.get(d).map_or(&[][..], Vec::as_slice);
            let mut mentions: Vec<(Span, Option<u32>)> = doc_entities
                .iter()
                .flat_map(|e| {
                    let node = node_of.get(&(e.kind, e.canonical.as_str())).copied();
                    e.mentions.iter().map(move |&m| (m, node))
                })
                .collect();
            mentions.sort_unstable_by_key(|(m, _)| (m.start, m.end));
            let mut sentences = crate::sentences::sentences(doc);
            let spans: Vec<Span> = mentions.iter().map(|(m, _)| *m).collect();
            crate::sentences::join_across(&mut sentences, &spans);
            let mut in_sentence: Vec<Vec<u32>> = vec![Vec::new(); sentences.len()];
            for (m, node) in mentions {
                let Some(node) = node else { continue };
                let i = sentences.partition_point(|s| s.end <= m.start);
                // Mentions in a header field (a byline) are in no sentence.
                if sentences.get(i).is_some_and(|s| s.start <= m.start) {
                    in_sentence[i].push(node);
                }
            }
            for (sentence, mut found) in sentences.iter().zip(in_sentence) {
                found.sort_unstable();
                found.dedup();
                if found.len() < 2 {
                    continue;
                }
                let at = table.spans.len() as u32;
                table.spans.push((d as u32, *sentence));
                for (i, &a) in found.iter().enumerate() {
                    for &b in &found[i + 1..] {
                        pairs.entry((a, b)).or_default().push(at);
                    }
                }
            }
        }
        let edges: Vec<Edge> = pairs
            .iter()
            .map(|(&(a, b), found)| Edge {
                a,
                b,
                sentences: found.len() as u32,
            })
            .collect();
        table.edges = pairs
            .into_values()
            .map(|found| {
                let mut prev = 0;
                found
                    .into_iter()
                    .map(|i| {
                        let gap = i - prev;
                        prev = i;
                        gap
                    })
                    .collect()
            })
            .collect();
        let mut network = Network {
            nodes,
            edges,
            layouts: Vec::new(),
            sentences: Lazy::new(table),
        };
        network.layouts = network
            .sizes()
            .into_iter()
            .map(|n| {
                let boxes: Vec<NodeBox> = (0..n).map(|i| network.node_box(i)).collect();
                let edges: Vec<(usize, usize, u32)> = network
                    .edges_within(n)
                    .map(|e| (e.a as usize, e.b as usize, e.sentences))
                    .collect();
                let points = layout(&boxes, &edges)
                    .into_iter()
                    .map(|(x, y)| (x.round() as u16, y.round() as u16))
                    .collect();
                Layout { points }
            })
            .collect();
        network
    }

    /// The numbers of nodes the page offers to show, smallest first: each of [`SIZES`] below
    /// the number of nodes, and the number of nodes itself.
    pub fn sizes(&self) -> Vec<usize> {
        let n = self.nodes.len();
        let mut sizes: Vec<usize> = SIZES.into_iter().filter(|&s| s < n).collect();
        if n > 0 {
            sizes.push(n);
        }
        sizes
    }

    /// The size offered that is nearest to `wanted` (the smallest above it if none is equal).
    pub fn nearest_size(&self, wanted: usize) -> usize {
        let sizes = self.sizes();
        sizes
            .iter()
            .copied()
            .find(|&s| s >= wanted)
            .or(sizes.last().copied())
            .unwrap_or(0)
    }

    /// The layout for showing the first `n` nodes, if `n` is one of [`Network::sizes`].
    pub fn layout(&self, n: usize) -> Option<&Layout> {
        self.layouts.iter().find(|l| l.points.len() == n)
    }

    /// The edges between the first `n` nodes.
    pub fn edges_within(&self, n: usize) -> impl Iterator<Item = &Edge> + '_ {
        self.edges.iter().filter(move |e| (e.b as usize) < n)
    }

    /// The radius of node `i`'s circle in layout units: its area grows with its mentions.
    pub fn radius(&self, i: usize) -> f64 {
        let most = self.nodes.first().map_or(1, |n| n.mentions.max(1));
        let mentions = self.nodes.get(i).map_or(0, |n| n.mentions);
        RADIUS_MIN + (RADIUS_MAX - RADIUS_MIN) * (f64::from(mentions) / f64::from(most)).sqrt()
    }

    /// Node `i`'s label: its name, cut to [`LABEL_CHARS`] characters; none beyond the
    /// [`LABELLED`] most mentioned.
    pub fn label(&self, i: usize) -> Option<String> {
        if i >= LABELLED {
            return None;
        }
        let name = &self.nodes.get(i)?.name;
        Some(match name.char_indices().nth(LABEL_CHARS) {
            // Cut at the last space before the limit when there is one: a label's words are
            // whole words of its name (its accessible name holds the whole name).
            Some((cut, _)) => {
                let head = &name[..cut];
                let head = head.rfind(' ').map_or(head, |space| &head[..space]);
                format!("{}…", head.trim_end())
            }
            None => name.clone(),
        })
    }

    /// How the layout sees node `i`: its circle and its label.
    pub fn node_box(&self, i: usize) -> NodeBox {
        let chars = self.label(i).map_or(0, |l| l.chars().count());
        NodeBox {
            radius: self.radius(i),
            label_width: chars as f64 * LABEL_FONT * CHAR_WIDTH,
        }
    }

    /// The node of this kind and name.
    pub fn node(&self, kind: EntityKind, name: &str) -> Option<usize> {
        self.nodes
            .iter()
            .position(|n| n.kind == kind && n.name == name)
    }

    /// The edge between two nodes, in either order.
    pub fn edge(&self, a: usize, b: usize) -> Option<usize> {
        let key = (a.min(b) as u32, a.max(b) as u32);
        let i = self.edges.partition_point(|e| (e.a, e.b) < key);
        self.edges
            .get(i)
            .is_some_and(|e| (e.a, e.b) == key)
            .then_some(i)
    }

    /// The sentences where both nodes of an edge are mentioned: (document, sentence), in
    /// corpus and text order. Decoded on first use.
    pub fn sentences(&self, edge: usize) -> Vec<(u32, Span)> {
        let table = self.sentences.get();
        let mut at = 0;
        table.edges.get(edge).map_or(Vec::new(), |gaps| {
            gaps.iter()
                .filter_map(|&gap| {
                    at += gap as usize;
                    table.spans.get(at).copied()
                })
                .collect()
        })
    }

    /// The embedded size of the edges' sentences, in bytes.
    pub fn sentences_encoded_len(&self) -> usize {
        self.sentences.encoded_len()
    }

    /// The first `n` nodes and the edges between them as JSON (nodes with their layout
    /// coordinates; edges by node index, with their weight in sentences).
    pub fn to_json(&self, n: usize) -> String {
        let n = n.min(self.nodes.len());
        let points = self.layout(n).map_or(&[][..], |l| l.points.as_slice());
        let mut out = String::from("{\"nodes\":[");
        for (i, node) in self.nodes[..n].iter().enumerate() {
            let (x, y) = points.get(i).copied().unwrap_or_default();
            let _ = write!(
                out,
                "{}\n{{\"id\":{i},\"type\":\"{}\",\"name\":{},\"mentions\":{},\"documents\":{},\"x\":{x},\"y\":{y}}}",
                if i > 0 { "," } else { "" },
                node.kind.label(),
                json_string(&node.name),
                node.mentions,
                node.docs,
            );
        }
        out.push_str("\n],\"edges\":[");
        for (i, e) in self.edges_within(n).enumerate() {
            let _ = write!(
                out,
                "{}\n{{\"source\":{},\"target\":{},\"sentences\":{}}}",
                if i > 0 { "," } else { "" },
                e.a,
                e.b,
                e.sentences
            );
        }
        out.push_str("\n]}\n");
        out
    }

    /// The edges between the first `n` nodes as CSV, one row per pair:
    /// `source,source_type,target,target_type,sentences`.
    pub fn edges_csv(&self, n: usize) -> String {
        let mut csv = Csv::new("source,source_type,target,target_type,sentences");
        for e in self.edges_within(n) {
            let (a, b) = (&self.nodes[e.a as usize], &self.nodes[e.b as usize]);
            csv.text(&a.name)
                .raw(a.kind.label())
                .text(&b.name)
                .raw(b.kind.label())
                .num(e.sentences.into())
                .end();
        }
        csv.finish()
    }
}

/// A sentence where both entities of an edge are mentioned, with their mentions in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EdgeSentence {
    pub doc: usize,
    pub sentence: Span,
    /// Mentions of either entity inside the sentence, in text order, with their kind.
    pub mentions: Vec<(Span, EntityKind)>,
}

impl Corpus {
    /// The sentences behind an edge of the network, each with the two entities' mentions.
    pub fn edge_sentences(&self, edge: usize) -> Vec<EdgeSentence> {
        let net = self.network();
        let Some(e) = net.edges.get(edge) else {
            return Vec::new();
        };
        let ends = [&net.nodes[e.a as usize], &net.nodes[e.b as usize]];
        net.sentences(edge)
            .into_iter()
            .map(|(doc, sentence)| {
                let mut mentions: Vec<(Span, EntityKind)> = self
                    .entities(doc as usize)
                    .iter()
                    .filter(|x| {
                        ends.iter()
                            .any(|n| n.kind == x.kind && n.name == x.canonical)
                    })
                    .flat_map(|x| x.mentions.iter().map(|&m| (m, x.kind)))
                    .filter(|(m, _)| sentence.contains(*m))
                    .collect();
                sort_by_u64(&mut mentions, |(m, _)| m.sort_key());
                EdgeSentence {
                    doc: doc as usize,
                    sentence,
                    mentions,
                }
            })
            .collect()
    }

    /// The query that marks both entities of an edge: documents with both, every mention
    /// of either.
    pub fn edge_query(&self, edge: usize) -> String {
        let net = self.network();
        net.edges.get(edge).map_or(String::new(), |e| {
            let (a, b) = (&net.nodes[e.a as usize], &net.nodes[e.b as usize]);
            format!(
                "{} {}",
                entity_filter(a.kind, &a.name),
                entity_filter(b.kind, &b.name)
            )
        })
    }
}

/// How a layout sees one node: its circle's radius and the width of its label (0 for none),
/// in layout units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NodeBox {
    pub radius: f64,
    pub label_width: f64,
}

impl NodeBox {
    /// The box the node and its label take, around its centre at (x, y): the circle, and the
    /// label to its right.
    fn bounds(&self, (x, y): (f64, f64)) -> (f64, f64, f64, f64) {
        let half = self.radius.max(LABEL_FONT * 0.6);
        let right = if self.label_width > 0.0 {
            x + self.radius + LABEL_GAP + self.label_width
        } else {
            x + self.radius
        };
        (x - self.radius, y - half, right, y + half)
    }
}

/// A force-directed layout (Fruchterman and Reingold 1991) of nodes with weighted edges
/// `(a, b, weight)`, in the square `0..=EXTENT`, deterministic: the same input gives the same
/// coordinates on every machine.
///
/// Nodes with an edge start from a sunflower spiral in rank order (the first in the
/// middle), take a fixed number of rounds with a cooling step, and are stretched to fill the
/// square; nodes without one are set in rows along the bottom (a force layout would fling
/// them to the edges and squeeze the rest into the middle). Then boxes that overlap (a
/// node's circle and its label) are pushed apart. Only `+ - * /` and square roots are used,
/// which IEEE 754 rounds the same everywhere.
pub fn layout(boxes: &[NodeBox], edges: &[(usize, usize, u32)]) -> Vec<(f64, f64)> {
    let n = boxes.len();
    let edges: Vec<(usize, usize, u32)> = edges
        .iter()
        .copied()
        .filter(|&(a, b, _)| a < n && b < n && a != b)
        .collect();
    let mut joined = vec![false; n];
    for &(a, b, _) in &edges {
        (joined[a], joined[b]) = (true, true);
    }
    let mut pos = vec![(0.0, 0.0); n];

    // The rows of nodes without edges, from the bottom up, left to right in rank order.
    let row_height = boxes
        .iter()
        .zip(&joined)
        .filter(|(_, &j)| !j)
        .map(|(b, _)| 2.0 * b.radius.max(LABEL_FONT * 0.6) + GAP)
        .fold(0.0, f64::max);
    let (mut x, mut row) = (GAP, 0usize);
    for (i, b) in boxes.iter().enumerate() {
        if joined[i] {
            continue;
        }
        let (left, _, right, _) = b.bounds((0.0, 0.0));
        let width = right - left + 2.0 * GAP;
        if x + width > EXTENT && x > GAP {
            (x, row) = (GAP, row + 1);
        }
        pos[i] = (x - left, EXTENT - row_height * (row as f64 + 0.5));
        x += width;
    }
    let strip = if joined.iter().all(|&j| j) {
        0.0
    } else {
        row_height * (row as f64 + 1.0)
    };

    let members: Vec<usize> = (0..n).filter(|&i| joined[i]).collect();
    let index_of: Vec<usize> = {
        let mut index_of = vec![usize::MAX; n];
        for (k, &i) in members.iter().enumerate() {
            index_of[i] = k;
        }
        index_of
    };
    let local: Vec<(usize, usize, u32)> = edges
        .iter()
        .map(|&(a, b, w)| (index_of[a], index_of[b], w))
        .collect();
    let forced = force_directed(members.len(), &local);

    // Scale to the square above the strip, leaving room for the largest circle and, on the
    // right, for labels; one axis may be stretched up to half as much again as the other,
    // no more, so that the picture keeps its shape.
    let margin = boxes.iter().map(|b| b.radius).fold(0.0, f64::max) + GAP;
    let label_room = members
        .iter()
        .map(|&i| boxes[i].label_width)
        .fold(0.0, f64::max)
        .min(EXTENT / 8.0);
    let (mut lo_x, mut hi_x, mut lo_y, mut hi_y) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for &(x, y) in &forced {
        (lo_x, hi_x, lo_y, hi_y) = (lo_x.min(x), hi_x.max(x), lo_y.min(y), hi_y.max(y));
    }
    let bottom = (EXTENT - strip).max(2.0 * margin);
    let (left, right, top) = (margin, EXTENT - margin - label_room, margin);
    let bottom = bottom - margin;
    let scale = |room: f64, extent: f64| {
        if extent > 1e-9 {
            room / extent
        } else {
            f64::MAX
        }
    };
    let (sx, sy) = (
        scale(right - left, hi_x - lo_x),
        scale(bottom - top, hi_y - lo_y),
    );
    let least = sx.min(sy);
    let (sx, sy) = if least == f64::MAX {
        (0.0, 0.0)
    } else {
        (sx.min(1.5 * least), sy.min(1.5 * least))
    };
    let (mid_x, mid_y) = ((lo_x + hi_x) / 2.0, (lo_y + hi_y) / 2.0);
    for (k, &i) in members.iter().enumerate() {
        let (x, y) = forced[k];
        pos[i] = (
            (left + right) / 2.0 + (x - mid_x) * sx,
            (top + bottom) / 2.0 + (y - mid_y) * sy,
        );
    }
    separate(&mut pos, boxes);
    pos
}

/// Fruchterman and Reingold's forces, in a space of its own: `n` nodes from a sunflower
/// spiral, repelled by k²/d, attracted along edges by d²/k (more for heavier edges), held
/// together by gravity, for a fixed number of rounds with a shrinking step.
fn force_directed(n: usize, edges: &[(usize, usize, u32)]) -> Vec<(f64, f64)> {
    // The sunflower: node i at radius √((i + ½)/n) and angle i × the golden angle, turned by
    // a rotation matrix rather than computed with sin and cos.
    const COS_GOLDEN: f64 = -0.737_368_878_078_319_6;
    const SIN_GOLDEN: f64 = 0.675_490_294_261_523_8;
    let spread = EXTENT * 0.4;
    let (mut c, mut s) = (1.0f64, 0.0f64);
    let mut pos: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let r = spread * ((i as f64 + 0.5) / n as f64).sqrt();
            let p = (r * c, r * s);
            (c, s) = (
                c * COS_GOLDEN - s * SIN_GOLDEN,
                s * COS_GOLDEN + c * SIN_GOLDEN,
            );
            p
        })
        .collect();
    if n < 2 {
        return pos;
    }
    // The ideal distance between nodes: the square shared out among them.
    let k = 0.75 * EXTENT / (n as f64).sqrt();
    let max_weight = edges.iter().map(|e| e.2).max().unwrap_or(1).max(1);
    let weights: Vec<f64> = edges
        .iter()
        .map(|e| (f64::from(e.2) / f64::from(max_weight)).sqrt() * 2.0 + 1.0)
        .collect();
    // Gravity keeps separate groups from drifting apart. The repulsion on a node sums to
    // about k²·n/d = 0.56·EXTENT²/d whatever n is, so gravity (force per unit of distance
    // from the middle) is a constant too: 2 holds a lone node about 0.5·EXTENT out.
    let gravity = 2.0;
    let mut disp = vec![(0.0f64, 0.0f64); n];
    for round in 0..ITERATIONS {
        let step = EXTENT * 0.1 * (1.0 - round as f64 / ITERATIONS as f64);
        disp.iter_mut().for_each(|d| *d = (0.0, 0.0));
        for i in 0..n {
            for j in i + 1..n {
                let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                let dist2 = (dx * dx + dy * dy).max(1e-6);
                // Repulsion k²/d along the unit vector: (dx, dy) × k²/d².
                let f = k * k / dist2;
                disp[i].0 += dx * f;
                disp[i].1 += dy * f;
                disp[j].0 -= dx * f;
                disp[j].1 -= dy * f;
            }
        }
        for (&(a, b, _), w) in edges.iter().zip(&weights) {
            let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
            let dist = (dx * dx + dy * dy).sqrt();
            // Attraction d²/k along the unit vector: (dx, dy) × d/k.
            let f = dist / k * w;
            disp[a].0 -= dx * f;
            disp[a].1 -= dy * f;
            disp[b].0 += dx * f;
            disp[b].1 += dy * f;
        }
        for (p, d) in pos.iter_mut().zip(&disp) {
            let (fx, fy) = (d.0 - p.0 * gravity, d.1 - p.1 * gravity);
            let len = (fx * fx + fy * fy).sqrt();
            if len > 0.0 {
                let moved = len.min(step);
                p.0 += fx / len * moved;
                p.1 += fy / len * moved;
            }
        }
    }
    pos
}

/// Pushes apart nodes whose boxes (circle and label) overlap, each time along the axis on
/// which they overlap least, and keeps every box inside the square.
fn separate(pos: &mut [(f64, f64)], boxes: &[NodeBox]) {
    let n = pos.len();
    let clamp = |p: &mut (f64, f64), b: &NodeBox| {
        let (left, top, right, bottom) = b.bounds(*p);
        let shift_x = (GAP - left).max(0.0) - (right - (EXTENT - GAP)).max(0.0);
        let shift_y = (GAP - top).max(0.0) - (bottom - (EXTENT - GAP)).max(0.0);
        p.0 += shift_x;
        p.1 += shift_y;
    };
    for (p, b) in pos.iter_mut().zip(boxes) {
        clamp(p, b);
    }
    // How far the boxes of i and j overlap in x and in y, the gap included (≤ 0: apart).
    let overlap = |pos: &[(f64, f64)], i: usize, j: usize| {
        let (l1, t1, r1, b1) = boxes[i].bounds(pos[i]);
        let (l2, t2, r2, b2) = boxes[j].bounds(pos[j]);
        (r1.min(r2) - l1.max(l2) + GAP, b1.min(b2) - t1.max(t2) + GAP)
    };
    for _ in 0..500 {
        let mut moved = false;
        for i in 0..n {
            for j in i + 1..n {
                let (over_x, over_y) = overlap(pos, i, j);
                if over_x <= 0.5 || over_y <= 0.5 {
                    continue;
                }
                // Part along the axis that needs the smaller move; j goes the way it already
                // lies from i (to the right or below when they are level). If the square's
                // edge stops that, part along the other axis as well.
                for along_x in [over_x < over_y, over_x >= over_y] {
                    let (over_x, over_y) = overlap(pos, i, j);
                    if over_x <= 0.5 || over_y <= 0.5 {
                        break;
                    }
                    if along_x {
                        let dir = if pos[j].0 >= pos[i].0 { 1.0 } else { -1.0 };
                        pos[i].0 -= dir * over_x / 2.0;
                        pos[j].0 += dir * over_x / 2.0;
                    } else {
                        let dir = if pos[j].1 >= pos[i].1 { 1.0 } else { -1.0 };
                        pos[i].1 -= dir * over_y / 2.0;
                        pos[j].1 += dir * over_y / 2.0;
                    }
                    clamp(&mut pos[i], &boxes[i]);
                    clamp(&mut pos[j], &boxes[j]);
                }
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(text: &str, word: &str, nth: usize) -> Span {
        let start = text
            .match_indices(word)
            .nth(nth)
            .unwrap_or_else(|| panic!("{word} #{nth}"))
            .0;
        Span::new_unchecked(start, start + word.len())
    }

    fn entity(text: &str, kind: EntityKind, name: &str, found: &[(&str, usize)]) -> Entity {
        let mut mentions: Vec<Span> = found.iter().map(|&(w, i)| mention(text, w, i)).collect();
        mentions.sort();
        Entity {
            kind,
            canonical: name.into(),
            aliases: Vec::new(),
            mentions,
        }
    }

    /// Two documents. Sentences (worked by hand):
    /// doc 0: s0 "Ada met Bo in Rome." (Ada, Bo, Rome) · s1 "Ada and Bo left." (Ada, Bo)
    ///        · s2 "Cy stayed in Rome with Mr. Bo." (Cy, Rome, Bo) — "Mr." does not end it.
    /// doc 1: s0 "Rome and Ada." (Rome, Ada) · s1 "Bo wrote." (Bo) · the byline's Cy is in
    ///        no sentence.
    /// Mentions: Bo 4, Rome 3, Ada 3, Cy 2. Pairs: Ada–Bo {0/s0, 0/s1} = 2;
    /// Ada–Rome {0/s0, 1/s0} = 2; Bo–Rome {0/s0, 0/s2} = 2; Bo–Cy {0/s2} = 1;
    /// Cy–Rome {0/s2} = 1; Ada–Cy none.
    fn tiny() -> (Vec<Document>, Vec<Vec<Entity>>) {
        use EntityKind::*;
        let t0 = "Ada met Bo in Rome. Ada and Bo left. Cy stayed in Rome with Mr. Bo.";
        let t1 = "Notes\nBy Cy\n\nRome and Ada. Bo wrote.";
        let d0 = Document::parse("a.txt", &format!("A\n\n{t0}"));
        let d1 = Document::parse("b.txt", t1);
        let e0 = vec![
            entity(&d0.text, Person, "Ada", &[("Ada", 0), ("Ada", 1)]),
            entity(&d0.text, Person, "Bo", &[("Bo", 0), ("Bo", 1), ("Bo", 2)]),
            entity(&d0.text, Person, "Cy", &[("Cy", 0)]),
            entity(&d0.text, Gpe, "Rome", &[("Rome", 0), ("Rome", 1)]),
        ];
        let e1 = vec![
            entity(&d1.text, Person, "Ada", &[("Ada", 0)]),
            entity(&d1.text, Person, "Bo", &[("Bo", 0)]),
            entity(&d1.text, Person, "Cy", &[("Cy", 0)]),
            entity(&d1.text, Gpe, "Rome", &[("Rome", 0)]),
        ];
        (vec![d0, d1], vec![e0, e1])
    }

    #[test]
    fn nodes_rank_by_mentions_and_edges_count_sentences() {
        let (docs, entities) = tiny();
        let net = Network::build(&docs, &entities);
        let names: Vec<(&str, u32, u32)> = net
            .nodes
            .iter()
            .map(|n| (n.name.as_str(), n.mentions, n.docs))
            .collect();
        // Ada and Rome tie on mentions and documents: Person sorts before Gpe.
        assert_eq!(
            names,
            [("Bo", 4, 2), ("Ada", 3, 2), ("Rome", 3, 2), ("Cy", 2, 2)]
        );
        let pair = |a: &str, b: &str| {
            let find = |name: &str| net.nodes.iter().position(|n| n.name == name).unwrap();
            net.edge(find(a), find(b)).map(|e| net.edges[e].sentences)
        };
        assert_eq!(pair("Ada", "Bo"), Some(2));
        assert_eq!(pair("Ada", "Rome"), Some(2));
        assert_eq!(pair("Bo", "Rome"), Some(2));
        assert_eq!(pair("Bo", "Cy"), Some(1));
        assert_eq!(pair("Cy", "Rome"), Some(1));
        assert_eq!(pair("Cy", "Ada"), None, "only the byline has Cy in doc 1");
        assert_eq!(net.edges.len(), 5);
        assert!(net
            .edges
            .windows(2)
            .all(|w| (w[0].a, w[0].b) < (w[1].a, w[1].b)));
    }

    #[test]
    fn an_edge_lists_its_sentences() {
        let (docs, entities) = tiny();
        let net = Network::build(&docs, &entities);
        let bo_rome = net.edge(0, 2).unwrap();
        let found: Vec<(u32, &str)> = net
            .sentences(bo_rome)
            .iter()
            .map(|&(d, s)| (d, s.of(&docs[d as usize].text)))
            .collect();
        assert_eq!(
            found,
            [
                (0, "Ada met Bo in Rome."),
                (0, "Cy stayed in Rome with Mr. Bo.")
            ]
        );
        let ada_rome = net.edge(2, 1).unwrap();
        let docs_of: Vec<u32> = net.sentences(ada_rome).iter().map(|s| s.0).collect();
        assert_eq!(docs_of, [0, 1]);
        assert_eq!(net.sentences(99), []);
    }

    #[cfg(feature = "extract")]
    #[test]
    fn an_edge_opens_its_sentences_with_both_entities_marked() {
        let (docs, entities) = tiny();
        let mut corpus = Corpus::build(docs);
        for (d, e) in entities.into_iter().enumerate() {
            corpus.set_entities(d, e);
        }
        let net = corpus.network();
        let bo_rome = net.edge(0, 2).unwrap();
        assert_eq!(corpus.edge_query(bo_rome), "person:\"Bo\" place:\"Rome\"");
        let found = corpus.edge_sentences(bo_rome);
        let text = &corpus.docs[0].text;
        let marked: Vec<Vec<&str>> = found
            .iter()
            .map(|s| s.mentions.iter().map(|(m, _)| m.of(text)).collect())
            .collect();
        assert_eq!(marked, [vec!["Bo", "Rome"], vec!["Rome", "Bo"]]);
        assert!(found.iter().all(|s| s.doc == 0));
        // The query marks what the sentences show: the reader opens at the sentence's first.
        let hits = corpus.search(&crate::query::parse(&corpus.edge_query(bo_rome)));
        let starts: Vec<u32> = hits.hits_in(0).iter().map(|h| h.span.start).collect();
        for s in &found {
            assert!(starts.contains(&s.mentions[0].0.start));
        }
        assert_eq!(corpus.edge_sentences(99), []);
        assert_eq!(corpus.edge_query(99), "");
    }

    #[test]
    fn a_mention_across_a_sentence_boundary_joins_the_sentences() {
        use EntityKind::*;
        let doc = Document::parse("a.txt", "T\n\nThe U.S. Army met Kim. Later Kim left.");
        let text = doc.text.clone();
        let entities = vec![vec![
            entity(&text, Org, "U.S. Army", &[("U.S. Army", 0)]),
            entity(&text, Person, "Kim", &[("Kim", 0), ("Kim", 1)]),
        ]];
        let net = Network::build(&[doc], &entities);
        assert_eq!(net.edges.len(), 1);
        assert_eq!(net.edges[0].sentences, 1);
        assert_eq!(
            net.sentences(0)[0].1.of(&text),
            "The U.S. Army met Kim.",
            "UAX #29 alone breaks after \"U.S.\""
        );
    }

    #[test]
    fn labels_are_cut_at_a_word() {
        let net = |name: &str| Network {
            nodes: vec![Node {
                kind: EntityKind::Org,
                name: name.into(),
                mentions: 1,
                docs: 1,
            }],
            ..Network::default()
        };
        let label = |name: &str| net(name).label(0).unwrap();
        assert_eq!(label("NATO"), "NATO");
        assert_eq!(label("Ministry of Transport"), "Ministry of…");
        assert_eq!(label("Quadrilateral Security Dialogue"), "Quadrilateral…");
        assert_eq!(label("Twentycharacterslong"), "Twentycharacterslong");
        assert_eq!(
            label("Averyveryverylongsinglename"),
            "Averyveryverylongsin…"
        );
        assert_eq!(net("x").label(LABELLED), None);
    }

    #[test]
    fn sizes_offered_follow_the_number_of_nodes() {
        let with = |n: usize| Network {
            nodes: (0..n)
                .map(|i| Node {
                    kind: EntityKind::Person,
                    name: format!("n{i}"),
                    mentions: 1,
                    docs: 1,
                })
                .collect(),
            ..Network::default()
        };
        assert_eq!(with(0).sizes(), Vec::<usize>::new());
        assert_eq!(with(4).sizes(), [4]);
        assert_eq!(with(10).sizes(), [10]);
        assert_eq!(with(30).sizes(), [10, 25, 30]);
        assert_eq!(with(100).sizes(), [10, 25, 50, 100]);
        assert_eq!(with(30).nearest_size(25), 25);
        assert_eq!(with(30).nearest_size(20), 25);
        assert_eq!(with(30).nearest_size(500), 30);
        assert_eq!(with(0).nearest_size(25), 0);
    }

    #[test]
    fn the_layout_is_deterministic_and_tested_as_data() {
        let (docs, entities) = tiny();
        let net = Network::build(&docs, &entities);
        assert_eq!(net.sizes(), [4]);
        let again = Network::build(&docs, &entities);
        assert_eq!(net.layouts, again.layouts, "same corpus, same picture");
        // The coordinates themselves, so that any change to the layout shows up here.
        assert_eq!(
            net.layouts[0].points, GOLDEN_TINY,
            "if the layout changed on purpose, update GOLDEN_TINY"
        );
    }

    /// Bo and Rome (each joined to the other three) on the short diagonal, Ada and Cy (not
    /// joined) at the far corners.
    const GOLDEN_TINY: [(u16, u16); 4] = [(892, 496), (36, 98), (697, 36), (504, 964)];

    /// Properties every layout keeps: inside the square, boxes (circle and label) apart,
    /// and nodes joined by an edge nearer each other than nodes that are not.
    fn check_layout(radii: &[f64], edges: &[(usize, usize, u32)]) {
        // The first ones labelled, as the network labels its most mentioned nodes.
        let boxes: Vec<NodeBox> = radii
            .iter()
            .enumerate()
            .map(|(i, &radius)| NodeBox {
                radius,
                label_width: if i < LABELLED {
                    40.0 + 20.0 * (i % 7) as f64
                } else {
                    0.0
                },
            })
            .collect();
        let pos = layout(&boxes, edges);
        assert_eq!(pos, layout(&boxes, edges), "deterministic");
        let bounds: Vec<(f64, f64, f64, f64)> =
            boxes.iter().zip(&pos).map(|(b, &p)| b.bounds(p)).collect();
        for (i, &(l, t, r, b)) in bounds.iter().enumerate() {
            assert!(
                l >= 0.0 && t >= 0.0 && r <= EXTENT && b <= EXTENT,
                "node {i} at {:?}: {l} {t} {r} {b}",
                pos[i]
            );
        }
        for i in 0..pos.len() {
            for j in i + 1..pos.len() {
                let (a, b) = (bounds[i], bounds[j]);
                let apart = a.2 <= b.0 || b.2 <= a.0 || a.3 <= b.1 || b.3 <= a.1;
                assert!(apart, "nodes {i} and {j} overlap: {a:?} {b:?}");
            }
        }
        let dist = |a: usize, b: usize| {
            ((pos[a].0 - pos[b].0).powi(2) + (pos[a].1 - pos[b].1).powi(2)).sqrt()
        };
        let mut in_graph = vec![false; pos.len()];
        for &(a, b, _) in edges {
            (in_graph[a], in_graph[b]) = (true, true);
        }
        let joined: Vec<f64> = edges.iter().map(|&(a, b, _)| dist(a, b)).collect();
        let mut apart = Vec::new();
        for i in 0..pos.len() {
            for j in i + 1..pos.len() {
                let edge = edges
                    .iter()
                    .any(|&(a, b, _)| (a, b) == (i, j) || (a, b) == (j, i));
                if in_graph[i] && in_graph[j] && !edge {
                    apart.push(dist(i, j));
                }
            }
        }
        let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
        if !joined.is_empty() && !apart.is_empty() {
            assert!(
                mean(&joined) < mean(&apart),
                "joined {} apart {}",
                mean(&joined),
                mean(&apart)
            );
        }
        // Nodes without an edge are in the rows at the bottom, below every other node.
        let lowest_joined = (0..pos.len())
            .filter(|&i| in_graph[i])
            .map(|i| bounds[i].3)
            .fold(0.0, f64::max);
        for i in (0..pos.len()).filter(|&i| !in_graph[i]) {
            assert!(
                bounds[i].1 >= lowest_joined - 0.5,
                "node {i} is not below the graph"
            );
        }
    }

    #[test]
    fn layouts_keep_their_properties() {
        check_layout(&[], &[]);
        check_layout(&[20.0], &[]);
        check_layout(&[30.0, 8.0], &[]);
        check_layout(&[30.0, 20.0, 10.0], &[(0, 1, 5)]);
        // Two triangles joined by one edge, and an isolated node.
        let radii = [30.0, 25.0, 20.0, 15.0, 12.0, 10.0, 8.0];
        let edges = [
            (0, 1, 9),
            (1, 2, 4),
            (0, 2, 3),
            (3, 4, 2),
            (4, 5, 2),
            (3, 5, 1),
            (2, 3, 1),
        ];
        check_layout(&radii, &edges);
        // A hundred nodes, as many as the page shows, on a ring with chords; and thirty
        // nodes without an edge, more than a row holds.
        let radii: Vec<f64> = (0..100).map(|i| 30.0 - f64::from(i) * 0.2).collect();
        let edges: Vec<(usize, usize, u32)> = (0..100)
            .map(|i| (i, (i + 1) % 100, 1 + (i % 7) as u32))
            .chain((0..100).step_by(10).map(|i| (i, (i + 50) % 100, 3)))
            .collect();
        check_layout(&radii, &edges);
        check_layout(&radii[..30], &[]);
    }

    #[test]
    fn exports_name_nodes_and_weights() {
        let (docs, entities) = tiny();
        let net = Network::build(&docs, &entities);
        let csv = net.edges_csv(4);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "source,source_type,target,target_type,sentences");
        assert_eq!(lines[1], "Bo,PER,Ada,PER,2");
        assert_eq!(lines.len(), 1 + 5);
        // The first three nodes: the edge to Cy is left out.
        assert_eq!(net.edges_csv(3).lines().count(), 1 + 3);
        let json = net.to_json(4);
        assert!(json.starts_with("{\"nodes\":[\n{\"id\":0,\"type\":\"PER\",\"name\":\"Bo\",\"mentions\":4,\"documents\":2,\"x\":"));
        assert!(json.contains("{\"source\":0,\"target\":1,\"sentences\":2}"));
        assert_eq!(json.matches("\"source\"").count(), 5);
    }
}
