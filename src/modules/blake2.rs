//! BLAKE2b and BLAKE2s (RFC 7693) with every parameter of the BLAKE2 parameter block —
//! key, salt, personalization and the tree-hashing fields that `hashlib.blake2b`
//! accepts (fanout, depth, leaf size, node offset, node depth, inner size, last node).
//! The RustCrypto `blake2` crate keeps the tree fields out of its API, so the two
//! variants are written here, once, by a macro over their word type.

/// The parameters of a BLAKE2 hash, as `hashlib.blake2b(...)` takes them (already checked
/// against the variant's limits by the caller).
pub struct Blake2Params<'a> {
    pub digest_size: usize,
    pub key: &'a [u8],
    pub salt: &'a [u8],
    pub person: &'a [u8],
    pub fanout: u8,
    pub depth: u8,
    pub leaf_size: u32,
    pub node_offset: u64,
    pub node_depth: u8,
    pub inner_size: u8,
    pub last_node: bool,
}

impl Blake2Params<'static> {
    /// Sequential hashing with no key, salt or personalization: `blake2b()` with only
    /// `digest_size` given.
    pub fn plain(digest_size: usize) -> Self {
        Blake2Params {
            digest_size,
            key: b"",
            salt: b"",
            person: b"",
            fanout: 1,
            depth: 1,
            leaf_size: 0,
            node_offset: 0,
            node_depth: 0,
            inner_size: 0,
            last_node: false,
        }
    }
}

