import TradelogCore

/// Reads protobuf's binary wire format from bytes it does not own (a log's read buffer), without
/// building SwiftProtobuf's message objects: the sequencer decodes every command record and the
/// projectors every event batch, and the message objects cost most of that time.
///
/// It accepts and rejects exactly what SwiftProtobuf's binary decoder (1.x, unknown fields
/// discarded) does, because a record one path accepts and the other rejects would make the engine
/// and an auditor replaying through the other path disagree. The rules it copies, some of them
/// stricter or looser than the protobuf specification:
/// - A tag at message level is at most five bytes, its fifth byte at most 15; its wire type is 0…5
///   and its field number not 0; an end-group tag there is malformed. Inside a group being skipped,
///   a tag is any varint below 2³² − 1 (ten bytes allowed) with a valid wire type and field number.
/// - A varint is at most ten bytes; bits past the 64th are dropped, not rejected.
/// - A field of a known number but another wire type is an unknown field, skipped by its wire type.
/// - A string, bytes or message field is shorter than 2³¹ − 1 bytes; strings are valid UTF-8.
/// - Messages and groups nest at most 100 deep, the record's own message counted.
///
/// Every read is checked against the end of the message being read and fails with a `Failure`
/// naming the byte; nothing traps on any input.
struct WireReader {
  /// SwiftProtobuf's default `messageDepthLimit`.
  static let depthLimit = 100

  private let bytes: UnsafeRawBufferPointer
  /// Where the next read starts, counted from the start of the record, so that a failure can name
  /// the byte (nested readers share the record's bytes).
  private var offset: Int
  /// The end of the message being read: the record's, or a nested message's.
  private let end: Int
  /// How many more levels of messages and groups may be entered below this one.
  private var depthBudget: Int

  /// A reader of the record in `bytes`, itself the first level of nesting.
  init(_ bytes: UnsafeRawBufferPointer) {
    self.init(bytes: bytes, offset: 0, end: bytes.count, depthBudget: Self.depthLimit - 1)
  }

  private init(bytes: UnsafeRawBufferPointer, offset: Int, end: Int, depthBudget: Int) {
    self.bytes = bytes
    self.offset = offset
    self.end = end
    self.depthBudget = depthBudget
  }

  /// The next field's tag, or nil at the end of the message.
  mutating func nextTag() throws(Failure) -> WireTag? {
    guard offset < end else { return nil }
    let start = offset
    let first = bytes[offset]
    guard let wireType = WireType(rawValue: first & 7) else { throw .invalidTag(offset: start) }
    var fieldNumber = Int(first & 0x7F) >> 3
    offset += 1
    if first >= 0x80 {
      fieldNumber |= try readTagContinuation(start: start)
    }
    // A group's end is only valid inside the group, and groups are skipped whole (`skipGroup`).
    guard fieldNumber != 0, wireType != .endGroup else { throw .invalidTag(offset: start) }
    return WireTag(fieldNumber: fieldNumber, wireType: wireType)
  }

  /// The field number bits of a tag's second to fifth bytes, as SwiftProtobuf's tag reader takes
  /// them: at most five bytes in all, the fifth one below 16.
  private mutating func readTagContinuation(start: Int) throws(Failure) -> Int {
    var bits = 0
    var shift = 4
    for index in 1...4 {
      guard offset < end else { throw .truncated(offset: start) }
      let byte = bytes[offset]
      offset += 1
      if index == 4 {
        guard byte <= 15 else { throw .invalidTag(offset: start) }
        return bits | Int(byte) << shift
      }
      bits |= Int(byte & 0x7F) << shift
      if byte < 0x80 { return bits }
      shift += 7
    }
    preconditionFailure("the loop returns by its fourth byte")
  }

  /// A varint: little-endian groups of seven bits, at most ten bytes. Bits past the 64th are
  /// dropped, as SwiftProtobuf drops them.
  mutating func readVarint() throws(Failure) -> UInt64 {
    guard offset < end else { throw .truncated(offset: offset) }
    let start = offset
    var byte = bytes[offset]
    offset += 1
    if byte < 0x80 { return UInt64(byte) }
    var value = UInt64(byte & 0x7F)
    var shift: UInt64 = 7
    while true {
      guard offset < end, shift <= 63 else { throw .malformedVarint(offset: start) }
      byte = bytes[offset]
      offset += 1
      value |= UInt64(byte & 0x7F) &<< shift
      if byte < 0x80 { return value }
      shift += 7
    }
  }

  /// An `int32` or an enumeration number: the varint's low 32 bits, as SwiftProtobuf truncates it.
  mutating func readInt32() throws(Failure) -> Int32 {
    Int32(truncatingIfNeeded: try readVarint())
  }

