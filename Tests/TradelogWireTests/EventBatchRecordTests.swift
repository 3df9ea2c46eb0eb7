import Foundation
import SwiftProtobuf
import Testing
import TradelogCore
import TradelogWire

@Suite struct EventBatchRecordTests {
  static func oneEventBatch(_ event: Event) -> EventBatchRecord {
    EventBatchRecord(
      seq: 5, commandOffset: 4, timestamp: 1_767_225_600_000, events: [event],
      chainHash: WireSamples.chainHash)
  }

  @Test(arguments: WireSamples.events)
  func everyEventKindRoundTrips(_ sample: Sample<Event>) throws {
    let record = Self.oneEventBatch(sample.value)
    #expect(try EventBatchRecord(serializedBytes: record.serializedBytes()) == record)
  }

  @Test(arguments: WireSamples.batches)
  func batchRoundTrips(_ sample: Sample<EventBatchRecord>) throws {
    let bytes = sample.value.serializedBytes()
    #expect(try EventBatchRecord(serializedBytes: bytes) == sample.value)
    #expect(
      try bytes.withUnsafeBytes { buffer in try EventBatchRecord(serializedBytes: buffer) } == sample.value)
  }

  /// The record's bytes are exactly what protobuf's own encoder writes for the whole message, and
  /// they end with the chain hash field, so the bytes without it are a prefix.
  @Test(arguments: [0, 1, 32, 127, 128, 300])
  func chainHashIsAppendedAsProtobufWritesIt(_ hashLength: Int) throws {
    var record = try #require(WireSamples.batches.first).value
    record.chainHash = (0..<hashLength).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 1) }
    let bytes = record.serializedBytes()
    let message = try Tradelog_V1_EventBatch(serializedBytes: bytes)
    #expect(try message.serializedBytes() == bytes)
    #expect(message.chainHash == Data(record.chainHash))
    #expect(bytes.starts(with: record.bytesForChainHash()))
  }

  @Test func bytesForChainHashAreTheRecordWithoutItsLast34Bytes() throws {
    let record = try #require(WireSamples.batches.first).value
    #expect(record.chainHash.count == 32)
    let bytes = record.serializedBytes()
    #expect(Array(bytes.dropLast(34)) == record.bytesForChainHash())
    #expect(Array(bytes.suffix(34)) == [0x2A, 0x20] + record.chainHash)
  }

  @Test func bytesForChainHashDoNotDependOnTheHash() throws {
    var record = try #require(WireSamples.batches.first).value
    let withHash = record.bytesForChainHash()
    record.chainHash = []
    #expect(record.bytesForChainHash() == withHash)
    #expect(record.serializedBytes() == withHash)
    #expect(EventBatchRecord.serializedBytes(bytesForChainHash: withHash, chainHash: []) == withHash)
  }

  @Test func emptyRecordIsBatchZeroWithNoEvents() throws {
    #expect(
      try EventBatchRecord(serializedBytes: [])
        == EventBatchRecord(seq: 0, commandOffset: 0, timestamp: 0, events: []))
  }

  @Test(
    arguments: [[0xFF], [0x22, 0x05, 0x08], [0x2A, 0x05, 0x02], Array(repeating: 0x80, count: 11)]
      as [[UInt8]])
  func bytesThatAreNotABatchThrow(_ bytes: [UInt8]) {
    #expect {
      try EventBatchRecord(serializedBytes: bytes)
    } throws: { error in
      guard case .undecodable = error as? WireDecodingError else { return false }
      return true
    }
  }

  @Test func eventOfAnUnknownKindThrows() throws {
    // Event 1 is empty: no kind this version knows (a newer writer's kind would look the same).
    var message = Tradelog_V1_EventBatch()
    message.seq = 1
    message.events = [Tradelog_V1_Event(), Tradelog_V1_Event()]
    message.events[0].orderFilled.orderID = 1
    message.events[1].unknownFields = try Tradelog_V1_Event(serializedBytes: [0x68, 0x01] as [UInt8])
      .unknownFields
    let bytes: [UInt8] = try message.serializedBytes()
    #expect(throws: WireDecodingError.unknownEventKind(index: 1)) {
      try EventBatchRecord(serializedBytes: bytes)
    }
  }

  @Test(arguments: [
    Sample("events[1].trade.takerSide", Tradelog_V1_Event.OneOf_Event.trade(unknownTakerSide)),
    Sample("events[1].orderCanceled.reason", .orderCanceled(unknownCancelReason)),
    Sample("events[1].orderRejected.reason", .orderRejected(unknownRejectReason)),
    Sample("events[1].orderAccepted.timeInForce", .orderAccepted(unknownTimeInForce)),
    Sample("events[1].transferRejected.kind", .transferRejected(unknownTransferKind)),
    Sample("events[1].transferRejected.kind", .transferRejected(Tradelog_V1_TransferRejected())),
  ])
  func unknownEnumerationNumberInAnEventThrows(_ sample: Sample<Tradelog_V1_Event.OneOf_Event>) throws {
    var message = Tradelog_V1_EventBatch()
    message.events = [Tradelog_V1_Event(), Tradelog_V1_Event()]
    message.events[0].orderFilled.orderID = 1
    message.events[1].event = sample.value
    let bytes: [UInt8] = try message.serializedBytes()
    #expect {
      try EventBatchRecord(serializedBytes: bytes)
    } throws: { error in
      guard case .unknownEnumerationNumber(let field, _) = error as? WireDecodingError else { return false }
      return field == sample.name
    }
  }

  static var unknownTakerSide: Tradelog_V1_Trade {
    var trade = Tradelog_V1_Trade()
    trade.takerSide = .UNRECOGNIZED(3)
    return trade
  }

  static var unknownCancelReason: Tradelog_V1_OrderCanceled {
    var canceled = Tradelog_V1_OrderCanceled()
    canceled.reason = .UNRECOGNIZED(6)
    return canceled
  }

  static var unknownRejectReason: Tradelog_V1_OrderRejected {
    var rejected = Tradelog_V1_OrderRejected()
    rejected.reason = .UNRECOGNIZED(14)
    return rejected
  }

  static var unknownTimeInForce: Tradelog_V1_OrderAccepted {
    var accepted = Tradelog_V1_OrderAccepted()
    accepted.side = .buy
    accepted.timeInForce = .UNRECOGNIZED(5)
    return accepted
  }

  static var unknownTransferKind: Tradelog_V1_TransferRejected {
    var rejected = Tradelog_V1_TransferRejected()
    rejected.kind = .UNRECOGNIZED(3)
    return rejected
  }

  @Test func errorsSayWhatToDo() {
    let error = WireDecodingError.unknownEnumerationNumber(field: "events[1].trade.takerSide", number: 3)
    #expect(error.description.contains("events[1].trade.takerSide holds 3"))
    #expect(error.description.contains("upgrade"))
  }
}
