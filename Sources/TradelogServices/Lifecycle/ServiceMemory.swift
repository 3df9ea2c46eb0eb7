import CMalloc

/// How a long-running service's process treats memory it frees.
///
/// glibc gives freed memory back to the kernel once enough of it lies free at the top of a heap
/// (the trim threshold), and serves allocations above its mmap threshold with a fresh `mmap` (128
/// KiB at first; it rises as such blocks are freed, and the trim threshold with it); a sequencer
/// frees and allocates batches of that size thousands of times a second, so the kernel kept
/// zeroing the same pages again: page faults were a tenth of the pipeline's CPU time. A service keeps what it
/// freed instead (its memory stays at its high-water mark, as it would with a preallocating design).
public enum ServiceMemory {
  /// Keeps freed memory in the process. Call once, first thing in a service's `run`.
  /// Only glibc is tuned; elsewhere this does nothing.
  public static func keepFreedMemory() {
    #if canImport(Glibc)
      // Never trim the heaps' tops; serve allocations up to 32 MiB (glibc's largest mmap
      // threshold) from the heap, not `mmap`.
      _ = mallopt(M_TRIM_THRESHOLD, Int32.max)
      _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)
      // Grow a heap by 16 MiB at a time rather than by what one allocation needs.
      _ = mallopt(M_TOP_PAD, 16 << 20)
    #endif
  }
}
