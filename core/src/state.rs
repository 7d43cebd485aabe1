//! The shareable view state and its URL-hash form: `parse(hash)` and `to_hash(&view)`.
//!
//! The hash looks like `#q=nato&doc=report-1&ent=GPE:Republic%20of%20Korea&term=alliance`,
//! and with a corpus view open `#view=network&top=50&edge=ORG:NATO,GPE:Japan`.
//! Unknown keys are ignored and junk falls back to defaults; parsing never fails. The word
//! tools' keys are read and written by `tools_view.rs`.

use crate::documents::Column;
use crate::entities::EntityKind;
use crate::tools_view::ToolsView;

/// Longest value kept from the hash, in chars (a query is cut to the same length anyway).
const MAX_VALUE_CHARS: usize = crate::query::MAX_QUERY_CHARS;

/// What the URL hash says about the view.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct View {
    pub query: String,
    /// The open document's id; `None` is the first document.
    pub doc: Option<String>,
    /// The selected entity chip.
    pub entity: Option<(EntityKind, String)>,
    /// The selected term (from the term-frequency chart).
    pub term: Option<String>,
    /// Whether every entity is shown inline in the reader.
    pub inline_entities: bool,
    /// The open word tool and its settings.
    pub tools: ToolsView,
    /// The corpus view that is open, if any.
    pub tool: Option<Tool>,
    /// How the corpus views are set.
    pub views: ViewSettings,
}

/// The corpus views, named as Voyant names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tool {
    Documents,
    Trends,
    Network,
}

impl Tool {
    pub const ALL: [Tool; 3] = [Tool::Documents, Tool::Trends, Tool::Network];

    /// The view's name in the URL hash.
    pub fn id(self) -> &'static str {
        match self {
            Tool::Documents => "documents",
            Tool::Trends => "trends",
            Tool::Network => "network",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Tool::Documents => "Documents",
            Tool::Trends => "Trends",
            Tool::Network => "Network",
        }
    }

    pub fn from_id(id: &str) -> Option<Tool> {
        Tool::ALL.into_iter().find(|t| t.id() == id)
    }
}

/// How each corpus view is set; the defaults are left out of the hash.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewSettings {
    /// Network: how many of the most mentioned entities (`top=`); `None` is the default.
    pub network_size: Option<u32>,
    /// Network: the selected edge, by its two entities (`edge=ORG:NATO,GPE:Japan`).
    pub edge: Option<[(EntityKind, String); 2]>,
    /// Trends: documents in date order (`trends=date`).
    pub trends_by_date: bool,
    /// Trends: bars rather than lines (`trends=bars`, or `trends=date,bars`).
    pub trends_bars: bool,
    /// Documents: the column the table is sorted by, and whether descending
    /// (`docsort=words-desc`); `None` is corpus order.
    pub doc_sort: Option<(Column, bool)>,
}

/// An entity in the hash: `KIND:Name` (the name percent-decoded).
fn parse_entity(value: &str) -> Option<(EntityKind, String)> {
    let (label, name) = value.split_once(':')?;
    let kind = EntityKind::from_label(label)?;
    (!name.trim().is_empty()).then(|| (kind, name.to_string()))
}

/// Reads a URL hash (with or without the leading '#'). Never fails.
pub fn parse(hash: &str) -> View {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    let mut view = View::default();
    for pair in hash.split('&') {
        let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
        let value = decode(raw);
        let value: String = value.chars().take(MAX_VALUE_CHARS).collect();
        match key {
            "q" => view.query = value,
            "doc" if !value.is_empty() => view.doc = Some(value),
            "ent" => view.entity = parse_entity(&value),
            "term" if !value.trim().is_empty() => view.term = Some(value),
            "inline" => view.inline_entities = value == "1",
            "view" => view.tool = Tool::from_id(&value),
            "top" => view.views.network_size = value.parse().ok().filter(|&n| n > 0 && n <= 10_000),
            // The two entities are split before decoding: a comma in a name is encoded.
            "edge" => {
                view.views.edge = raw.split_once(',').and_then(|(a, b)| {
                    let cut = |s: &str| decode(s).chars().take(MAX_VALUE_CHARS).collect::<String>();
                    Some([parse_entity(&cut(a))?, parse_entity(&cut(b))?])
                })
            }
            "trends" => {
                let flags: Vec<&str> = value.split(',').collect();
                view.views.trends_by_date = flags.contains(&"date");
                view.views.trends_bars = flags.contains(&"bars");
            }
            "docsort" => {
                view.views.doc_sort = value.rsplit_once('-').and_then(|(column, way)| {
                    let descending = match way {
                        "asc" => false,
                        "desc" => true,
                        _ => return None,
                    };
                    Some((Column::from_id(column)?, descending))
                })
            }
            _ => {
                view.tools.read(key, &value);
            }
        }
    }
    view
}

