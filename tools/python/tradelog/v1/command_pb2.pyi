from tradelog.v1 import enumerations_pb2 as _enumerations_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Command(_message.Message):
    __slots__ = ("create_market", "deposit", "withdraw", "place_order", "cancel_order", "cancel_all", "reduce_order")
    CREATE_MARKET_FIELD_NUMBER: _ClassVar[int]
    DEPOSIT_FIELD_NUMBER: _ClassVar[int]
    WITHDRAW_FIELD_NUMBER: _ClassVar[int]
    PLACE_ORDER_FIELD_NUMBER: _ClassVar[int]
    CANCEL_ORDER_FIELD_NUMBER: _ClassVar[int]
    CANCEL_ALL_FIELD_NUMBER: _ClassVar[int]
    REDUCE_ORDER_FIELD_NUMBER: _ClassVar[int]
    create_market: CreateMarket
    deposit: Transfer
    withdraw: Transfer
    place_order: PlaceOrder
    cancel_order: CancelOrder
    cancel_all: CancelAll
    reduce_order: ReduceOrder
    def __init__(self, create_market: _Optional[_Union[CreateMarket, _Mapping]] = ..., deposit: _Optional[_Union[Transfer, _Mapping]] = ..., withdraw: _Optional[_Union[Transfer, _Mapping]] = ..., place_order: _Optional[_Union[PlaceOrder, _Mapping]] = ..., cancel_order: _Optional[_Union[CancelOrder, _Mapping]] = ..., cancel_all: _Optional[_Union[CancelAll, _Mapping]] = ..., reduce_order: _Optional[_Union[ReduceOrder, _Mapping]] = ...) -> None: ...

class CreateMarket(_message.Message):
    __slots__ = ("market", "base", "quote", "lot_size", "tick_size", "min_quantity", "maker_fee_bps", "taker_fee_bps")
    MARKET_FIELD_NUMBER: _ClassVar[int]
    BASE_FIELD_NUMBER: _ClassVar[int]
    QUOTE_FIELD_NUMBER: _ClassVar[int]
    LOT_SIZE_FIELD_NUMBER: _ClassVar[int]
    TICK_SIZE_FIELD_NUMBER: _ClassVar[int]
    MIN_QUANTITY_FIELD_NUMBER: _ClassVar[int]
    MAKER_FEE_BPS_FIELD_NUMBER: _ClassVar[int]
    TAKER_FEE_BPS_FIELD_NUMBER: _ClassVar[int]
    market: str
    base: str
    quote: str
    lot_size: int
    tick_size: int
    min_quantity: int
    maker_fee_bps: int
    taker_fee_bps: int
    def __init__(self, market: _Optional[str] = ..., base: _Optional[str] = ..., quote: _Optional[str] = ..., lot_size: _Optional[int] = ..., tick_size: _Optional[int] = ..., min_quantity: _Optional[int] = ..., maker_fee_bps: _Optional[int] = ..., taker_fee_bps: _Optional[int] = ...) -> None: ...

class Transfer(_message.Message):
    __slots__ = ("account", "asset", "amount", "transfer_id")
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    ASSET_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    TRANSFER_ID_FIELD_NUMBER: _ClassVar[int]
    account: int
    asset: str
    amount: int
    transfer_id: int
    def __init__(self, account: _Optional[int] = ..., asset: _Optional[str] = ..., amount: _Optional[int] = ..., transfer_id: _Optional[int] = ...) -> None: ...

class PlaceOrder(_message.Message):
    __slots__ = ("account", "client_order_id", "market", "side", "type", "price", "quantity", "quote_budget", "time_in_force", "self_trade")
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    MARKET_FIELD_NUMBER: _ClassVar[int]
    SIDE_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    PRICE_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    QUOTE_BUDGET_FIELD_NUMBER: _ClassVar[int]
    TIME_IN_FORCE_FIELD_NUMBER: _ClassVar[int]
    SELF_TRADE_FIELD_NUMBER: _ClassVar[int]
    account: int
    client_order_id: int
    market: str
    side: _enumerations_pb2.Side.Value
    type: _enumerations_pb2.OrderType.Value
    price: int
    quantity: int
    quote_budget: int
    time_in_force: _enumerations_pb2.TimeInForce.Value
    self_trade: _enumerations_pb2.SelfTradePrevention.Value
    def __init__(self, account: _Optional[int] = ..., client_order_id: _Optional[int] = ..., market: _Optional[str] = ..., side: _Optional[_Union[_enumerations_pb2.Side.Value, str]] = ..., type: _Optional[_Union[_enumerations_pb2.OrderType.Value, str]] = ..., price: _Optional[int] = ..., quantity: _Optional[int] = ..., quote_budget: _Optional[int] = ..., time_in_force: _Optional[_Union[_enumerations_pb2.TimeInForce.Value, str]] = ..., self_trade: _Optional[_Union[_enumerations_pb2.SelfTradePrevention.Value, str]] = ...) -> None: ...

class CancelOrder(_message.Message):
    __slots__ = ("account", "order_id", "client_order_id")
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    account: int
    order_id: int
    client_order_id: int
    def __init__(self, account: _Optional[int] = ..., order_id: _Optional[int] = ..., client_order_id: _Optional[int] = ...) -> None: ...

class CancelAll(_message.Message):
    __slots__ = ("account", "market")
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    MARKET_FIELD_NUMBER: _ClassVar[int]
    account: int
    market: str
    def __init__(self, account: _Optional[int] = ..., market: _Optional[str] = ...) -> None: ...

class ReduceOrder(_message.Message):
    __slots__ = ("account", "order_id", "reduce_by")
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    REDUCE_BY_FIELD_NUMBER: _ClassVar[int]
    account: int
    order_id: int
    reduce_by: int
    def __init__(self, account: _Optional[int] = ..., order_id: _Optional[int] = ..., reduce_by: _Optional[int] = ...) -> None: ...
