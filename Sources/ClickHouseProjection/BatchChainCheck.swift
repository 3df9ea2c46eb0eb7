import TradelogCore
import TradelogServices
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
    _ batch: EventBatchRecord, recordBytes: [UInt8], position: Int64, link: DecodedEventBatch.Link? = nil
  ) throws(ClickHouseProjectionError) -> Verdict {
    if batch.seq <= lastSeq { return .duplicate }
    guard batch.seq == lastSeq + 1 else {
      throw .seqGap(expected: lastSeq + 1, found: batch.seq, position: position)
    }
    let expected =
      if let link, link.previousHash == lastHash {
        link.hash
      } else {
        EventChain.chainHash(ofRecord: recordBytes, batch: batch, previous: lastHash)
      }
    guard expected == batch.chainHash else {
      throw .brokenChain(seq: batch.seq, position: position)
    }
    lastSeq = batch.seq
    lastHash = batch.chainHash
    return .next
  }
}