/// The message schedule of each round (RFC 7693, 2.7).
const SIGMA: [[usize; 16]; 10] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
    [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
    [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
    [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
    [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
    [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
    [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
    [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
    [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
    [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
];

macro_rules! blake2_variant {
    (
        $(#[$doc:meta])*
        $name:ident, $word:ty, $counter:ty, rounds: $rounds:expr,
        rotations: [$r1:expr, $r2:expr, $r3:expr, $r4:expr], iv: $iv:expr,
        param_block: $param_block:ident
    ) => {
        $(#[$doc])*
        #[derive(Clone)]
        pub struct $name {
            h: [$word; 8],
            /// Bytes compressed so far (the BLAKE2 counter `t`).
            counter: $counter,
            /// Bytes not compressed yet: at most one block, kept until more data shows
            /// that it is not the last.
            pending: Vec<u8>,
            digest_size: usize,
            last_node: bool,
        }

        impl $name {
            const WORD: usize = std::mem::size_of::<$word>();
            /// The block size in bytes.
            pub const BLOCK: usize = 16 * Self::WORD;
            const IV: [$word; 8] = $iv;

            pub fn new(p: &Blake2Params<'_>) -> Self {
                let block = $param_block(p);
                let mut h = Self::IV;
                for (i, word) in h.iter_mut().enumerate() {
                    let mut bytes = [0u8; Self::WORD];
                    bytes.copy_from_slice(&block[i * Self::WORD..(i + 1) * Self::WORD]);
                    *word ^= <$word>::from_le_bytes(bytes);
                }
                let mut state = $name {
                    h,
                    counter: 0,
                    pending: Vec::with_capacity(Self::BLOCK),
                    digest_size: p.digest_size,
                    last_node: p.last_node,
                };
                if !p.key.is_empty() {
                    let mut first = vec![0u8; Self::BLOCK];
                    first[..p.key.len()].copy_from_slice(p.key);
                    state.update(&first);
                }
                state
            }

            fn g(v: &mut [$word; 16], a: usize, b: usize, c: usize, d: usize, x: $word, y: $word) {
                v[a] = v[a].wrapping_add(v[b]).wrapping_add(x);
                v[d] = (v[d] ^ v[a]).rotate_right($r1);
                v[c] = v[c].wrapping_add(v[d]);
                v[b] = (v[b] ^ v[c]).rotate_right($r2);
                v[a] = v[a].wrapping_add(v[b]).wrapping_add(y);
                v[d] = (v[d] ^ v[a]).rotate_right($r3);
                v[c] = v[c].wrapping_add(v[d]);
                v[b] = (v[b] ^ v[c]).rotate_right($r4);
            }

            fn compress(&mut self, block: &[u8], last: bool) {
                let mut m = [0 as $word; 16];
                for (i, word) in m.iter_mut().enumerate() {
                    let mut bytes = [0u8; Self::WORD];
                    bytes.copy_from_slice(&block[i * Self::WORD..(i + 1) * Self::WORD]);
                    *word = <$word>::from_le_bytes(bytes);
                }
                let mut v = [0 as $word; 16];
                v[..8].copy_from_slice(&self.h);
                v[8..].copy_from_slice(&Self::IV);
                let bits = 8 * Self::WORD;
                v[12] ^= self.counter as $word;
                v[13] ^= (self.counter >> bits) as $word;
                if last {
                    v[14] = !v[14];
                    if self.last_node {
                        v[15] = !v[15];
                    }
                }
                for round in 0..$rounds {
                    let s = &SIGMA[round % 10];
                    Self::g(&mut v, 0, 4, 8, 12, m[s[0]], m[s[1]]);
                    Self::g(&mut v, 1, 5, 9, 13, m[s[2]], m[s[3]]);
                    Self::g(&mut v, 2, 6, 10, 14, m[s[4]], m[s[5]]);
                    Self::g(&mut v, 3, 7, 11, 15, m[s[6]], m[s[7]]);
                    Self::g(&mut v, 0, 5, 10, 15, m[s[8]], m[s[9]]);
                    Self::g(&mut v, 1, 6, 11, 12, m[s[10]], m[s[11]]);
                    Self::g(&mut v, 2, 7, 8, 13, m[s[12]], m[s[13]]);
                    Self::g(&mut v, 3, 4, 9, 14, m[s[14]], m[s[15]]);
                }
                for i in 0..8 {
                    self.h[i] ^= v[i] ^ v[i + 8];
                }
            }

            pub fn update(&mut self, mut data: &[u8]) {
                while !data.is_empty() {
                    if self.pending.len() == Self::BLOCK {
                        let block = std::mem::take(&mut self.pending);
                        self.counter = self.counter.wrapping_add(Self::BLOCK as $counter);
                        self.compress(&block, false);
                        self.pending = block;
                        self.pending.clear();
                    }
                    let take = (Self::BLOCK - self.pending.len()).min(data.len());
                    self.pending.extend_from_slice(&data[..take]);
                    data = &data[take..];
                }
            }

            /// The digest of what was hashed so far (the state itself is unchanged).
            pub fn digest(&self) -> Vec<u8> {
                let mut last = self.clone();
                last.counter = last.counter.wrapping_add(last.pending.len() as $counter);
                let mut block = std::mem::take(&mut last.pending);
                block.resize(Self::BLOCK, 0);
                last.compress(&block, true);
                let bytes: Vec<u8> = last.h.iter().flat_map(|w| w.to_le_bytes()).collect();
                bytes[..self.digest_size].to_vec()
            }
        }
    };
}

/// BLAKE2b's 64-byte parameter block.
fn param_block_b(p: &Blake2Params<'_>) -> [u8; 64] {
    let mut b = [0u8; 64];
    b[0] = p.digest_size as u8;
    b[1] = p.key.len() as u8;
    b[2] = p.fanout;
    b[3] = p.depth;
    b[4..8].copy_from_slice(&p.leaf_size.to_le_bytes());
    b[8..16].copy_from_slice(&p.node_offset.to_le_bytes());
    b[16] = p.node_depth;
    b[17] = p.inner_size;
    b[32..32 + p.salt.len()].copy_from_slice(p.salt);
    b[48..48 + p.person.len()].copy_from_slice(p.person);
    b
}

/// BLAKE2s's 32-byte parameter block (its node offset has 48 bits).
fn param_block_s(p: &Blake2Params<'_>) -> [u8; 32] {
    let mut b = [0u8; 32];
    b[0] = p.digest_size as u8;
    b[1] = p.key.len() as u8;
    b[2] = p.fanout;
    b[3] = p.depth;
    b[4..8].copy_from_slice(&p.leaf_size.to_le_bytes());
    b[8..14].copy_from_slice(&p.node_offset.to_le_bytes()[..6]);
    b[14] = p.node_depth;
    b[15] = p.inner_size;
    b[16..16 + p.salt.len()].copy_from_slice(p.salt);
    b[24..24 + p.person.len()].copy_from_slice(p.person);
    b
}

blake2_variant!(
    /// BLAKE2b: 64-bit words, 12 rounds, digests of 1–64 bytes.
    Blake2b, u64, u128, rounds: 12, rotations: [32, 24, 16, 63],
    iv: [
        0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
        0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
    ],
    param_block: param_block_b
);

blake2_variant!(
    /// BLAKE2s: 32-bit words, 10 rounds, digests of 1–32 bytes.
    Blake2s, u32, u64, rounds: 10, rotations: [16, 12, 8, 7],
    iv: [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ],
    param_block: param_block_s
);

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{x:02x}")).collect()
    }

    #[test]
    fn rfc_7693_examples() {
        // RFC 7693, appendices A and B: the digests of "abc".
        let mut b = Blake2b::new(&Blake2Params::plain(64));
        b.update(b"abc");
        assert!(hex(&b.digest()).starts_with("ba80a53f981c4d0d6a2797b69f12f6e9"));
        let mut s = Blake2s::new(&Blake2Params::plain(32));
        s.update(b"abc");
        assert_eq!(
            hex(&s.digest()),
            "508c5e8c327c14e2e1a72ba34eeb452f37458b209ed63a294d999b4c86675982"
        );
    }
}
