import Testing
import TradelogCore

@testable import TradelogWire

/// The hand-written encoder against SwiftProtobuf's: the event log must not change by a byte.
@Suite struct EventBatchEncoderTests {
  static func batch(_ events: [Event], seq: UInt64 = 5) -> EventBatchRecord {
    EventBatchRecord(seq: seq, commandOffset: 4, timestamp: 1_767_225_600_000, events: events)
  }

  @Test(arguments: WireSamples.events)
  func everyEventKindIsEncodedAsSwiftProtobufEncodesIt(_ sample: Sample<Event>) {
    let record = Self.batch([sample.value])
    #expect(record.bytesForChainHash() == record.bytesForChainHashThroughMessages())
  }

  @Test(arguments: WireSamples.batches)
  func sampleBatchesAreEncodedAsSwiftProtobufEncodesThem(_ sample: Sample<EventBatchRecord>) {
    #expect(sample.value.bytesForChainHash() == sample.value.bytesForChainHashThroughMessages())
  }

  @Test func anEmptyBatchAndZeroHeaderFieldsAreLeftOutAlike() {
    let record = EventBatchRecord(seq: 0, commandOffset: 0, timestamp: 0, events: [])
    #expect(record.bytesForChainHash() == record.bytesForChainHashThroughMessages())
    #expect(record.bytesForChainHash().isEmpty)
  }

  /// Names that are not ASCII, valid UTF-8 or not, go through `String` on both paths.
  @Test(
    arguments: [[0xC3, 0xA9], [0xFF, 0x41], [0x41, 0x80], Array(repeating: 0x5A, count: 24)] as [[UInt8]])
  func namesOutsideASCIIAreWrittenAsTheStringIsWritten(_ bytes: [UInt8]) throws {
    let symbol = try #require(Symbol(bytes: bytes))
    let record = Self.batch([
      .balanceChanged(BalanceChanged(account: 1, asset: symbol, available: 2, held: 3))
    ])
    #expect(record.bytesForChainHash() == record.bytesForChainHashThroughMessages())
  }

  /// The encoder reserves one byte for each length in an event's header and moves the payload when
  /// a length needs more: events of 126 bytes and more, next to a short one, must come out alike.
  /// Names of every length walk the events' sizes across that boundary one byte at a time (the
  /// trade's payload is 103 bytes plus its market name, the rejected market's 113 plus its own).
  @Test func eventsAroundTheOneByteLengthLimitAreEncodedAsSwiftProtobufEncodesThem() throws {
    let longest = try #require(Symbol(bytes: Array(repeating: 0x5A, count: Symbol.capacity)))
    for length in 1...Symbol.capacity {
      let name = try #require(Symbol(bytes: Array(repeating: 0x5A, count: length)))
      let largest = Trade(
        tradeId: .max, market: name, price: .min, quantity: .min, makerOrderId: .max, takerOrderId: .max,
        makerAccount: .max, takerAccount: .max, takerSide: .sell, makerFee: .min, takerFee: .min)
      // A rejected market with extreme numbers: its payload (with the nested market) needs a
      // two-byte length too at the longest names, not only the Event around it.
      let rejectedMarket = CommandRejected(
        reason: .malformed,
        createMarket: CreateMarket(
          market: name, base: longest, quote: longest, lotSize: .min, tickSize: .min, minQuantity: .min,
          makerFeeBps: .min, takerFeeBps: .min))
      let short = Event.orderFilled(OrderFilled(orderId: 1, account: 2))
      for long in [Event.trade(largest), .commandRejected(rejectedMarket)] {
        let record = Self.batch([short, long, short])
        let encoded = record.bytesForChainHash()
        #expect(encoded == record.bytesForChainHashThroughMessages(), "names of \(length) bytes")
        guard length == Symbol.capacity else { continue }
        // The long event's length takes two bytes: tag, length, then at least 128 bytes.
        let withoutLong = Self.batch([short, short]).bytesForChainHash()
        #expect(encoded.count - withoutLong.count >= 1 + 2 + 128)
      }
    }
  }

  /// Random batches of every kind, with field values at the edges of their varint sizes, negative
  /// numbers and defaults that must be left out.
  @Test(arguments: [1, 2, 3, 4] as [UInt64])
  func randomBatchesAreEncodedAsSwiftProtobufEncodesThem(_ seed: UInt64) {
    var random = RandomEvents(seed: seed)
    for index in 0..<2_000 {
      let events = (0..<random.below(6)).map { _ in random.event() }
      let record = EventBatchRecord(
        seq: random.unsigned(), commandOffset: random.unsigned(), timestamp: random.signed(), events: events)
      let encoded = record.bytesForChainHash()
      let reference = record.bytesForChainHashThroughMessages()
      #expect(encoded == reference, "seed \(seed), batch \(index)")
      // One difference is enough to go on: not thousands of the same.
      if encoded != reference { return }
    }
  }
}
