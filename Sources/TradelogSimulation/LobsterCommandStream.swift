import TradelogCore

/// The LOBSTER AAPL hour (`shared/data/lobster` beside the project) as engine commands, with what
/// a correct engine must produce from them: for tests of price-time priority on real order flow and
/// for benchmarks.
///
/// The stream's `L` and `X` orders take engine order ids 1, 2, 3… in stream order, since nothing is
/// rejected, and clientOrderIds equal to those order ids. One market, `AAPL-USD`: lotSize 1,
/// tickSize 1 (prices are dollars × 10,000), minQuantity 1, no fees.
///
/// Accounts, as `Accounts` chooses: each order its own account (whose id is the order id, funded in
/// `setup` with twice what the order holds), so self-trade prevention never applies; or a few
/// accounts shared round-robin, funded in `setup` for the whole hour, whose orders allow self
/// trades — the steady state of an exchange whose accounts trade all day.
public struct LobsterCommandStream: Sendable {
  public static let market = Symbol("AAPL-USD")!
  public static let base = Symbol("AAPL")!
  public static let quote = Symbol("USD")!

  /// One row of the command file.
  public struct Step: Sendable {
    /// The LOBSTER message index the row comes from; −1 for the book resting when the hour began.
    public var seq: Int
    public var action: Action
    /// The command, or nil for `N` rows (messages that do not change the visible book).
    public var command: Command?
  }

  public enum Action: Sendable, Equatable {
    /// `L`: a GTC limit order, with the engine order id it takes.
    case place(orderId: UInt64)
    /// `X`: an IOC order that must fill exactly `quantity` against the resting order `makerOrderId`,
    /// in one trade, and nothing else.
    case aggressive(orderId: UInt64, makerOrderId: UInt64, quantity: Int64)
    /// `R`: reduce an open order, keeping its place.
    case reduce
    /// `C`: cancel an open order.
    case cancel
    /// `N`: nothing.
    case nothing
  }

  /// One row of the book file: the top levels after a message, best first, empty levels left out.
  public struct ExpectedBook: Sendable, Equatable {
    public var asks: [ExpectedLevel]
    public var bids: [ExpectedLevel]
  }

  public struct ExpectedLevel: Sendable, Equatable {
    public var price: Int64
    public var quantity: Int64

    public init(price: Int64, quantity: Int64) {
      self.price = price
      self.quantity = quantity
    }
  }

  public struct FormatError: Error, CustomStringConvertible {
    public var line: Int
    public var reason: String
    public var description: String { "LOBSTER file, line \(line): \(reason)" }
  }

  public enum Accounts: Sendable, Equatable {
    /// Account `n` places order `n` and nothing else.
    case onePerOrder
    /// Accounts 1…count place the orders in turn, with selfTrade ALLOW.
    case roundRobin(count: Int)
  }

  /// The market, then the deposits that fund the accounts.
  public let setup: [Command]
  public let steps: [Step]

  /// Parses a `*.commands.csv` file (header `seq,cmd,id,side,price,qty,maker`).
  public init(commandsCSV bytes: [UInt8], accounts: Accounts = .onePerOrder) throws(FormatError) {
    var builder = Builder(accounts: accounts)
    let lines = Self.lines(bytes)
    let header = ["seq", "cmd", "id", "side", "price", "qty", "maker"].map { Array($0.utf8) }
    guard let first = lines.first, Self.fields(of: first) == header else {
      throw FormatError(line: 1, reason: "not a LOBSTER command file header")
    }
    for (number, line) in lines.enumerated().dropFirst() where !line.isEmpty {
      try builder.add(Row(fields: Self.fields(of: line), line: number + 1))
    }
    builder.fundSharedAccounts()
    setup = builder.setup
    steps = builder.steps
  }

  /// Parses a LOBSTER book file: per row `askPrice1, askSize1, bidPrice1, bidSize1, askPrice2, …`;
  /// an empty level is price 9999999999 (ask) or −9999999999 (bid) with size 0.
  public static func expectedBooks(bookCSV bytes: [UInt8]) throws(FormatError) -> [ExpectedBook] {
    var books: [ExpectedBook] = []
    for (number, line) in lines(bytes).enumerated() where !line.isEmpty {
      var values: [Int64] = []
      for field in fields(of: line) {
        guard let value = integer(field) else { throw FormatError(line: number + 1, reason: "not a number") }
        values.append(value)
      }
      guard values.count % 4 == 0 else {
        throw FormatError(line: number + 1, reason: "not 4 fields per level")
      }
      var book = ExpectedBook(asks: [], bids: [])
      for level in stride(from: 0, to: values.count, by: 4) {
        if values[level + 1] > 0 {
          book.asks.append(ExpectedLevel(price: values[level], quantity: values[level + 1]))
        }
        if values[level + 3] > 0 {
          book.bids.append(ExpectedLevel(price: values[level + 2], quantity: values[level + 3]))
        }
      }
      books.append(book)
    }
    return books
  }

  /// Turns rows into steps, assigning order ids and accounts as the engine will.
  private struct Builder {
    let accounts: Accounts
    var orderAccounts: [UInt64: UInt64] = [:]
    var setup: [Command] = [
      .createMarket(
        CreateMarket(
          market: LobsterCommandStream.market, base: LobsterCommandStream.base,
          quote: LobsterCommandStream.quote, lotSize: 1, tickSize: 1, minQuantity: 1, makerFeeBps: 0,
          takerFeeBps: 0))
    ]
    var steps: [Step] = []
    var orderIds: [Int64: UInt64] = [:]
    var nextOrderId: UInt64 = 1

