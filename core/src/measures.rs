//! The statistics of the word tools: log-likelihood (G²) with its p-value, log ratio, mutual
//! information and logDice. Each is a few lines of arithmetic over counts; the tests state
//! the counts of small tables and the figures worked out by hand, and check G² against
//! Dunning's (1993) published table and the UCREL calculator's worked example.
//!
//! Only `ln` and `exp` are used (no `log2` or `powf`): every float function the page calls
//! is code it downloads.

use std::f64::consts::LN_2;

/// Log-likelihood G² of a 2×2 contingency table `[[o11, o12], [o21, o22]]` (Dunning 1993,
/// the "4-term" form): `2 Σ O ln(O / E)` over the four cells, where each cell's expected
/// count is `row total × column total / N`. Cells with `O = 0` add nothing (the limit of
/// `x ln x` at 0). Negative cells (which counts never give) are read as 0.
///
/// Worked example, `[[2, 1], [8, 9]]`: N = 20, row totals 3 and 17, column totals 10 and
/// 10, so E = 1.5, 1.5, 8.5, 8.5 and
/// G² = 2 (2 ln(2/1.5) + 1 ln(1/1.5) + 8 ln(8/8.5) + 9 ln(9/8.5))
///    = 2 (0.575364 − 0.405465 − 0.484997 + 0.514426) = 0.398656.
pub fn log_likelihood(table: [f64; 4]) -> f64 {
    let [o11, o12, o21, o22] = table.map(|o| o.max(0.0));
    let n = o11 + o12 + o21 + o22;
    if n <= 0.0 {
        return 0.0;
    }
    let (r1, r2) = (o11 + o12, o21 + o22);
    let (c1, c2) = (o11 + o21, o12 + o22);
    let term = |o: f64, e: f64| if o > 0.0 { o * (o / e).ln() } else { 0.0 };
    let g2 = 2.0
        * (term(o11, r1 * c1 / n)
            + term(o12, r1 * c2 / n)
            + term(o21, r2 * c1 / n)
            + term(o22, r2 * c2 / n));
    // Rounding can leave a table that fits its expectation exactly a hair below zero.
    g2.max(0.0)
}

/// The probability of a G² at least this large if the two distributions were the same: the
/// χ² distribution's upper tail with one degree of freedom, `erfc(√(G²/2))`. 3.84 gives
/// 0.05, 6.63 gives 0.01, 10.83 gives 0.001 and 15.13 gives 0.0001 (the critical values of
/// Rayson, Berridge and Francis 2004).
pub fn p_value(g2: f64) -> f64 {
    if g2.is_nan() || g2 <= 0.0 {
        return 1.0;
    }
    // The fit is a hair above 1 near 0.
    erfc((g2 / 2.0).sqrt()).min(1.0)
}

/// The complementary error function, within 1.2 × 10⁻⁷ (relative) everywhere: the Chebyshev
/// fit of Press et al., *Numerical Recipes* (2nd ed., §6.2, `erfcc`).
fn erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let poly = -z * z - 1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98
                                + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    let r = t * poly.exp();
    if x >= 0.0 {
        r
    } else {
        2.0 - r
    }
}

/// log₂ of `x`.
pub fn log2(x: f64) -> f64 {
    x.ln() / LN_2
}

/// Hardie's (2014) log ratio: the binary log of the ratio of relative frequencies, `a` of
/// `c` words against `b` of `d`. A zero frequency counts as 0.5, so that the ratio stays
/// finite. +1 means twice as frequent, −1 half as frequent.
///
/// Worked example: 4 in 100 words against 2 in 400 gives log₂((4/100) / (2/400)) = log₂ 8 =
/// 3; 0 in 100 against 5 in 1,000 gives log₂((0.5/100) / (5/1000)) = log₂ 1 = 0.
pub fn log_ratio(a: f64, c: f64, b: f64, d: f64) -> f64 {
    if c <= 0.0 || d <= 0.0 {
        return 0.0;
    }
    let a = if a > 0.0 { a } else { 0.5 };
    let b = if b > 0.0 { b } else { 0.5 };
    log2((a / c) / (b / d))
}

