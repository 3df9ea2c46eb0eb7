from tradelog.v1 import command_pb2 as _command_pb2
from tradelog.v1 import enumerations_pb2 as _enumerations_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class EventBatch(_message.Message):
    __slots__ = ("seq", "command_offset", "timestamp", "events", "chain_hash")
    SEQ_FIELD_NUMBER: _ClassVar[int]
    COMMAND_OFFSET_FIELD_NUMBER: _ClassVar[int]
    TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    EVENTS_FIELD_NUMBER: _ClassVar[int]
    CHAIN_HASH_FIELD_NUMBER: _ClassVar[int]
    seq: int
    command_offset: int
    timestamp: int
    events: _containers.RepeatedCompositeFieldContainer[Event]
    chain_hash: bytes
    def __init__(self, seq: _Optional[int] = ..., command_offset: _Optional[int] = ..., timestamp: _Optional[int] = ..., events: _Optional[_Iterable[_Union[Event, _Mapping]]] = ..., chain_hash: _Optional[bytes] = ...) -> None: ...

class Event(_message.Message):
    __slots__ = ("market_created", "deposited", "withdrawn", "transfer_rejected", "order_accepted", "order_rejected", "trade", "order_filled", "order_canceled", "order_reduced", "command_rejected", "balance_changed")
    MARKET_CREATED_FIELD_NUMBER: _ClassVar[int]
    DEPOSITED_FIELD_NUMBER: _ClassVar[int]
    WITHDRAWN_FIELD_NUMBER: _ClassVar[int]
    TRANSFER_REJECTED_FIELD_NUMBER: _ClassVar[int]
    ORDER_ACCEPTED_FIELD_NUMBER: _ClassVar[int]
    ORDER_REJECTED_FIELD_NUMBER: _ClassVar[int]
    TRADE_FIELD_NUMBER: _ClassVar[int]
    ORDER_FILLED_FIELD_NUMBER: _ClassVar[int]
    ORDER_CANCELED_FIELD_NUMBER: _ClassVar[int]
    ORDER_REDUCED_FIELD_NUMBER: _ClassVar[int]
    COMMAND_REJECTED_FIELD_NUMBER: _ClassVar[int]
    BALANCE_CHANGED_FIELD_NUMBER: _ClassVar[int]
    market_created: _command_pb2.CreateMarket
    deposited: _command_pb2.Transfer
    withdrawn: _command_pb2.Transfer
    transfer_rejected: TransferRejected
    order_accepted: OrderAccepted
    order_rejected: OrderRejected
    trade: Trade
    order_filled: OrderFilled
    order_canceled: OrderCanceled
    order_reduced: OrderReduced
    command_rejected: CommandRejected
    balance_changed: BalanceChanged
    def __init__(self, market_created: _Optional[_Union[_command_pb2.CreateMarket, _Mapping]] = ..., deposited: _Optional[_Union[_command_pb2.Transfer, _Mapping]] = ..., withdrawn: _Optional[_Union[_command_pb2.Transfer, _Mapping]] = ..., transfer_rejected: _Optional[_Union[TransferRejected, _Mapping]] = ..., order_accepted: _Optional[_Union[OrderAccepted, _Mapping]] = ..., order_rejected: _Optional[_Union[OrderRejected, _Mapping]] = ..., trade: _Optional[_Union[Trade, _Mapping]] = ..., order_filled: _Optional[_Union[OrderFilled, _Mapping]] = ..., order_canceled: _Optional[_Union[OrderCanceled, _Mapping]] = ..., order_reduced: _Optional[_Union[OrderReduced, _Mapping]] = ..., command_rejected: _Optional[_Union[CommandRejected, _Mapping]] = ..., balance_changed: _Optional[_Union[BalanceChanged, _Mapping]] = ...) -> None: ...

class TransferRejected(_message.Message):
    __slots__ = ("account", "asset", "amount", "transfer_id", "reason", "kind")
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    ASSET_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    TRANSFER_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    account: int
    asset: str
    amount: int
    transfer_id: int
    reason: _enumerations_pb2.RejectReason.Value
    kind: _enumerations_pb2.TransferKind.Value
    def __init__(self, account: _Optional[int] = ..., asset: _Optional[str] = ..., amount: _Optional[int] = ..., transfer_id: _Optional[int] = ..., reason: _Optional[_Union[_enumerations_pb2.RejectReason.Value, str]] = ..., kind: _Optional[_Union[_enumerations_pb2.TransferKind.Value, str]] = ...) -> None: ...

