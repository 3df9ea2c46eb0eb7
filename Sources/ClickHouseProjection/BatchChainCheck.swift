import TradelogCore
import TradelogWire

/// Checks that the batches read from the events log continue the chain: seq gapless, each chain hash
/// equal to SHA-256(previous chain hash ‖ the batch's bytes without the hash). A batch at or below
/// the last one accepted is a duplicate delivery and is skipped; anything else that does not continue
/// the chain is an error, and nothing past it is projected.
struct BatchChainCheck: Sendable {
  enum Verdict: Equatable {
    /// The next batch of the chain: project it.
    case next
    /// Already accepted (a record delivered twice): skip it.
    case duplicate
  }

  /// The `chain_hash` field as a protobuf encoder writes it last: tag (field 5, length-delimited),
  /// length 32, then the hash.
  private static let hashFieldPrefix: [UInt8] = [5 << 3 | 2, UInt8(SHA256.digestByteCount)]
  private static let hashFieldByteCount = 2 + SHA256.digestByteCount

  /// A chain hash computed ahead of the check, over `previousHash`.
  struct Link: Sendable {
    let previousHash: [UInt8]
    let hash: [UInt8]
  }

  private(set) var lastSeq: UInt64
  private(set) var lastHash: [UInt8]

  /// Continues after batch `lastSeq`, whose chain hash is `lastHash` (0 and empty before the first).
  init(lastSeq: UInt64 = 0, lastHash: [UInt8] = []) {
    self.lastSeq = lastSeq
    self.lastHash = lastHash
  }

  /// Checks `batch`, decoded from `recordBytes` at log position `position`. `link`, a hash computed
  /// ahead, is used only if it was computed over the last accepted batch's hash.
  mutating func check(
    _ batch: EventBatchRecord, recordBytes: [UInt8], position: Int64, link: Link? = nil
  ) throws(ClickHouseProjectionError) -> Verdict {
    if batch.seq <= lastSeq { return .duplicate }
    guard batch.seq == lastSeq + 1 else {
      throw .seqGap(expected: lastSeq + 1, found: batch.seq, position: position)
    }
    let expected =
      if let link, link.previousHash == lastHash {
        link.hash
      } else {
        Self.chainHash(of: batch, recordBytes: recordBytes, previous: lastHash)
      }
    guard expected == batch.chainHash else {
      throw .brokenChain(seq: batch.seq, position: position)
    }
    lastSeq = batch.seq
    lastHash = batch.chainHash
    return .next
  }

  /// The hash the batch should carry. A record written by `EventBatchRecord.serializedBytes()` is its
  /// hashed bytes followed by the hash field, so the hashed bytes are a prefix of the record and need
  /// no encoding; a record laid out otherwise is encoded again.
  static func chainHash(of batch: EventBatchRecord, recordBytes: [UInt8], previous: [UInt8]) -> [UInt8] {
    var hasher = SHA256()
    hasher.update(previous)
    let hashedCount = recordBytes.count - hashFieldByteCount
    if batch.chainHash.count == SHA256.digestByteCount, hashedCount >= 0,
      recordBytes[hashedCount..<hashedCount + 2].elementsEqual(hashFieldPrefix),
      recordBytes[(hashedCount + 2)...].elementsEqual(batch.chainHash)
    {
      hasher.update(recordBytes[..<hashedCount])
    } else {
      hasher.update(batch.bytesForChainHash())
    }
    return hasher.finalize()
  }
}