/// The URL hash for a view, without the leading '#'; empty for the default view.
pub fn to_hash(view: &View) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !view.query.is_empty() {
        parts.push(format!("q={}", encode(&view.query)));
    }
    if let Some(doc) = &view.doc {
        parts.push(format!("doc={}", encode(doc)));
    }
    if let Some((kind, name)) = &view.entity {
        parts.push(format!("ent={}:{}", kind.label(), encode(name)));
    }
    if let Some(term) = &view.term {
        parts.push(format!("term={}", encode(term)));
    }
    if view.inline_entities {
        parts.push("inline=1".to_string());
    }
    if let Some(tool) = view.tool {
        parts.push(format!("view={}", tool.id()));
    }
    let settings = &view.views;
    if let Some(n) = settings.network_size {
        parts.push(format!("top={n}"));
    }
    if let Some([(kind_a, a), (kind_b, b)]) = &settings.edge {
        parts.push(format!(
            "edge={}:{},{}:{}",
            kind_a.label(),
            encode(a),
            kind_b.label(),
            encode(b)
        ));
    }
    match (settings.trends_by_date, settings.trends_bars) {
        (false, false) => {}
        (true, false) => parts.push("trends=date".to_string()),
        (false, true) => parts.push("trends=bars".to_string()),
        (true, true) => parts.push("trends=date,bars".to_string()),
    }
    if let Some((column, descending)) = settings.doc_sort {
        let way = if descending { "desc" } else { "asc" };
        parts.push(format!("docsort={}-{way}", column.id()));
    }
    view.tools.write(&mut parts);
    parts.join("&")
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
pub(crate) fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Percent-decodes leniently: a '+' is a space, a broken escape stays as written, and bytes
/// that are not UTF-8 become U+FFFD.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 3;
                    }
                    None => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(view: View) {
        let hash = to_hash(&view);
        assert_eq!(parse(&hash), view, "hash {hash}");
        assert_eq!(parse(&format!("#{hash}")), view);
    }

    #[test]
    fn views_round_trip() {
        round_trip(View::default());
        round_trip(View {
            query: "nato".into(),
            ..View::default()
        });
        round_trip(View {
            query: "\"security alliance\" -russia OR place:\"Republic of Korea\" & = # % + ü 🎉"
                .into(),
            doc: Some("reports/2023 ü".into()),
            entity: Some((EntityKind::Gpe, "Republic of Korea".into())),
            term: Some("asia-pacific".into()),
            inline_entities: true,
            tool: Some(Tool::Network),
            views: ViewSettings {
                network_size: Some(50),
                edge: Some([
                    (EntityKind::Org, "A, B & C = \"D\"".into()),
                    (EntityKind::Gpe, "Zürich,".into()),
                ]),
                trends_by_date: true,
                trends_bars: true,
                doc_sort: Some((Column::Words, true)),
            },
            tools: ToolsView::default(),
        });
        for tool in Tool::ALL {
            round_trip(View {
                tool: Some(tool),
                ..View::default()
            });
        }
        for column in Column::ALL {
            for descending in [false, true] {
                round_trip(View {
                    views: ViewSettings {
                        doc_sort: Some((column, descending)),
                        ..ViewSettings::default()
                    },
                    ..View::default()
                });
            }
        }
        for (trends_by_date, trends_bars) in [(true, false), (false, true)] {
            round_trip(View {
                views: ViewSettings {
                    trends_by_date,
                    trends_bars,
                    ..ViewSettings::default()
                },
                ..View::default()
            });
        }
        assert_eq!(to_hash(&View::default()), "");
    }

    #[test]
    fn corpus_views_read_from_the_hash() {
        let view = parse("#view=network&top=25&edge=ORG:NATO,GPE:Republic%20of%20Korea");
        assert_eq!(view.tool, Some(Tool::Network));
        assert_eq!(view.views.network_size, Some(25));
        assert_eq!(
            view.views.edge,
            Some([
                (EntityKind::Org, "NATO".into()),
                (EntityKind::Gpe, "Republic of Korea".into())
            ])
        );
        let view = parse("#view=trends&trends=bars,date&docsort=title-asc");
        assert!(view.views.trends_by_date && view.views.trends_bars);
        assert_eq!(view.views.doc_sort, Some((Column::Title, false)));
    }

    #[test]
    fn junk_in_corpus_views_falls_back_to_defaults() {
        let check = |hash: &str| assert_eq!(parse(hash), View::default(), "{hash:?}");
        check("#tool=collocatez");
        check("#tool=");
        check("#top=0");
        check("#top=-5");
        check("#top=99999999999999");
        check("#top=ten");
        check("#edge=ORG:NATO");
        check("#edge=ORG:NATO,");
        check("#edge=ORG:NATO,XYZ:Japan");
        check("#edge=,");
        check("#edge=ORG:,GPE:Japan");
        check("#trends=sideways");
        check("#docsort=words");
        check("#docsort=words-up");
        check("#docsort=colour-desc");
        check("#docsort=-desc");
        check("#view=collocates");
    }

    #[test]
    fn word_tool_settings_round_trip() {
        use crate::collocates::{CollocateColumn, CollocateConfig};
        use crate::keyness::{Against, KeywordColumn};
        use crate::phrases::PhraseColumn;
        use crate::tools_view::{Significance, Sort, Tool};
        for tool in Tool::ALL {
            round_trip(View {
                tools: ToolsView {
                    tool: Some(tool),
                    ..ToolsView::default()
                },
                ..View::default()
            });
        }
        let every_setting = ToolsView {
            tool: Some(Tool::Keywords),
            node: Some("person:\"Jens Stoltenberg\" & ü".into()),
            doc_scope: true,
            collocates: CollocateConfig {
                window: 3,
                min_freq: 7,
                stopwords: true,
            },
            collocate_sort: Sort {
                column: CollocateColumn::MutualInformation,
                ascending: true,
            },
            phrase_min_freq: 4,
            phrases_with_query: true,
            phrase_sort: Sort {
                column: PhraseColumn::Length,
                ascending: false,
            },
            against: Against::Reference,
            significance: Significance::P0001,
            keyword_min_freq: 5,
            keyword_stopwords: false,
            under_use: true,
            keyword_sort: Sort {
                column: KeywordColumn::LogRatio,
                ascending: true,
            },
        };
        let view = View {
            query: "\"nato alliance\"~5".into(),
            tools: every_setting,
            ..View::default()
        };
        round_trip(view.clone());
        assert_eq!(
            to_hash(&view),
            "q=%22nato%20alliance%22~5&tool=keywords\
             &node=person%3A%22Jens%20Stoltenberg%22%20%26%20%C3%BC&scope=doc&cwin=3&cmin=7&cstop=1&csort=mi-asc\
             &pmin=4&pq=1&psort=length&kvs=english&kp=0.0001&kmin=5&kstop=0&kuse=under\
             &ksort=logratio-asc"
        );
    }

    #[test]
    fn junk_tool_settings_fall_back_to_defaults() {
        use crate::collocates::MAX_WINDOW;
        use crate::tools_view::MAX_MIN_FREQ;
        let tools = |hash: &str| parse(hash).tools;
        assert_eq!(
            tools("#tool=zzz&scope=x&cwin=abc&cmin=-3&cstop=2&csort=zz&pmin=&psort=-asc&kvs=mars&kp=0.5&kmin=1e3&kuse=both&ksort=g2-desc"),
            ToolsView::default()
        );
        let t = tools("#cwin=0&cmin=99999999999&pmin=1&kmin=0");
        assert_eq!(t.collocates.window, 1);
        assert_eq!(
            t.collocates.min_freq,
            ToolsView::default().collocates.min_freq,
            "too large to read"
        );
        assert_eq!(t.phrase_min_freq, 2, "a phrase repeats");
        assert_eq!(t.keyword_min_freq, 1);
        assert_eq!(tools("#cwin=500").collocates.window, MAX_WINDOW);
        assert_eq!(tools("#node=%20&node=").node, None);
        assert_eq!(tools("#node=a+b").node.as_deref(), Some("a b"));
        assert_eq!(tools("#cmin=5000").collocates.min_freq, MAX_MIN_FREQ);
    }

    #[test]
    fn junk_falls_back_to_defaults() {
        let check = |hash: &str, expected: View| assert_eq!(parse(hash), expected, "{hash:?}");
        check("", View::default());
        check("#", View::default());
        check("#&&&==", View::default());
        check("#zzz=1&ent=XYZ:foo&ent2", View::default());
        check("#ent=GPE:", View::default());
        check("#doc=", View::default());
        check(
            "#q=%E2%28%A1",
            View {
                query: "\u{FFFD}(\u{FFFD}".into(),
                ..View::default()
            },
        );
        check(
            "#q=100%&x",
            View {
                query: "100%".into(),
                ..View::default()
            },
        );
        check(
            "#q=%zz%4",
            View {
                query: "%zz%4".into(),
                ..View::default()
            },
        );
        check(
            "#q=a+b",
            View {
                query: "a b".into(),
                ..View::default()
            },
        );
        check(
            "#q=%",
            View {
                query: "%".into(),
                ..View::default()
            },
        );
        assert_eq!(
            parse(&format!("#q={}", "x".repeat(10_000))).query.len(),
            MAX_VALUE_CHARS
        );
    }
}
