import TradelogCore

// Command <-> tradelog.v1.Command. Decoding never fails: a record with no command this version
// knows is `unreadable`, and every field is carried as read, for the engine to judge.

extension Command {
  init(wire message: Tradelog_V1_Command) {
    switch message.command {
    case .createMarket(let payload): self = .createMarket(CreateMarket(wire: payload))
    case .deposit(let payload): self = .deposit(Transfer(wire: payload))
    case .withdraw(let payload): self = .withdraw(Transfer(wire: payload))
    case .placeOrder(let payload): self = .placeOrder(PlaceOrder(wire: payload))
    case .cancelOrder(let payload): self = .cancelOrder(CancelOrder(wire: payload))
    case .cancelAll(let payload): self = .cancelAll(CancelAll(wire: payload))
    case .reduceOrder(let payload): self = .reduceOrder(ReduceOrder(wire: payload))
    case nil: self = .unreadable
    }
  }
}

extension Tradelog_V1_Command {
  /// `unreadable` becomes a record with no command set, which decodes back to `unreadable`.
  init(_ command: Command) {
    self.init()
    switch command {
    case .createMarket(let payload): self.command = .createMarket(Tradelog_V1_CreateMarket(payload))
    case .deposit(let payload): self.command = .deposit(Tradelog_V1_Transfer(payload))
    case .withdraw(let payload): self.command = .withdraw(Tradelog_V1_Transfer(payload))
    case .placeOrder(let payload): self.command = .placeOrder(Tradelog_V1_PlaceOrder(payload))
    case .cancelOrder(let payload): self.command = .cancelOrder(Tradelog_V1_CancelOrder(payload))
    case .cancelAll(let payload): self.command = .cancelAll(Tradelog_V1_CancelAll(payload))
    case .reduceOrder(let payload): self.command = .reduceOrder(Tradelog_V1_ReduceOrder(payload))
    case .unreadable: self.command = nil
    }
  }
}

extension CreateMarket {
  init(wire message: Tradelog_V1_CreateMarket) {
    self.init(
      market: Symbol(decoding: message.market), base: Symbol(decoding: message.base),
      quote: Symbol(decoding: message.quote), lotSize: message.lotSize, tickSize: message.tickSize,
      minQuantity: message.minQuantity, makerFeeBps: message.makerFeeBps, takerFeeBps: message.takerFeeBps)
  }
}

extension Tradelog_V1_CreateMarket {
  init(_ payload: CreateMarket) {
    self.init()
    market = payload.market.wireText
    base = payload.base.wireText
    quote = payload.quote.wireText
    lotSize = payload.lotSize
    tickSize = payload.tickSize
    minQuantity = payload.minQuantity
    makerFeeBps = payload.makerFeeBps
    takerFeeBps = payload.takerFeeBps
  }
}

extension Transfer {
  init(wire message: Tradelog_V1_Transfer) {
    self.init(
      account: message.account, asset: Symbol(decoding: message.asset), amount: message.amount,
      transferId: message.transferID)
  }
}

extension Tradelog_V1_Transfer {
  init(_ payload: Transfer) {
    self.init()
    account = payload.account
    asset = payload.asset.wireText
    amount = payload.amount
    transferID = payload.transferId
  }
}

extension PlaceOrder {
  init(wire message: Tradelog_V1_PlaceOrder) {
    self.init(
      account: message.account, clientOrderId: message.clientOrderID,
      market: Symbol(decoding: message.market),
      side: Side(wire: message.side), type: OrderType(wire: message.type), price: message.price,
      quantity: message.quantity, quoteBudget: message.quoteBudget,
      timeInForce: TimeInForce(wire: message.timeInForce),
      selfTrade: SelfTradePrevention(wire: message.selfTrade))
  }
}

extension Tradelog_V1_PlaceOrder {
  init(_ payload: PlaceOrder) {
    self.init()
    account = payload.account
    clientOrderID = payload.clientOrderId
    market = payload.market.wireText
    side = payload.side.wire
    type = payload.type.wire
    price = payload.price
    quantity = payload.quantity
    quoteBudget = payload.quoteBudget
    timeInForce = payload.timeInForce.wire
    selfTrade = payload.selfTrade.wire
  }
}

extension CancelOrder {
  init(wire message: Tradelog_V1_CancelOrder) {
    self.init(account: message.account, orderId: message.orderID, clientOrderId: message.clientOrderID)
  }
}

extension Tradelog_V1_CancelOrder {
  init(_ payload: CancelOrder) {
    self.init()
    account = payload.account
    orderID = payload.orderId
    clientOrderID = payload.clientOrderId
  }
}

extension CancelAll {
  init(wire message: Tradelog_V1_CancelAll) {
    self.init(account: message.account, market: Symbol(decoding: message.market))
  }
}

extension Tradelog_V1_CancelAll {
  init(_ payload: CancelAll) {
    self.init()
    account = payload.account
    market = payload.market.wireText
  }
}

extension ReduceOrder {
  init(wire message: Tradelog_V1_ReduceOrder) {
    self.init(account: message.account, orderId: message.orderID, reduceBy: message.reduceBy)
  }
}

extension Tradelog_V1_ReduceOrder {
  init(_ payload: ReduceOrder) {
    self.init()
    account = payload.account
    orderID = payload.orderId
    reduceBy = payload.reduceBy
  }
}
