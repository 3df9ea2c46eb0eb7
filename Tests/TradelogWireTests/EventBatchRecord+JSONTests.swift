import Testing
import TradelogCore
import TradelogWire

@Suite struct EventBatchRecordJSONTests {
  @Test(arguments: WireSamples.batches)
  func batchIsOneLineThatRoundTrips(_ sample: Sample<EventBatchRecord>) throws {
    let line = sample.value.jsonLine()
    #expect(!line.contains("\n") && !line.contains("\r"))
    #expect(try EventBatchRecord(jsonLine: line) == sample.value)
  }

  @Test(arguments: WireSamples.events)
  func everyEventKindRoundTrips(_ sample: Sample<Event>) throws {
    let record = EventBatchRecordTests.oneEventBatch(sample.value)
    #expect(try EventBatchRecord(jsonLine: record.jsonLine()) == record)
  }

  @Test func keysComeInFieldOrder() {
    let record = EventBatchRecord(
      seq: 3, commandOffset: 2, timestamp: 1_767_225_600_000,
      events: [
        .orderCanceled(OrderCanceled(orderId: 4, account: 7, remaining: 1, reason: .immediateOrCancel)),
        .orderFilled(OrderFilled(orderId: 5, account: 8)),
      ],
      chainHash: [0xDE, 0xAD, 0xBE, 0xEF])
    #expect(
      record.jsonLine()
        == #"{"seq":"3","commandOffset":"2","timestamp":"1767225600000","events":[{"orderCanceled":{"orderId":"4","#
        + #""account":"7","remaining":"1","reason":"IOC"}},{"orderFilled":{"orderId":"5","account":"8"}}],"#
        + #""chainHash":"3q2+7w=="}"#)
  }

  @Test func namesWithLineBreaksStayOnOneLine() throws {
    let name = try #require(Symbol("A\nB\r\u{2028}"))
    let record = EventBatchRecord(
      seq: 1, commandOffset: 0, timestamp: 0,
      events: [
        .orderRejected(
          OrderRejected(account: 7, orderId: 0, clientOrderId: 1, market: name, reason: .malformed))
      ])
    let line = record.jsonLine()
    #expect(!line.contains("\n") && !line.contains("\r"))
    #expect(try EventBatchRecord(jsonLine: line) == record)
  }

  @Test func numbersAndSpacesAreAccepted() throws {
    let line =
      #"{"seq": 3, "commandOffset": "2", "timestamp": 1767225600000, "events": [{"trade": {"tradeId": 1, "#
      + #""market": "BTC-USD", "price": 6512300, "quantity": 2, "makerOrderId": 1, "takerOrderId": 2, "#
      + #""makerAccount": 7, "takerAccount": 9, "takerSide": "SELL", "makerFee": 13024, "takerFee": "32561"}}]}"#
    let record = try EventBatchRecord(jsonLine: line)
    #expect(
      record
        == EventBatchRecord(
          seq: 3, commandOffset: 2, timestamp: 1_767_225_600_000,
          events: [
            .trade(
              Trade(
                tradeId: 1, market: WireSamples.btcUsd, price: 6_512_300, quantity: 2, makerOrderId: 1,
                takerOrderId: 2, makerAccount: 7, takerAccount: 9, takerSide: .sell, makerFee: 13_024,
                takerFee: 32_561))
          ]))
  }

  @Test(arguments: ["", " ", "[]", "{", #"{"seq": "x"}"#, #"{"events": [{"trade": {"takerSide": "UP"}}]}"#])
  func textThatIsNotABatchThrows(_ line: String) {
    #expect {
      try EventBatchRecord(jsonLine: line)
    } throws: { error in
      guard case .undecodable = error as? WireDecodingError else { return false }
      return true
    }
  }

  @Test func eventOfNoKnownKindThrows() {
    #expect(throws: WireDecodingError.unknownEventKind(index: 0)) {
      try EventBatchRecord(jsonLine: #"{"seq": 1, "events": [{}]}"#)
    }
  }
}
