import TradelogCore
import TradelogWire

/// Numbers event batches and links them into the hash chain of DESIGN.md:
/// `chainHash = SHA-256(previous chainHash ‖ this batch's bytes without the hash)`, with the empty
/// byte string before the first batch. The sequencer, the replay tool and the auditor all seal
/// batches through this one type, so they cannot disagree on the bytes.
public struct EventChain: Sendable {
  /// The `seq` the next sealed batch gets: gapless from 1.
  public private(set) var nextSeq: UInt64
  /// The chain hash of the last sealed batch (empty before the first).
  public private(set) var previousHash: [UInt8]

  public init(nextSeq: UInt64 = 1, previousHash: [UInt8] = []) {
    self.nextSeq = nextSeq
    self.previousHash = previousHash
  }

  /// Seals the events of the command at `commandOffset` into the next batch of the chain.
  public mutating func seal(_ buffer: EventBuffer, commandOffset: UInt64) -> EventBatchRecord {
    var record = EventBatchRecord(
      seq: nextSeq, commandOffset: commandOffset, timestamp: buffer.timestamp, events: buffer.events)
    var hasher = SHA256()
    hasher.update(previousHash)
    hasher.update(record.bytesForChainHash())
    record.chainHash = hasher.finalize()
    previousHash = record.chainHash
    nextSeq += 1
    return record
  }
}
