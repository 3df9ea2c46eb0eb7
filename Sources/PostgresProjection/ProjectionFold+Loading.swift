import PostgresClient
import TradelogCore

extension ProjectionFold {
  /// The fold as the tables leave it: every balance, every open order and every book level.
  static func load(_ connection: PostgresConnection) throws(ProjectionError) -> ProjectionFold {
    do {
      return ProjectionFold(
        balances: try loadBalances(connection), openOrders: try loadOpenOrders(connection),
        levels: try loadLevels(connection))
    } catch let error as ProjectionError {
      throw error
    } catch let error as PostgresError {
      throw .unreadableState(error.description)
    } catch {
      preconditionFailure("loading the projection throws only ProjectionError or PostgresError, not \(error)")
    }
  }

  private static func loadBalances(_ connection: PostgresConnection) throws -> [BalanceKey: Balance] {
    var balances: [BalanceKey: Balance] = [:]
    for row in try connection.run("SELECT account, asset, available, held FROM balances") {
      let key = BalanceKey(account: try unsigned(row, "account"), asset: try symbol(row, "asset"))
      balances[key] = Balance(available: try signed(row, "available"), held: try signed(row, "held"))
    }
    return balances
  }

  private static func loadOpenOrders(_ connection: PostgresConnection) throws -> [UInt64: ProjectedOrder] {
    var orders: [UInt64: ProjectedOrder] = [:]
    let result = try connection.run(
      "SELECT \(ProjectedOrder.columns) FROM orders WHERE status = 'open' ORDER BY order_id")
    for row in result {
      let accepted = OrderAccepted(
        orderId: try unsigned(row, "order_id"), account: try unsigned(row, "account"),
        clientOrderId: try unsigned(row, "client_order_id"), market: try symbol(row, "market"),
        side: try named(row, "side", SQLNames.side(named:)),
        type: try named(row, "type", SQLNames.orderType(named:)), price: try signed(row, "price"),
        quantity: try signed(row, "quantity"),
        timeInForce: try named(row, "time_in_force", SQLNames.timeInForce(named:)))
      var order = ProjectedOrder(
        accepted: accepted, seq: try unsigned(row, "created_seq"),
        timeMilliseconds: try signed(row, "created_time_ms"))
      order.filled = try signed(row, "filled")
      order.remaining = try signed(row, "remaining")
      order.updatedSeq = try unsigned(row, "updated_seq")
      order.updatedTimeMilliseconds = try signed(row, "updated_time_ms")
      // Between batches every open order rests in its book.
      order.isResting = true
      orders[order.orderId] = order
    }
    return orders
  }

  private static func loadLevels(_ connection: PostgresConnection) throws -> [BookLevelKey: BookLevelTotals] {
    var levels: [BookLevelKey: BookLevelTotals] = [:]
    for row in try connection.run("SELECT market, side, price, quantity, order_count FROM book_levels") {
      let key = BookLevelKey(
        market: try symbol(row, "market"), side: try named(row, "side", SQLNames.side(named:)),
        price: try signed(row, "price"))
      levels[key] = BookLevelTotals(
        quantity: try signed(row, "quantity"), orderCount: Int(try signed(row, "order_count")))
    }
    return levels
  }

  private static func text(_ row: PostgresRow, _ column: String) throws(ProjectionError) -> String {
    guard let text = row[column] else { throw .unreadableState("\(column) is NULL") }
    return text
  }

  private static func signed(_ row: PostgresRow, _ column: String) throws(ProjectionError) -> Int64 {
    let text = try text(row, column)
    guard let value = Int64(text) else { throw .unreadableState("\(column) holds \(text), not an Int64") }
    return value
  }

  private static func unsigned(_ row: PostgresRow, _ column: String) throws(ProjectionError) -> UInt64 {
    let text = try text(row, column)
    guard let value = UInt64(text) else { throw .unreadableState("\(column) holds \(text), not a UInt64") }
    return value
  }

  private static func symbol(_ row: PostgresRow, _ column: String) throws(ProjectionError) -> Symbol {
    let text = try text(row, column)
    guard let symbol = Symbol(text) else { throw .unreadableState("\(column) holds \(text), not a name") }
    return symbol
  }

  private static func named<Value>(
    _ row: PostgresRow, _ column: String, _ lookUp: (String) -> Value?
  ) throws(ProjectionError) -> Value {
    let text = try text(row, column)
    guard let value = lookUp(text) else { throw .unreadableState("\(column) holds unknown name \(text)") }
    return value
  }
}