class OrderAccepted(_message.Message):
    __slots__ = ("order_id", "account", "client_order_id", "market", "side", "type", "price", "quantity", "time_in_force")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    MARKET_FIELD_NUMBER: _ClassVar[int]
    SIDE_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    PRICE_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    TIME_IN_FORCE_FIELD_NUMBER: _ClassVar[int]
    order_id: int
    account: int
    client_order_id: int
    market: str
    side: _enumerations_pb2.Side.Value
    type: _enumerations_pb2.OrderType.Value
    price: int
    quantity: int
    time_in_force: _enumerations_pb2.TimeInForce.Value
    def __init__(self, order_id: _Optional[int] = ..., account: _Optional[int] = ..., client_order_id: _Optional[int] = ..., market: _Optional[str] = ..., side: _Optional[_Union[_enumerations_pb2.Side.Value, str]] = ..., type: _Optional[_Union[_enumerations_pb2.OrderType.Value, str]] = ..., price: _Optional[int] = ..., quantity: _Optional[int] = ..., time_in_force: _Optional[_Union[_enumerations_pb2.TimeInForce.Value, str]] = ...) -> None: ...

class OrderRejected(_message.Message):
    __slots__ = ("account", "client_order_id", "order_id", "market", "reason")
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    MARKET_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    account: int
    client_order_id: int
    order_id: int
    market: str
    reason: _enumerations_pb2.RejectReason.Value
    def __init__(self, account: _Optional[int] = ..., client_order_id: _Optional[int] = ..., order_id: _Optional[int] = ..., market: _Optional[str] = ..., reason: _Optional[_Union[_enumerations_pb2.RejectReason.Value, str]] = ...) -> None: ...

class Trade(_message.Message):
    __slots__ = ("trade_id", "market", "price", "quantity", "maker_order_id", "taker_order_id", "maker_account", "taker_account", "taker_side", "maker_fee", "taker_fee")
    TRADE_ID_FIELD_NUMBER: _ClassVar[int]
    MARKET_FIELD_NUMBER: _ClassVar[int]
    PRICE_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    MAKER_ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    TAKER_ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    MAKER_ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    TAKER_ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    TAKER_SIDE_FIELD_NUMBER: _ClassVar[int]
    MAKER_FEE_FIELD_NUMBER: _ClassVar[int]
    TAKER_FEE_FIELD_NUMBER: _ClassVar[int]
    trade_id: int
    market: str
    price: int
    quantity: int
    maker_order_id: int
    taker_order_id: int
    maker_account: int
    taker_account: int
    taker_side: _enumerations_pb2.Side.Value
    maker_fee: int
    taker_fee: int
    def __init__(self, trade_id: _Optional[int] = ..., market: _Optional[str] = ..., price: _Optional[int] = ..., quantity: _Optional[int] = ..., maker_order_id: _Optional[int] = ..., taker_order_id: _Optional[int] = ..., maker_account: _Optional[int] = ..., taker_account: _Optional[int] = ..., taker_side: _Optional[_Union[_enumerations_pb2.Side.Value, str]] = ..., maker_fee: _Optional[int] = ..., taker_fee: _Optional[int] = ...) -> None: ...

class OrderFilled(_message.Message):
    __slots__ = ("order_id", "account")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    order_id: int
    account: int
    def __init__(self, order_id: _Optional[int] = ..., account: _Optional[int] = ...) -> None: ...

class OrderCanceled(_message.Message):
    __slots__ = ("order_id", "account", "remaining", "reason")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    REMAINING_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    order_id: int
    account: int
    remaining: int
    reason: _enumerations_pb2.CancelReason.Value
    def __init__(self, order_id: _Optional[int] = ..., account: _Optional[int] = ..., remaining: _Optional[int] = ..., reason: _Optional[_Union[_enumerations_pb2.CancelReason.Value, str]] = ...) -> None: ...

class OrderReduced(_message.Message):
    __slots__ = ("order_id", "account", "remaining")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    REMAINING_FIELD_NUMBER: _ClassVar[int]
    order_id: int
    account: int
    remaining: int
    def __init__(self, order_id: _Optional[int] = ..., account: _Optional[int] = ..., remaining: _Optional[int] = ...) -> None: ...

class CommandRejected(_message.Message):
    __slots__ = ("reason", "create_market")
    REASON_FIELD_NUMBER: _ClassVar[int]
    CREATE_MARKET_FIELD_NUMBER: _ClassVar[int]
    reason: _enumerations_pb2.RejectReason.Value
    create_market: _command_pb2.CreateMarket
    def __init__(self, reason: _Optional[_Union[_enumerations_pb2.RejectReason.Value, str]] = ..., create_market: _Optional[_Union[_command_pb2.CreateMarket, _Mapping]] = ...) -> None: ...

class BalanceChanged(_message.Message):
    __slots__ = ("account", "asset", "available", "held")
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    ASSET_FIELD_NUMBER: _ClassVar[int]
    AVAILABLE_FIELD_NUMBER: _ClassVar[int]
    HELD_FIELD_NUMBER: _ClassVar[int]
    account: int
    asset: str
    available: int
    held: int
    def __init__(self, account: _Optional[int] = ..., asset: _Optional[str] = ..., available: _Optional[int] = ..., held: _Optional[int] = ...) -> None: ...