    mutating func add(_ row: Row) throws(FormatError) {
      switch row.command {
      case "L", "X":
        let orderId = try newOrder(row)
        let order = PlaceOrder(
          account: orderAccounts[orderId]!, clientOrderId: orderId, market: LobsterCommandStream.market,
          side: row.side, type: .limit, price: row.price, quantity: row.quantity,
          timeInForce: row.command == "L" ? .goodTillCanceled : .immediateOrCancel,
          selfTrade: accounts == .onePerOrder ? .unspecified : .allow)
        if row.command == "L" {
          steps.append(Step(seq: row.seq, action: .place(orderId: orderId), command: .placeOrder(order)))
        } else {
          guard let maker = orderIds[row.maker] else {
            throw FormatError(line: row.line, reason: "maker \(row.maker) was never placed")
          }
          steps.append(
            Step(
              seq: row.seq,
              action: .aggressive(orderId: orderId, makerOrderId: maker, quantity: row.quantity),
              command: .placeOrder(order)))
        }
      case "R":
        let orderId = try existingOrder(row)
        steps.append(
          Step(
            seq: row.seq, action: .reduce,
            command: .reduceOrder(
              ReduceOrder(account: orderAccounts[orderId]!, orderId: orderId, reduceBy: row.quantity))))
      case "C":
        let orderId = try existingOrder(row)
        steps.append(
          Step(
            seq: row.seq, action: .cancel,
            command: .cancelOrder(CancelOrder(account: orderAccounts[orderId]!, orderId: orderId))))
      case "N":
        steps.append(Step(seq: row.seq, action: .nothing, command: nil))
      default:
        throw FormatError(line: row.line, reason: "unknown command \(row.command)")
      }
    }

    /// A new order takes the next order id, and its account: one of its own, funded with twice its
    /// hold, or the next shared one.
    private mutating func newOrder(_ row: Row) throws(FormatError) -> UInt64 {
      let orderId = nextOrderId
      nextOrderId += 1
      guard orderIds.updateValue(orderId, forKey: row.id) == nil else {
        throw FormatError(line: row.line, reason: "order \(row.id) is placed twice")
      }
      switch accounts {
      case .onePerOrder:
        orderAccounts[orderId] = orderId
        let hold = row.side == .buy ? row.price * row.quantity : row.quantity
        let asset = row.side == .buy ? LobsterCommandStream.quote : LobsterCommandStream.base
        setup.append(.deposit(Transfer(account: orderId, asset: asset, amount: 2 * hold, transferId: 1)))
      case .roundRobin(let count):
        orderAccounts[orderId] = (orderId - 1) % UInt64(count) + 1
      }
      return orderId
    }

    /// Shared accounts get enough of both assets for every order of the hour.
    mutating func fundSharedAccounts() {
      guard case .roundRobin(let count) = accounts else { return }
      for account in 1...UInt64(count) {
        for (transferId, asset) in [LobsterCommandStream.base, LobsterCommandStream.quote].enumerated() {
          setup.append(
            .deposit(
              Transfer(account: account, asset: asset, amount: 1 << 52, transferId: UInt64(transferId + 1))))
        }
      }
    }

    private func existingOrder(_ row: Row) throws(FormatError) -> UInt64 {
      guard let orderId = orderIds[row.id] else {
        throw FormatError(line: row.line, reason: "order \(row.id) was never placed")
      }
      return orderId
    }
  }

  private struct Row {
    var line: Int
    var seq: Int
    var command: String
    var id: Int64
    var side: Side
    var price: Int64
    var quantity: Int64
    var maker: Int64

    init(fields: [[UInt8]], line: Int) throws(FormatError) {
      guard fields.count == 7, let seq = LobsterCommandStream.integer(fields[0]) else {
        throw FormatError(line: line, reason: "expected 7 fields, the first a seq")
      }
      self.line = line
      self.seq = Int(seq)
      command = String(decoding: fields[1], as: UTF8.self)
      guard let id = LobsterCommandStream.integer(fields[2]) ?? (command == "N" ? 0 : nil) else {
        throw FormatError(line: line, reason: "a \(command) row needs an order id")
      }
      self.id = id
      switch fields[3] {
      case Array("B".utf8): side = .buy
      case Array("S".utf8): side = .sell
      default: side = .unspecified
      }
      price = LobsterCommandStream.integer(fields[4]) ?? 0
      quantity = LobsterCommandStream.integer(fields[5]) ?? 0
      maker = LobsterCommandStream.integer(fields[6]) ?? 0
      let placesOrder = command == "L" || command == "X"
      guard !placesOrder || (side != .unspecified && price > 0 && quantity > 0) else {
        throw FormatError(line: line, reason: "an order needs a side, a price and a quantity")
      }
    }
  }

  private static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
    bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map {
      $0.last == UInt8(ascii: "\r") ? $0.dropLast() : $0
    }
  }

  private static func fields(of line: ArraySlice<UInt8>) -> [[UInt8]] {
    line.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map { Array($0) }
  }

  /// A decimal integer, optionally negative; nil for anything else, the empty field included.
  private static func integer(_ field: [UInt8]) -> Int64? {
    let isNegative = field.first == UInt8(ascii: "-")
    let digits = isNegative ? field.dropFirst() : field[...]
    guard !digits.isEmpty else { return nil }
    var value: Int64 = 0
    for byte in digits {
      guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
      let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
      let (sum, sumOverflow) = shifted.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
      guard !overflow, !sumOverflow else { return nil }
      value = sum
    }
    return isNegative ? -value : value
  }
}
