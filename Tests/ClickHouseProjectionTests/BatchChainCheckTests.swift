import Testing
import TradelogCore
import TradelogServices
import TradelogWire

@testable import ClickHouseProjection

@Suite struct BatchChainCheckTests {
  /// Three sealed batches of one chain.
  private func sealedBatches() -> [EventBatchRecord] {
    var chain = EventChain()
    var engine = Engine()
    var buffer = EventBuffer(capacity: 8)
    return (0..<3).map { position in
      engine.apply(.cancelAll(CancelAll(account: 1)), timestamp: Int64(position), into: &buffer)
      return chain.seal(buffer, commandOffset: UInt64(position))
    }
  }

  @Test func acceptsTheChainInOrderAndSkipsRepeats() throws {
    let batches = sealedBatches()
    var check = BatchChainCheck()
    for (position, batch) in batches.enumerated() {
      #expect(
        try check.check(batch, recordBytes: batch.serializedBytes(), position: Int64(position)) == .next)
    }
    #expect(try check.check(batches[1], recordBytes: batches[1].serializedBytes(), position: 3) == .duplicate)
    #expect(check.lastSeq == 3)
    #expect(check.lastHash == batches[2].chainHash)
  }

  @Test func resumesFromAStoredBatchAndItsHash() throws {
    let batches = sealedBatches()
    var check = BatchChainCheck(lastSeq: 2, lastHash: batches[1].chainHash)
    #expect(try check.check(batches[2], recordBytes: batches[2].serializedBytes(), position: 2) == .next)
  }

  @Test func aGapIsAnError() {
    let batches = sealedBatches()
    var check = BatchChainCheck()
    #expect(throws: ClickHouseProjectionError.self) {
      try check.check(batches[1], recordBytes: batches[1].serializedBytes(), position: 0)
    }
  }

  @Test func aHashThatDoesNotFollowIsAnError() {
    let batches = sealedBatches()
    var check = BatchChainCheck(lastSeq: 1, lastHash: Array(repeating: 7, count: 32))
    #expect(throws: ClickHouseProjectionError.self) {
      try check.check(batches[1], recordBytes: batches[1].serializedBytes(), position: 1)
    }
  }

  @Test func aRecordLaidOutOtherwiseIsHashedFromItsEncoding() {
    let batch = sealedBatches()[0]
    let expected = SHA256.hash(batch.bytesForChainHash())
    #expect(
      EventChain.chainHash(ofRecord: batch.serializedBytes(), batch: batch, previous: []) == expected)
    #expect(EventChain.chainHash(ofRecord: [1, 2, 3], batch: batch, previous: []) == expected)
  }
}
