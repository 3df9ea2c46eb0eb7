import TradelogCore

// Event <-> tradelog.v1.Event. Only the sequencer writes events, so decoding is strict: an event of
// no known kind, or an enumeration number this version does not know, is an error that names where
// it was found (`events[index].kind.field`), never a guess.

extension Event {
  init(wire message: Tradelog_V1_Event, index: Int) throws(WireDecodingError) {
    func field(_ name: String) -> String { "events[\(index)].\(name)" }
    switch message.event {
    case .marketCreated(let payload): self = .marketCreated(CreateMarket(wire: payload))
    case .deposited(let payload): self = .deposited(Transfer(wire: payload))
    case .withdrawn(let payload): self = .withdrawn(Transfer(wire: payload))
    case .transferRejected(let payload):
      self = .transferRejected(try TransferRejected(wire: payload, field: field("transferRejected")))
    case .orderAccepted(let payload):
      self = .orderAccepted(try OrderAccepted(wire: payload, field: field("orderAccepted")))
    case .orderRejected(let payload):
      self = .orderRejected(try OrderRejected(wire: payload, field: field("orderRejected")))
    case .trade(let payload): self = .trade(try Trade(wire: payload, field: field("trade")))
    case .orderFilled(let payload):
      self = .orderFilled(OrderFilled(orderId: payload.orderID, account: payload.account))
    case .orderCanceled(let payload):
      self = .orderCanceled(try OrderCanceled(wire: payload, field: field("orderCanceled")))
    case .orderReduced(let payload):
      self = .orderReduced(
        OrderReduced(orderId: payload.orderID, account: payload.account, remaining: payload.remaining))
    case .commandRejected(let payload):
      self = .commandRejected(try CommandRejected(wire: payload, field: field("commandRejected")))
    case .balanceChanged(let payload): self = .balanceChanged(BalanceChanged(wire: payload))
    case nil: throw .unknownEventKind(index: index)
    }
  }
}

extension Tradelog_V1_Event {
  init(_ event: Event) {
    self.init()
    switch event {
    case .marketCreated(let payload): self.event = .marketCreated(Tradelog_V1_CreateMarket(payload))
    case .deposited(let payload): self.event = .deposited(Tradelog_V1_Transfer(payload))
    case .withdrawn(let payload): self.event = .withdrawn(Tradelog_V1_Transfer(payload))
    case .transferRejected(let payload): self.event = .transferRejected(Tradelog_V1_TransferRejected(payload))
    case .orderAccepted(let payload): self.event = .orderAccepted(Tradelog_V1_OrderAccepted(payload))
    case .orderRejected(let payload): self.event = .orderRejected(Tradelog_V1_OrderRejected(payload))
    case .trade(let payload): self.event = .trade(Tradelog_V1_Trade(payload))
    case .orderFilled(let payload): self.event = .orderFilled(Tradelog_V1_OrderFilled(payload))
    case .orderCanceled(let payload): self.event = .orderCanceled(Tradelog_V1_OrderCanceled(payload))
    case .orderReduced(let payload): self.event = .orderReduced(Tradelog_V1_OrderReduced(payload))
    case .commandRejected(let payload): self.event = .commandRejected(Tradelog_V1_CommandRejected(payload))
    case .balanceChanged(let payload): self.event = .balanceChanged(Tradelog_V1_BalanceChanged(payload))
    }
  }
}

extension Tradelog_V1_TransferKind.Value {
  /// Whether a rejected transfer of this kind was a withdrawal. The kind must be DEPOSIT or
  /// WITHDRAW: the core has no third value to carry. `field` names the rejection, for the error.
  func isWithdrawal(field: @autoclosure () -> String) throws(WireDecodingError) -> Bool {
    switch self {
    case .deposit: false
    case .withdraw: true
    case .transferKindUnspecified, .UNRECOGNIZED:
      throw .unknownEnumerationNumber(field: field() + ".kind", number: rawValue)
    }
  }
}

extension TransferRejected {
  init(wire message: Tradelog_V1_TransferRejected, field: @autoclosure () -> String) throws(WireDecodingError)
  {
    let isWithdrawal = try message.kind.isWithdrawal(field: field())
    self.init(
      transfer: Transfer(
        account: message.account, asset: Symbol(decoding: message.asset), amount: message.amount,
        transferId: message.transferID),
      isWithdrawal: isWithdrawal,
      reason: try RejectReason(wire: message.reason, field: field() + ".reason"))
  }
}

extension Tradelog_V1_TransferRejected {
  init(_ payload: TransferRejected) {
    self.init()
    account = payload.transfer.account
    asset = payload.transfer.asset.wireText
    amount = payload.transfer.amount
    transferID = payload.transfer.transferId
    reason = payload.reason.wire
    kind = payload.isWithdrawal ? .withdraw : .deposit
  }
}