  mutating func readInt64() throws(Failure) -> Int64 {
    Int64(bitPattern: try readVarint())
  }

  /// A length-delimited value's bytes, which stay valid as long as the record's bytes do.
  mutating func readLengthDelimited() throws(Failure) -> UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(rebasing: bytes[try readLengthDelimitedRange()])
  }

  /// Where a length-delimited value's bytes are in the record; the reader moves past them.
  private mutating func readLengthDelimitedRange() throws(Failure) -> Range<Int> {
    let start = offset
    let length = try readVarint()
    // SwiftProtobuf's limit for strings, bytes and messages (that of protobuf's other runtimes).
    guard length < 0x7FFF_FFFF else { throw .tooLong(offset: start) }
    guard length <= UInt64(end - offset) else { throw .truncated(offset: start) }
    let range = offset..<offset + Int(length)
    offset = range.upperBound
    return range
  }

  /// A `bytes` field.
  mutating func readBytes() throws(Failure) -> [UInt8] {
    [UInt8](try readLengthDelimited())
  }

  /// A `string` field holding a name: invalid UTF-8 fails (SwiftProtobuf rejects it); a name that
  /// does not fit a `Symbol` is `Symbol.unreadable`, as `Symbol(decoding:)` makes it.
  mutating func readSymbol() throws(Failure) -> Symbol {
    let start = offset
    let text = try readLengthDelimited()
    guard Self.isValidUTF8(text) else { throw .invalidUTF8(offset: start) }
    guard text.count <= Symbol.capacity else { return .unreadable }
    return Symbol(bytes: text) ?? .unreadable
  }

  /// Validates as SwiftProtobuf does (Unicode.UTF8's parser), after a shortcut for ASCII, which
  /// every valid name is.
  private static func isValidUTF8(_ text: UnsafeRawBufferPointer) -> Bool {
    var isASCII = true
    for byte in text where byte >= 0x80 { isASCII = false }
    if isASCII { return true }
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = text.makeIterator()
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid: continue
      case .error: return false
      case .emptyInput: return true
      }
    }
  }

  /// A message field: its fields read over `existing` (a message field that appears twice is
  /// merged, as protobuf prescribes), or over the defaults when there is none.
  mutating func readMessage<Message: WireMergeable>(mergingInto existing: Message?) throws(Failure) -> Message
  {
    let start = offset
    let body = try readLengthDelimitedRange()
    var nested = WireReader(
      bytes: bytes, offset: body.lowerBound, end: body.upperBound, depthBudget: depthBudget - 1)
    guard nested.depthBudget >= 0 else { throw .nestedTooDeep(offset: start) }
    var message = existing ?? .wireDefault
    try message.merge(from: &nested)
    return message
  }

  /// Skips the value of a field this reader has no use for (an unknown field, or a known one of
  /// another wire type), checking it as SwiftProtobuf does.
  mutating func skip(_ tag: WireTag) throws(Failure) {
    let start = offset
    switch tag.wireType {
    case .varint: _ = try readVarint()
    case .fixed64: try skipBytes(8, start: start)
    case .fixed32: try skipBytes(4, start: start)
    case .lengthDelimited:
      // No 2 GiB limit here: SwiftProtobuf checks only that the value is within the message.
      let length = try readVarint()
      guard length <= UInt64(end - offset) else { throw .truncated(offset: start) }
      offset += Int(length)
    case .startGroup: try skipGroup(fieldNumber: tag.fieldNumber, start: start)
    case .endGroup: throw .invalidTag(offset: start)
    }
  }

  private mutating func skipBytes(_ count: Int, start: Int) throws(Failure) {
    guard end - offset >= count else { throw .truncated(offset: start) }
    offset += count
  }

  /// Skips a group's fields up to its end tag, which must carry the group's field number.
  private mutating func skipGroup(fieldNumber: Int, start: Int) throws(Failure) {
    depthBudget -= 1
    guard depthBudget >= 0 else { throw .nestedTooDeep(offset: start) }
    while true {
      guard offset < end else { throw .truncated(offset: start) }
      let tag = try readGroupMemberTag()
      if tag.wireType == .endGroup {
        guard tag.fieldNumber == fieldNumber else { throw .invalidTag(offset: start) }
        depthBudget += 1
        return
      }
      try skip(tag)
    }
  }

  /// A tag inside a group: SwiftProtobuf reads these as plain varints, unlike tags at message level.
  private mutating func readGroupMemberTag() throws(Failure) -> WireTag {
    let start = offset
    let value = try readVarint()
    guard value < UInt64(UInt32.max), value >> 3 != 0, let wireType = WireType(rawValue: UInt8(value & 7))
    else { throw .invalidTag(offset: start) }
    return WireTag(fieldNumber: Int(value >> 3), wireType: wireType)
  }
}
