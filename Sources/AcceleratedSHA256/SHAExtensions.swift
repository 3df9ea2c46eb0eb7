import CSHA256
import TradelogCore

/// The x86 SHA extensions (SHA-NI): CPU instructions that compress a SHA-256 block several times
/// faster than portable code. Asked once per process; the answer cannot change while it runs.
public enum SHAExtensions {
  /// Whether this CPU has them (always false on other architectures).
  public static let areSupported = csha256_ni_is_supported()

  /// Their block compression for `SHA256(blockCompression:)`, or nil on a CPU without them.
  public static let blockCompression: SHA256.BlockCompression? =
    areSupported ? csha256_ni_compress_blocks : nil
}
