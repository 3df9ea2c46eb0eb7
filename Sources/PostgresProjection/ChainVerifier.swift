import RecordLog
import TradelogCore
import TradelogWire

/// Checks that each batch read from the events log is the next one: its seq follows the last
/// applied seq without a gap, and its chain hash links to the last applied hash (DESIGN.md:
/// `chainHash = SHA-256(previous chainHash ‖ this batch's bytes without the hash)`). A batch at or
/// below the last applied seq was delivered before and is skipped: that is what makes applying a
/// log twice change nothing.
struct ChainVerifier {
  enum Verdict {
    case next(EventBatchRecord)
    case alreadyApplied
  }

  /// A chain hash computed ahead of the check, over `previousHash`.
  struct Link: Sendable {
    let previousHash: [UInt8]
    let hash: [UInt8]
  }

  private(set) var lastSeq: UInt64
  private(set) var lastChainHash: [UInt8]

  init(lastSeq: UInt64, lastChainHash: [UInt8]) {
    self.lastSeq = lastSeq
    self.lastChainHash = lastChainHash
  }

  /// The chain hash field as a protobuf encoder writes it last: tag 5/length-delimited, length 32.
  private static let chainHashFieldPrefix: [UInt8] = [5 << 3 | 2, UInt8(SHA256.digestByteCount)]
  private static let chainHashFieldByteCount = 2 + SHA256.digestByteCount

  /// Checks a decoded record. Its `link`, a hash computed ahead, is used only if it was computed over
  /// the last applied chain hash.
  mutating func check(_ decoded: DecodedRecord) throws(ProjectionError) -> Verdict {
    let record = decoded.record
    let batch = try decoded.batch.get()
    if batch.seq <= lastSeq { return .alreadyApplied }
    guard batch.seq == lastSeq + 1 else {
      throw .sequenceGap(expected: lastSeq + 1, found: batch.seq, position: record.position)
    }
    let expected =
      if let link = decoded.link, link.previousHash == lastChainHash {
        link.hash
      } else {
        Self.chainHash(of: record.value, batch: batch, previous: lastChainHash)
      }
    guard batch.chainHash.count == SHA256.digestByteCount, expected == batch.chainHash else {
      throw .brokenChain(seq: batch.seq, position: record.position)
    }
    lastSeq = batch.seq
    lastChainHash = batch.chainHash
    return .next(batch)
  }

  /// SHA-256(previous ‖ the record's bytes without its chain hash).
  static func chainHash(of bytes: [UInt8], batch: EventBatchRecord, previous: [UInt8]) -> [UInt8] {
    var hasher = SHA256()
    hasher.update(previous)
    hasher.update(bytesForChainHash(of: bytes, batch: batch))
    return hasher.finalize()
  }

  /// The record's bytes without its chain hash field. The sequencer writes that field last, so it is
  /// cut off the end without encoding the batch again; bytes laid out otherwise are re-encoded.
  private static func bytesForChainHash(of bytes: [UInt8], batch: EventBatchRecord) -> ArraySlice<UInt8> {
    let fieldStart = bytes.count - chainHashFieldByteCount
    guard fieldStart >= 0,
      bytes[fieldStart..<fieldStart + 2].elementsEqual(chainHashFieldPrefix),
      bytes[(fieldStart + 2)...].elementsEqual(batch.chainHash)
    else {
      return batch.bytesForChainHash()[...]
    }
    return bytes[..<fieldStart]
  }
}