/// Keyness of a word: G² of `a` occurrences in `c` words against `b` in `d` words (the
/// table `[[a, b], [c − a, d − b]]`, as the UCREL log-likelihood calculator lays it out).
pub fn keyness_g2(a: f64, c: f64, b: f64, d: f64) -> f64 {
    log_likelihood([a, b, c - a, d - b])
}

/// The counts of a collocation in a window span (Evert 2008, "surface co-occurrence"):
/// `observed` times the collocate stands in one of the node's windows, which hold
/// `window_tokens` tokens in all (each node occurrence's window, cut at the paragraph's
/// edges); the collocate occurs `collocate_freq` times and the node `node_freq` times in
/// `n_tokens` tokens.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Cooccurrence {
    pub observed: f64,
    pub window_tokens: f64,
    pub collocate_freq: f64,
    pub node_freq: f64,
    pub n_tokens: f64,
}

impl Cooccurrence {
    /// How often the collocate would stand in the windows by chance: the windows' share of
    /// the text times its frequency, `window_tokens × collocate_freq / n_tokens`.
    pub fn expected(&self) -> f64 {
        if self.n_tokens <= 0.0 {
            return 0.0;
        }
        self.window_tokens * self.collocate_freq / self.n_tokens
    }

    /// G² of the table: in a window or not, the collocate or another word.
    pub fn log_likelihood(&self) -> f64 {
        let o11 = self.observed;
        log_likelihood([
            o11,
            self.window_tokens - o11,
            self.collocate_freq - o11,
            self.n_tokens - self.window_tokens - self.collocate_freq + o11,
        ])
    }

    /// Pointwise mutual information, `log₂(observed / expected)`.
    pub fn mutual_information(&self) -> f64 {
        let expected = self.expected();
        if self.observed <= 0.0 || expected <= 0.0 {
            return 0.0;
        }
        log2(self.observed / expected)
    }

