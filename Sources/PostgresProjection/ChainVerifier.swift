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

  private(set) var lastSeq: UInt64
  private(set) var lastChainHash: [UInt8]

  init(lastSeq: UInt64, lastChainHash: [UInt8]) {
    self.lastSeq = lastSeq
    self.lastChainHash = lastChainHash
  }

  /// The chain hash field as a protobuf encoder writes it last: tag 5/length-delimited, length 32.
  private static let chainHashFieldPrefix: [UInt8] = [5 << 3 | 2, UInt8(SHA256.digestByteCount)]
  private static let chainHashFieldByteCount = 2 + SHA256.digestByteCount

  mutating func check(_ record: LogRecord) throws(ProjectionError) -> Verdict {
    let batch: EventBatchRecord
    do {
      batch = try EventBatchRecord(serializedBytes: record.value)
    } catch {
      throw .undecodableBatch(position: record.position, reason: error.description)
    }
    if batch.seq <= lastSeq { return .alreadyApplied }
    guard batch.seq == lastSeq + 1 else {
      throw .sequenceGap(expected: lastSeq + 1, found: batch.seq, position: record.position)
    }
    var hasher = SHA256()
    hasher.update(lastChainHash)
    hasher.update(Self.bytesForChainHash(of: record.value, batch: batch))
    guard batch.chainHash.count == SHA256.digestByteCount, hasher.finalize() == batch.chainHash else {
      throw .brokenChain(seq: batch.seq, position: record.position)
    }
    lastSeq = batch.seq
    lastChainHash = batch.chainHash
    return .next(batch)
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