extension OrderAccepted {
  init(wire message: Tradelog_V1_OrderAccepted, field: @autoclosure () -> String) throws(WireDecodingError) {
    self.init(
      orderId: message.orderID, account: message.account, clientOrderId: message.clientOrderID,
      market: Symbol(decoding: message.market),
      side: try Side(eventWire: message.side, field: field() + ".side"),
      type: try OrderType(eventWire: message.type, field: field() + ".type"),
      price: message.price, quantity: message.quantity,
      timeInForce: try TimeInForce(eventWire: message.timeInForce, field: field() + ".timeInForce"))
  }
}

extension Tradelog_V1_OrderAccepted {
  init(_ payload: OrderAccepted) {
    self.init()
    orderID = payload.orderId
    account = payload.account
    clientOrderID = payload.clientOrderId
    market = payload.market.wireText
    side = payload.side.wire
    type = payload.type.wire
    price = payload.price
    quantity = payload.quantity
    timeInForce = payload.timeInForce.wire
  }
}

extension OrderRejected {
  init(wire message: Tradelog_V1_OrderRejected, field: @autoclosure () -> String) throws(WireDecodingError) {
    self.init(
      account: message.account, orderId: message.orderID, clientOrderId: message.clientOrderID,
      market: Symbol(decoding: message.market),
      reason: try RejectReason(wire: message.reason, field: field() + ".reason"))
  }
}

extension Tradelog_V1_OrderRejected {
  init(_ payload: OrderRejected) {
    self.init()
    account = payload.account
    clientOrderID = payload.clientOrderId
    orderID = payload.orderId
    market = payload.market.wireText
    reason = payload.reason.wire
  }
}

extension Trade {
  init(wire message: Tradelog_V1_Trade, field: @autoclosure () -> String) throws(WireDecodingError) {
    self.init(
      tradeId: message.tradeID, market: Symbol(decoding: message.market), price: message.price,
      quantity: message.quantity, makerOrderId: message.makerOrderID, takerOrderId: message.takerOrderID,
      makerAccount: message.makerAccount, takerAccount: message.takerAccount,
      takerSide: try Side(eventWire: message.takerSide, field: field() + ".takerSide"),
      makerFee: message.makerFee, takerFee: message.takerFee)
  }
}

extension Tradelog_V1_Trade {
  init(_ payload: Trade) {
    self.init()
    tradeID = payload.tradeId
    market = payload.market.wireText
    price = payload.price
    quantity = payload.quantity
    makerOrderID = payload.makerOrderId
    takerOrderID = payload.takerOrderId
    makerAccount = payload.makerAccount
    takerAccount = payload.takerAccount
    takerSide = payload.takerSide.wire
    makerFee = payload.makerFee
    takerFee = payload.takerFee
  }
}

extension Tradelog_V1_OrderFilled {
  init(_ payload: OrderFilled) {
    self.init()
    orderID = payload.orderId
    account = payload.account
  }
}

extension OrderCanceled {
  init(wire message: Tradelog_V1_OrderCanceled, field: @autoclosure () -> String) throws(WireDecodingError) {
    self.init(
      orderId: message.orderID, account: message.account, remaining: message.remaining,
      reason: try CancelReason(wire: message.reason, field: field() + ".reason"))
  }
}

extension Tradelog_V1_OrderCanceled {
  init(_ payload: OrderCanceled) {
    self.init()
    orderID = payload.orderId
    account = payload.account
    remaining = payload.remaining
    reason = payload.reason.wire
  }
}

extension Tradelog_V1_OrderReduced {
  init(_ payload: OrderReduced) {
    self.init()
    orderID = payload.orderId
    account = payload.account
    remaining = payload.remaining
  }
}

extension CommandRejected {
  init(wire message: Tradelog_V1_CommandRejected, field: @autoclosure () -> String) throws(WireDecodingError)
  {
    self.init(
      reason: try RejectReason(wire: message.reason, field: field() + ".reason"),
      createMarket: message.hasCreateMarket ? CreateMarket(wire: message.createMarket) : nil)
  }
}

extension Tradelog_V1_CommandRejected {
  init(_ payload: CommandRejected) {
    self.init()
    reason = payload.reason.wire
    if let createMarket = payload.createMarket {
      self.createMarket = Tradelog_V1_CreateMarket(createMarket)
    }
  }
}

extension BalanceChanged {
  init(wire message: Tradelog_V1_BalanceChanged) {
    self.init(
      account: message.account, asset: Symbol(decoding: message.asset), available: message.available,
      held: message.held)
  }
}

extension Tradelog_V1_BalanceChanged {
  init(_ payload: BalanceChanged) {
    self.init()
    account = payload.account
    asset = payload.asset.wireText
    available = payload.available
    held = payload.held
  }
}
