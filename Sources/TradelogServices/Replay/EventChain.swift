import AcceleratedSHA256
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
    record.chainHash = advance(over: record.bytesForChainHash())
    return record
  }

  /// Seals like `seal`, but returns the record's binary form, encoding the events once: what the
  /// sequencer appends to the events log and compares during recovery.
  public mutating func sealSerialized(_ buffer: EventBuffer, commandOffset: UInt64) -> [UInt8] {
    let record = EventBatchRecord(
      seq: nextSeq, commandOffset: commandOffset, timestamp: buffer.timestamp, events: buffer.events)
    let bytes = record.bytesForChainHash()
    let chainHash = advance(over: bytes)
    return EventBatchRecord.serializedBytes(bytesForChainHash: bytes, chainHash: chainHash)
  }

  /// Hashes the next batch's bytes onto the chain and moves on to the following `seq`.
  private mutating func advance(over bytesForChainHash: [UInt8]) -> [UInt8] {
    var hasher = SHA256.accelerated()
    hasher.update(previousHash)
    hasher.update(bytesForChainHash)
    previousHash = hasher.finalize()
    nextSeq += 1
    return previousHash
  }
}
