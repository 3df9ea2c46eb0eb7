import TradelogCore

extension SHA256 {
  /// A hasher on the fastest block compression this CPU has: the SHA extensions when present, the
  /// portable Swift compression otherwise. The digests are the same either way.
  public static func accelerated() -> SHA256 {
    SHA256(blockCompression: SHAExtensions.blockCompression)
  }

  /// The digest of `bytes` in one call, on the fastest block compression this CPU has.
  public static func acceleratedHash(_ bytes: some Collection<UInt8>) -> [UInt8] {
    hash(bytes, blockCompression: SHAExtensions.blockCompression)
  }
}

extension Engine {
  /// `stateHash()` on the fastest block compression this CPU has: a snapshot's whole state (tens
  /// of megabytes) is hashed at every snapshot write and load.
  public func acceleratedStateHash() -> [UInt8] {
    stateHash(blockCompression: SHAExtensions.blockCompression)
  }
}