    /// Rychlý's (2008) logDice, `14 + log₂(2 × observed / (node_freq + collocate_freq))`:
    /// 14 at most (the two always together), about one less for each halving; it does not
    /// depend on the size of the corpus.
    pub fn log_dice(&self) -> f64 {
        let both = self.node_freq + self.collocate_freq;
        if self.observed <= 0.0 || both <= 0.0 {
            return 0.0;
        }
        14.0 + log2(2.0 * self.observed / both)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(got: f64, expected: f64, tolerance: f64) -> bool {
        (got - expected).abs() <= tolerance
    }

    /// `(table, G²)`: G² of a 2×2 table.
    fn check_g2(table: [f64; 4], expected: f64) {
        let got = log_likelihood(table);
        assert!(close(got, expected, 5e-7), "{table:?}: {got} ≠ {expected}");
    }

    #[test]
    fn g2_by_hand() {
        // See the doc comment of `log_likelihood`.
        check_g2([2.0, 1.0, 8.0, 9.0], 0.398_656);
        // Independent: O = E in every cell.
        check_g2([1.0, 3.0, 2.0, 6.0], 0.0);
        // [[10, 0], [0, 10]]: E = 5 everywhere; 2 (10 ln 2 + 10 ln 2) = 40 ln 2.
        check_g2([10.0, 0.0, 0.0, 10.0], 40.0 * LN_2);
        // Empty and degenerate tables.
        check_g2([0.0; 4], 0.0);
        check_g2([5.0, 0.0, 0.0, 0.0], 0.0);
        check_g2([-3.0, 1.0, 1.0, 1.0], log_likelihood([0.0, 1.0, 1.0, 1.0]));
    }

    #[test]
    fn g2_matches_dunning_1993() {
        // Dunning (1993), "Accurate methods for the statistics of surprise and coincidence",
        // the table of bigrams ranked by −2 log λ: its first row, k11 = 110, k12 = 2442,
        // k21 = 111, k22 = 29114, has −2 log λ = 270.72.
        let g2 = log_likelihood([110.0, 2442.0, 111.0, 29114.0]);
        assert!(close(g2, 270.72, 0.005), "{g2}");
    }

    #[test]
    fn g2_matches_the_ucrel_worked_example_and_scipy() {
        // The UCREL log-likelihood calculator's example (Lancaster University): a word 52
        // times in 50,000 words against 57 times in 75,000 has LL 2.65, not significant.
        let g2 = keyness_g2(52.0, 50_000.0, 57.0, 75_000.0);
        assert!(close(g2, 2.65, 0.005), "{g2}");
        // A second implementation: SciPy's chi2_contingency(table, correction=False,
        // lambda_="log-likelihood") gives, for the same table and for two others:
        for (table, scipy) in [
            ([52.0, 57.0, 49_948.0, 74_943.0], 2.654_064_260_6),
            ([10.0, 0.0, 990.0, 10_000.0], 48.049_146_800_9),
            ([110.0, 2442.0, 111.0, 29_114.0], 270.721_876_936_2),
            ([1.0, 3.0, 2.0, 10.0], 0.130_331_915_9),
        ] {
            check_g2(table, scipy);
        }
    }

    #[test]
    fn p_values_match_the_critical_values_and_scipy() {
        // scipy.stats.chi2.sf(x, 1).
        for (g2, scipy) in [
            (0.0, 1.0),
            (0.5, 4.795_001_221_9e-1),
            (3.84, 5.004_352_124_9e-2),
            (6.63, 1.002_752_644_6e-2),
            (10.83, 9.986_863_791_8e-4),
            (15.13, 1.003_557_872_8e-4),
            (50.0, 1.537_459_794_4e-12),
            (100.0, 1.523_970_604_8e-23),
        ] {
            let p = p_value(g2);
            assert!(close(p / scipy, 1.0, 2e-7), "G² {g2}: {p} ≠ {scipy}");
        }
        assert_eq!(p_value(f64::NAN), 1.0);
        assert_eq!(p_value(-1.0), 1.0);
        assert_eq!(p_value(f64::INFINITY), 0.0);
    }

    #[test]
    fn log_ratio_by_hand() {
        let check = |(a, c, b, d): (f64, f64, f64, f64), expected: f64| {
            let got = log_ratio(a, c, b, d);
            assert!(close(got, expected, 1e-12), "{a}/{c} vs {b}/{d}: {got}");
        };
        check((4.0, 100.0, 2.0, 400.0), 3.0);
        check((1.0, 100.0, 4.0, 100.0), -2.0);
        check((0.0, 100.0, 5.0, 1000.0), 0.0);
        check((3.0, 100.0, 0.0, 600.0), log2(36.0));
        check((3.0, 0.0, 1.0, 10.0), 0.0);
    }

    #[test]
    fn collocation_measures_by_hand() {
        // A node occurring 4 times in 1,000 tokens, with windows holding 40 tokens in all;
        // the collocate occurs 10 times, 5 of them in a window.
        let c = Cooccurrence {
            observed: 5.0,
            window_tokens: 40.0,
            collocate_freq: 10.0,
            node_freq: 4.0,
            n_tokens: 1000.0,
        };
        // E = 40 × 10 / 1000 = 0.4; MI = log₂(5 / 0.4) = log₂ 12.5 = 3.643856.
        assert!(close(c.expected(), 0.4, 1e-12));
        assert!(close(c.mutual_information(), 3.643_856_189_8, 1e-9));
        // logDice = 14 + log₂(2 × 5 / (4 + 10)) = 14 + log₂(10/14) = 13.514573.
        assert!(close(c.log_dice(), 13.514_573_172_8, 1e-9));
        // G² of [[5, 35], [5, 955]]: E = 0.4, 39.6, 9.6, 950.4, and
        // 2 (5 ln 12.5 + 35 ln(35/39.6) + 5 ln(5/9.6) + 955 ln(955/950.4))
        //   = 2 (12.628643 − 4.321837 − 3.261626 + 4.611114) = 19.312589, as scipy gives.
        assert!(
            close(c.log_likelihood(), 19.312_589, 1e-5),
            "{}",
            c.log_likelihood()
        );
        // Never seen together: no association, and no infinities.
        let none = Cooccurrence { observed: 0.0, ..c };
        assert_eq!((none.mutual_information(), none.log_dice()), (0.0, 0.0));
        let empty = Cooccurrence {
            n_tokens: 0.0,
            ..none
        };
        assert_eq!(empty.expected(), 0.0);
    }
}
