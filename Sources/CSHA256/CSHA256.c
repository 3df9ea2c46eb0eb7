#include "CSHA256.h"

#if defined(__x86_64__)

#include <cpuid.h>
#include <immintrin.h>

// CPUID bits (Intel SDM volume 2A, CPUID): leaf 1 ECX has SSSE3 (bit 9) and SSE4.1 (bit 19); leaf 7
// subleaf 0 EBX has SHA (bit 29). Read directly rather than through __builtin_cpu_supports("sha"):
// that builtin reads a feature table from the compiler's runtime library, and clang's layout of
// the newer feature bits has not always matched the libgcc the Swift toolchain links here.
bool csha256_ni_is_supported(void) {
  unsigned int eax, ebx, ecx, edx;
  if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return false;
  bool has_ssse3 = (ecx & (1u << 9)) != 0;
  bool has_sse41 = (ecx & (1u << 19)) != 0;
  if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return false;
  bool has_sha = (ebx & (1u << 29)) != 0;
  return has_ssse3 && has_sse41 && has_sha;
}

// The 64 round constants of FIPS 180-4 4.2.2, four per 16-byte vector.
static const uint32_t round_constants[64] __attribute__((aligned(16))) = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

// Only this function is compiled for the SHA extensions, so the rest of the program runs on any
// x86_64 CPU; callers reach it only after csha256_ni_is_supported() said yes.
__attribute__((target("sha,sse4.1")))
void csha256_ni_compress_blocks(uint32_t *state, const uint8_t *blocks, size_t block_count) {
  // The message is big-endian; this shuffle reverses the bytes of each 32-bit word.
  const __m128i byte_swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);

  // SHA256RNDS2 keeps the working variables as two vectors, {A, B, E, F} and {C, D, G, H} (highest
  // lane first), not in FIPS order: rearrange once here and back after the last block.
  __m128i abcd = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&state[0]), 0xB1);  // C D A B
  __m128i efgh = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&state[4]), 0x1B);  // E F G H
  __m128i abef = _mm_alignr_epi8(abcd, efgh, 8);
  __m128i cdgh = _mm_blend_epi16(efgh, abcd, 0xF0);

  for (size_t block = 0; block < block_count; block++) {
    const uint8_t *data = blocks + block * 64;
    __m128i abef_before = abef;
    __m128i cdgh_before = cdgh;
    // Message words in groups of four: group i holds W[4i...4i+3]. Four registers rotate through
    // the sixteen groups; each later group is built from the four before it (SHA256MSG1 adds
    // sigma0, the shifted group adds W[t-7], SHA256MSG2 adds sigma1).
    __m128i words[4];
#pragma clang loop unroll(full)
    for (int group = 0; group < 16; group++) {
      if (group < 4) {
        words[group] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16 * group)), byte_swap);
      }
      __m128i current = words[group % 4];
      __m128i message =
          _mm_add_epi32(current, _mm_load_si128((const __m128i *)&round_constants[4 * group]));
      // Two rounds per SHA256RNDS2, taking their two words from the low half of `message`.
      cdgh = _mm_sha256rnds2_epu32(cdgh, abef, message);
      if (group >= 3 && group < 15) {
        // The next group, W[4(i+1)...]: needs this group and the one before, which the SHA256MSG1
        // below overwrites, so it is computed first.
        __m128i *next = &words[(group + 1) % 4];
        *next = _mm_add_epi32(*next, _mm_alignr_epi8(current, words[(group + 3) % 4], 4));
        *next = _mm_sha256msg2_epu32(*next, current);
      }
      abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(message, 0x0E));
      if (group >= 1 && group < 13) {
        // Starts group i+3 from groups i-1 and i.
        words[(group + 3) % 4] = _mm_sha256msg1_epu32(words[(group + 3) % 4], current);
      }
    }
    abef = _mm_add_epi32(abef, abef_before);
    cdgh = _mm_add_epi32(cdgh, cdgh_before);
  }

  __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
  __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
  _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(feba, dchg, 0xF0));  // D C B A
  _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(dchg, feba, 8));     // H G F E
}

#else

bool csha256_ni_is_supported(void) { return false; }

void csha256_ni_compress_blocks(uint32_t *state, const uint8_t *blocks, size_t block_count) {
  (void)state;
  (void)blocks;
  (void)block_count;
  // Reached only by a caller that ignored csha256_ni_is_supported(): a programmer error.
  __builtin_trap();
}

#endif
