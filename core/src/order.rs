//! One sort for every list the page sorts.
//!
//! Each `sort_unstable_by` on another type or with another comparison compiles to its own
//! copy of the standard library's sort, about 3 KB of wasm each. Sorting `(key, index)`
//! pairs instead, and then moving the items into that order, compiles the sort once.

/// Sorts `items` by `key`, ascending; items with equal keys keep their order (stable).
/// Items are swapped into place, never cloned.
///
/// Only the keys and the final swaps are compiled per item type and key: the sort and the
/// walk that turns its order into swaps ([`swaps_into_order`]) are compiled once (the page
/// sorts about twenty kinds of list).
pub fn sort_by_u64<T>(items: &mut [T], key: impl Fn(&T) -> u64) {
    if items.len() < 2 {
        return;
    }
    // A list in the page never holds 4 G items (wasm32 could not hold them).
    let mut keyed: Vec<(u64, u32)> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        keyed.push((key(item), i as u32));
    }
    let n_swaps = swaps_into_order(&mut keyed);
    for &(swap, _) in &keyed[..n_swaps] {
        items.swap((swap >> 32) as usize, swap as u32 as usize);
    }
}

/// Sorts `(key, index)` pairs (stable: the index breaks ties) and writes, into the first
/// slots' keys, the swaps `(at << 32) | from` that put the items in that order; returns
/// how many (none when the keys are in order already).
#[inline(never)]
fn swaps_into_order(keyed: &mut [(u64, u32)]) -> usize {
    if keyed.windows(2).all(|w| w[0].0 <= w[1].0) {
        return 0;
    }
    keyed.sort_unstable();
    // Position `k` takes the item at `keyed[k].1`: follow each cycle of that permutation,
    // recording each swap, and mark what is done. The keys are no longer needed, so the
    // swaps go there (there are fewer swaps than items).
    const DONE: u32 = u32::MAX;
    let mut n_swaps = 0;
    for first in 0..keyed.len() {
        let mut at = first;
        while keyed[at].1 != DONE {
            let from = keyed[at].1 as usize;
            keyed[at].1 = DONE;
            if from == first {
                break;
            }
            keyed[n_swaps].0 = ((at as u64) << 32) | from as u64;
            n_swaps += 1;
            at = from;
        }
    }
    n_swaps
}

/// `items[..mid]` and `items[mid..]` are each in `key` order: puts the whole in order, as a
/// stable sort would (of equal keys, those of the first run first). Only the second run is
/// copied out (into `scratch`, reused between calls), and only the items of the first run
/// that belong after its start move: appending a short run is cheap.
pub fn merge_runs<T: Copy>(
    items: &mut [T],
    mid: usize,
    scratch: &mut Vec<T>,
    key: impl Fn(&T) -> u64,
) {
    match (
        mid.checked_sub(1).and_then(|i| items.get(i)),
        items.get(mid),
    ) {
        (Some(last), Some(first)) if key(last) > key(first) => {}
        _ => return,
    }
    scratch.clear();
    scratch.extend_from_slice(&items[mid..]);
    // Fill from the back: `items[..left]` are the first run's items not yet placed.
    let (mut left, mut at) = (mid, items.len());
    while let Some(&next) = scratch.last() {
        at -= 1;
        match left.checked_sub(1) {
            Some(i) if key(&items[i]) > key(&next) => {
                items[at] = items[i];
                left = i;
            }
            _ => {
                items[at] = next;
                scratch.pop();
            }
        }
    }
}

/// A key that orders floats as `f64::total_cmp` does, descending.
pub fn descending(x: f64) -> u64 {
    let bits = x.to_bits();
    let ascending = if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    };
    !ascending
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_key_keeping_ties_in_order_without_cloning() {
        // Not Clone: the items must be moved.
        #[derive(Debug, PartialEq)]
        struct Item(u32, &'static str);
        let mut items = vec![
            Item(3, "a"),
            Item(1, "b"),
            Item(3, "c"),
            Item(0, "d"),
            Item(1, "e"),
        ];
        sort_by_u64(&mut items, |i| u64::from(i.0));
        let order: Vec<&str> = items.iter().map(|i| i.1).collect();
        assert_eq!(order, ["d", "b", "e", "a", "c"]);

        let mut empty: Vec<Item> = Vec::new();
        sort_by_u64(&mut empty, |i| u64::from(i.0));
        assert!(empty.is_empty());
    }

    #[test]
    fn a_large_list_comes_out_as_the_standard_sort_puts_it() {
        let mut x = 12345u64;
        let mut items: Vec<(u32, u32)> = (0..5000)
            .map(|i| {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                ((x >> 54) as u32, i)
            })
            .collect();
        let mut expected = items.clone();
        expected.sort_by_key(|&(k, _)| k);
        sort_by_u64(&mut items, |&(k, _)| u64::from(k));
        assert_eq!(items, expected);
    }

    #[test]
    fn descending_floats_follow_total_cmp() {
        let mut xs = vec![
            0.5,
            -1.0,
            3.25,
            0.0,
            -0.0,
            f64::INFINITY,
            2.0,
            f64::NEG_INFINITY,
            1e-300,
        ];
        let mut expected = xs.clone();
        expected.sort_by(|a, b| b.total_cmp(a));
        sort_by_u64(&mut xs, |&x| descending(x));
        assert_eq!(
            xs.iter().map(|x| x.to_bits()).collect::<Vec<_>>(),
            expected.iter().map(|x| x.to_bits()).collect::<Vec<_>>()
        );
    }

    #[test]
    fn merging_two_runs_matches_a_stable_sort() {
        let mut x = 99u64;
        let mut scratch = Vec::new();
        for round in 0..400 {
            let mut next = |n: u64| {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (x >> 33) % n
            };
            let (a, b) = (next(12) as usize, next(12) as usize);
            let keys = if round % 2 == 0 { 6 } else { 1000 };
            let mut first: Vec<(u64, usize)> = (0..a).map(|i| (next(keys), i)).collect();
            let mut second: Vec<(u64, usize)> = (0..b).map(|i| (next(keys), a + i)).collect();
            first.sort();
            second.sort();
            let mut items = [first, second].concat();
            let mut expected = items.clone();
            // Stable by key alone: among equal keys, the original order (first run first).
            expected.sort_by_key(|&(k, _)| k);
            merge_runs(&mut items, a, &mut scratch, |&(k, _)| k);
            assert_eq!(items, expected, "runs of {a} and {b}");
        }
        // A split outside the list, or an empty one, leaves it as it is.
        let mut items = vec![(2u64, 0usize), (1, 1)];
        merge_runs(&mut items, 5, &mut scratch, |&(k, _)| k);
        assert_eq!(items, [(2, 0), (1, 1)]);
        let mut none: Vec<(u64, usize)> = Vec::new();
        merge_runs(&mut none, 0, &mut scratch, |&(k, _)| k);
        assert!(none.is_empty());
    }
}
