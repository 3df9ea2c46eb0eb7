from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar

DESCRIPTOR: _descriptor.FileDescriptor

class Side(_message.Message):
    __slots__ = ()
    class Value(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        SIDE_UNSPECIFIED: _ClassVar[Side.Value]
        BUY: _ClassVar[Side.Value]
        SELL: _ClassVar[Side.Value]
    SIDE_UNSPECIFIED: Side.Value
    BUY: Side.Value
    SELL: Side.Value
    def __init__(self) -> None: ...

class OrderType(_message.Message):
    __slots__ = ()
    class Value(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        ORDER_TYPE_UNSPECIFIED: _ClassVar[OrderType.Value]
        LIMIT: _ClassVar[OrderType.Value]
        MARKET: _ClassVar[OrderType.Value]
    ORDER_TYPE_UNSPECIFIED: OrderType.Value
    LIMIT: OrderType.Value
    MARKET: OrderType.Value
    def __init__(self) -> None: ...

class TimeInForce(_message.Message):
    __slots__ = ()
    class Value(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        TIME_IN_FORCE_UNSPECIFIED: _ClassVar[TimeInForce.Value]
        GTC: _ClassVar[TimeInForce.Value]
        IOC: _ClassVar[TimeInForce.Value]
        FOK: _ClassVar[TimeInForce.Value]
        POST_ONLY: _ClassVar[TimeInForce.Value]
    TIME_IN_FORCE_UNSPECIFIED: TimeInForce.Value
    GTC: TimeInForce.Value
    IOC: TimeInForce.Value
    FOK: TimeInForce.Value
    POST_ONLY: TimeInForce.Value
    def __init__(self) -> None: ...

class SelfTradePrevention(_message.Message):
    __slots__ = ()
    class Value(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        SELF_TRADE_PREVENTION_UNSPECIFIED: _ClassVar[SelfTradePrevention.Value]
        CANCEL_TAKER: _ClassVar[SelfTradePrevention.Value]
        CANCEL_MAKER: _ClassVar[SelfTradePrevention.Value]
        CANCEL_BOTH: _ClassVar[SelfTradePrevention.Value]
        ALLOW: _ClassVar[SelfTradePrevention.Value]
    SELF_TRADE_PREVENTION_UNSPECIFIED: SelfTradePrevention.Value
    CANCEL_TAKER: SelfTradePrevention.Value
    CANCEL_MAKER: SelfTradePrevention.Value
    CANCEL_BOTH: SelfTradePrevention.Value
    ALLOW: SelfTradePrevention.Value
    def __init__(self) -> None: ...

class RejectReason(_message.Message):
    __slots__ = ()
    class Value(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        REJECT_REASON_UNSPECIFIED: _ClassVar[RejectReason.Value]
        MALFORMED: _ClassVar[RejectReason.Value]
        UNKNOWN_MARKET: _ClassVar[RejectReason.Value]
        INVALID_PRICE: _ClassVar[RejectReason.Value]
        INVALID_QUANTITY: _ClassVar[RejectReason.Value]
        OVERFLOW: _ClassVar[RejectReason.Value]
        DUPLICATE_ID: _ClassVar[RejectReason.Value]
        INSUFFICIENT_FUNDS: _ClassVar[RejectReason.Value]
        WOULD_TAKE: _ClassVar[RejectReason.Value]
        FOK_UNFILLABLE: _ClassVar[RejectReason.Value]
        UNKNOWN_ASSET: _ClassVar[RejectReason.Value]
        UNKNOWN_ORDER: _ClassVar[RejectReason.Value]
        MARKET_EXISTS: _ClassVar[RejectReason.Value]
        LIMIT_EXCEEDED: _ClassVar[RejectReason.Value]
    REJECT_REASON_UNSPECIFIED: RejectReason.Value
    MALFORMED: RejectReason.Value
    UNKNOWN_MARKET: RejectReason.Value
    INVALID_PRICE: RejectReason.Value
    INVALID_QUANTITY: RejectReason.Value
    OVERFLOW: RejectReason.Value
    DUPLICATE_ID: RejectReason.Value
    INSUFFICIENT_FUNDS: RejectReason.Value
    WOULD_TAKE: RejectReason.Value
    FOK_UNFILLABLE: RejectReason.Value
    UNKNOWN_ASSET: RejectReason.Value
    UNKNOWN_ORDER: RejectReason.Value
    MARKET_EXISTS: RejectReason.Value
    LIMIT_EXCEEDED: RejectReason.Value
    def __init__(self) -> None: ...

class CancelReason(_message.Message):
    __slots__ = ()
    class Value(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        CANCEL_REASON_UNSPECIFIED: _ClassVar[CancelReason.Value]
        USER: _ClassVar[CancelReason.Value]
        IOC: _ClassVar[CancelReason.Value]
        SELF_TRADE: _ClassVar[CancelReason.Value]
        BUDGET: _ClassVar[CancelReason.Value]
        CANCEL_ALL: _ClassVar[CancelReason.Value]
    CANCEL_REASON_UNSPECIFIED: CancelReason.Value
    USER: CancelReason.Value
    IOC: CancelReason.Value
    SELF_TRADE: CancelReason.Value
    BUDGET: CancelReason.Value
    CANCEL_ALL: CancelReason.Value
    def __init__(self) -> None: ...

class TransferKind(_message.Message):
    __slots__ = ()
    class Value(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        TRANSFER_KIND_UNSPECIFIED: _ClassVar[TransferKind.Value]
        DEPOSIT: _ClassVar[TransferKind.Value]
        WITHDRAW: _ClassVar[TransferKind.Value]
    TRANSFER_KIND_UNSPECIFIED: TransferKind.Value
    DEPOSIT: TransferKind.Value
    WITHDRAW: TransferKind.Value
    def __init__(self) -> None: ...
