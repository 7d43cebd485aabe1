//! Numbers for people and for SVG, written without the float formatter: `{:.1}` and
//! `f64::to_string` pull about 10 KB of float-printing code into the page.

/// `x` rounded to `decimals` places (at most 6): `fixed(2.345, 1)` is "2.3", `fixed(7.0, 0)`
/// is "7". Values that are not finite or beyond ±9×10¹⁵ (never a count or a rate here) are
/// written "—".
pub fn fixed(x: f64, decimals: u32) -> String {
    let decimals = decimals.min(6);
    let scale = 10i64.pow(decimals);
    if !x.is_finite() || (x * scale as f64).abs() >= 9.0e15 {
        return "—".to_string();
    }
    let n = (x * scale as f64).round() as i64;
    let sign = if n < 0 { "-" } else { "" };
    let n = n.unsigned_abs();
    let (whole, frac) = (n / scale as u64, n % scale as u64);
    if decimals == 0 {
        format!("{sign}{whole}")
    } else {
        let frac = frac.to_string();
        let pad = "0".repeat(decimals as usize - frac.len());
        format!("{sign}{whole}.{pad}{frac}")
    }
}

/// An integer with thousands separators: 1234567 → "1,234,567".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A probability for people: to 3 decimals from 0.001 up, else in powers of ten with two
/// significant digits (`1.5e-12`); 0 below 10⁻³⁰⁰.
pub fn probability(p: f64) -> String {
    if !p.is_finite() {
        return "—".to_string();
    }
    if p >= 0.000_95 || p <= 0.0 {
        return fixed(p.max(0.0), 3);
    }
    // p = m × 10^e with 1 ≤ m < 10.
    let mut e = (p.ln() / std::f64::consts::LN_10).floor() as i32;
    let mut m = (p / 10f64.powi(e) * 10.0).round() / 10.0;
    if m >= 10.0 {
        m /= 10.0;
        e += 1;
    }
    if e < -300 {
        return "0".to_string();
    }
    format!("{}e{e}", fixed(m, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_points() {
        let check = |x: f64, d: u32, expected: &str| assert_eq!(fixed(x, d), expected, "{x} {d}");
        check(2.345, 1, "2.3");
        check(2.35, 1, "2.4");
        check(7.0, 0, "7");
        check(0.05, 2, "0.05");
        check(25.7234, 3, "25.723");
        check(-1.25, 1, "-1.3");
        check(-0.04, 1, "0.0");
        check(999.96, 1, "1000.0");
        check(f64::NAN, 2, "—");
        check(1e300, 2, "—");
    }

    #[test]
    fn probabilities() {
        let check = |p: f64, expected: &str| assert_eq!(probability(p), expected, "{p}");
        check(1.0, "1.000");
        check(0.0503, "0.050");
        check(0.001, "0.001");
        check(0.000_95, "0.001");
        check(0.000_949, "9.5e-4");
        check(1.537e-12, "1.5e-12");
        check(9.96e-5, "1.0e-4");
        check(1e-320, "0");
        check(0.0, "0.000");
        check(f64::NAN, "—");
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
