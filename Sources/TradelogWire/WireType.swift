/// Protobuf's wire types: how a field's value is laid out after its tag. Numbers 6 and 7 are not
/// wire types; a tag carrying one makes the record malformed.
enum WireType: UInt8 {
  case varint = 0
  case fixed64 = 1
  case lengthDelimited = 2
  /// The start and end of a group, proto2's nested messages without a length: no field of
  /// tradelog.v1 is one, but a producer's unknown field may be, so a reader must be able to skip it.
  case startGroup = 3
  case endGroup = 4
  case fixed32 = 5
}

/// A field's tag: its number in the message and its wire type.
struct WireTag: Equatable {
  var fieldNumber: Int
  var wireType: WireType
}
