import CMalloc

/// How a long-running service's process treats memory it frees.
///
/// glibc gives freed memory back to the kernel as soon as a few hundred kilobytes lie free at the
/// top of a heap, and serves every allocation above 128 KiB with a fresh `mmap`; a sequencer frees
/// and allocates batches of that size thousands of times a second, so the kernel kept zeroing the
/// same pages again: page faults were a tenth of the pipeline's CPU time. A service keeps what it
/// freed instead (its memory stays at its high-water mark, as it would with a preallocating design).
public enum ServiceMemory {
  /// Keeps freed memory in the process. Call once, first thing in a service's `run`.
  public static func keepFreedMemory() {
    // Never trim the heaps' tops; serve allocations up to 32 MiB (glibc's largest mmap threshold)
    // from the heap, not `mmap`.
    _ = mallopt(M_TRIM_THRESHOLD, Int32.max)
    _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)
    // Grow a heap by 16 MiB at a time rather than by what one allocation needs.
    _ = mallopt(M_TOP_PAD, 16 << 20)
  }
}
