import Foundation
import Testing
import TradelogCore
import TradelogSimulation
import TradelogTestSupport

/// The LOBSTER AAPL hour through the full engine: price-time priority on real order flow.
@Suite struct LobsterCommandStreamTests {
  static let directory = PackageRoot.sharedData.appending(path: "lobster")

  static func loadStream() throws -> LobsterCommandStream {
    let bytes = try Data(contentsOf: directory.appending(path: "aapl-2012-06-21-0930-1030.commands.csv"))
    return try LobsterCommandStream(commandsCSV: [UInt8](bytes))
  }

  static func loadBooks() throws -> [LobsterCommandStream.ExpectedBook] {
    let bytes = try Data(contentsOf: directory.appending(path: "aapl-2012-06-21-0930.book50-first672.csv"))
    return try LobsterCommandStream.expectedBooks(bookCSV: [UInt8](bytes))
  }

  @Test func everyAggressiveOrderFillsExactlyAgainstItsMakerAndNothingIsRejected() throws {
    let stream = try Self.loadStream()
    var engine = Engine()
    var batch = EventBuffer(capacity: 64)
    for command in stream.setup {
      engine.apply(command, timestamp: 0, into: &batch)
      #expect(!batch.events.contains(where: Self.isRejection))
    }
    var aggressiveCount = 0
    var rejections = 0
    for step in stream.steps {
      guard let command = step.command else { continue }
      engine.apply(command, timestamp: 0, into: &batch)
      rejections += batch.events.filter(Self.isRejection).count
      switch step.action {
      case .place(let orderId):
        #expect(Self.acceptedOrderId(batch.events) == orderId)
      case .aggressive(let orderId, let makerOrderId, let quantity):
        aggressiveCount += 1
        #expect(Self.acceptedOrderId(batch.events) == orderId)
        let trades = batch.events.compactMap { event -> Trade? in
          if case .trade(let trade) = event { trade } else { nil }
        }
        #expect(trades.count == 1)
        #expect(trades.first?.makerOrderId == makerOrderId)
        #expect(trades.first?.quantity == quantity)
        #expect(trades.first?.takerOrderId == orderId)
        #expect(batch.events.contains(.orderFilled(OrderFilled(orderId: orderId, account: orderId))))
      case .reduce, .cancel, .nothing:
        break
      }
    }
    #expect(aggressiveCount == 4_043)
    #expect(rejections == 0)
  }

  @Test func topFiftyLevelsMatchEveryPublishedBookRow() throws {
    let stream = try Self.loadStream()
    let books = try Self.loadBooks()
    #expect(books.count == 672)
    var engine = Engine()
    var batch = EventBuffer(capacity: 64)
    for command in stream.setup { engine.apply(command, timestamp: 0, into: &batch) }
    var stepIndex = 0
    for (row, expected) in books.enumerated() {
      while stepIndex < stream.steps.count && stream.steps[stepIndex].seq <= row {
        if let command = stream.steps[stepIndex].command { engine.apply(command, timestamp: 0, into: &batch) }
        stepIndex += 1
      }
      let depth = engine.book(market: LobsterCommandStream.market, depth: 50)
      let asks = depth.asks.map { LobsterCommandStream.ExpectedLevel(price: $0.price, quantity: $0.quantity) }
      let bids = depth.bids.map { LobsterCommandStream.ExpectedLevel(price: $0.price, quantity: $0.quantity) }
      #expect(asks == expected.asks, "asks after message \(row)")
      #expect(bids == expected.bids, "bids after message \(row)")
      if asks != expected.asks || bids != expected.bids { break }
    }
  }

  static func isRejection(_ event: Event) -> Bool {
    switch event {
    case .orderRejected, .transferRejected, .commandRejected: true
    default: false
    }
  }

  static func acceptedOrderId(_ events: [Event]) -> UInt64? {
    guard case .orderAccepted(let accepted) = events.first else { return nil }
    return accepted.orderId
  }
}
