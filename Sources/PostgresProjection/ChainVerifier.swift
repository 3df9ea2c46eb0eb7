import RecordLog
import TradelogCore
import TradelogServices
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
  private(set) var lastSeq: UInt64
  private(set) var lastChainHash: [UInt8]

  init(lastSeq: UInt64, lastChainHash: [UInt8]) {
    self.lastSeq = lastSeq
    self.lastChainHash = lastChainHash
  }

  /// Checks a decoded record. Its `link`, a hash computed ahead, is used only if it was computed over
  /// the last applied chain hash.
  mutating func check(_ decoded: DecodedEventBatch) throws(ProjectionError) -> Verdict {
    let record = decoded.record
    let batch = try decoded.projectedBatch()
    if batch.seq <= lastSeq { return .alreadyApplied }
    guard batch.seq == lastSeq + 1 else {
      throw .sequenceGap(expected: lastSeq + 1, found: batch.seq, position: record.position)
    }
    let expected =
      if let link = decoded.link, link.previousHash == lastChainHash {
        link.hash
      } else {
        EventChain.chainHash(ofRecord: record.value, batch: batch, previous: lastChainHash)
      }
    guard batch.chainHash.count == SHA256.digestByteCount, expected == batch.chainHash else {
      throw .brokenChain(seq: batch.seq, position: record.position)
    }
    lastSeq = batch.seq
    lastChainHash = batch.chainHash
    return .next(batch)
  }
}
