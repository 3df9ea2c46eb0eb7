/// Seeded mutations of protobuf encodings, for the differential tests of the direct decoders: bytes
/// close enough to valid records to reach deep into a decoder, wrong in every way the wire format
/// allows (flipped, inserted, deleted and cut bytes, repeated and reordered fields, fields of every
/// wire type the schema does not know, groups nested to the depth limit, overlong varints, wrong
/// wire types), inside nested messages too, their lengths kept right. A failure reproduces from
/// the seed.
struct WireMutator {
  private var random: RandomEvents

  init(seed: UInt64) {
    random = RandomEvents(seed: seed)
  }

  /// One to three mutations of `bytes`; `other` is another valid encoding, to splice in.
  mutating func mutate(_ bytes: [UInt8], other: [UInt8]) -> [UInt8] {
    var result = bytes
    for _ in 0...random.below(3) {
      result = mutateOnce(result, other: other)
    }
    return result
  }

  private mutating func mutateOnce(_ bytes: [UInt8], other: [UInt8]) -> [UInt8] {
    var result = bytes
    switch random.below(14) {
    case 0 where !result.isEmpty:
      result[random.below(result.count)] ^= 1 << UInt8(random.below(8))
    case 1 where !result.isEmpty:
      let interesting: [UInt8] = [0x00, 0x01, 0x07, 0x0F, 0x10, 0x7F, 0x80, 0xFF]
      result[random.below(result.count)] = random.below(2) == 0 ? interesting[random.below(8)] : randomByte()
    case 2:
      result.insert(
        contentsOf: (0...random.below(3)).map { _ in randomByte() }, at: random.below(result.count + 1))
    case 3 where !result.isEmpty:
      let start = random.below(result.count)
      result.removeSubrange(start..<min(result.count, start + 1 + random.below(4)))
    case 4: result = Array(result.prefix(random.below(result.count + 1)))
    case 5: result = duplicateField(result)
    case 6, 7: result = insertAtFieldBoundary(result, unknownField())
    case 8, 9: result = mutateInsideMessage(result, other: other)
    case 10: result = swapFields(result)
    case 11: result = lengthenVarint(result)
    case 12: result = random.below(2) == 0 ? result + other : other + result
    default:
      // A tag's wire type changed: a known field read as another type, or a broken record.
      if let field = Self.fields(of: result).randomElement(using: &random) {
        result[field.start] = result[field.start] & ~7 | UInt8(random.below(8))
      }
    }
    return result
  }

  private mutating func randomByte() -> UInt8 { UInt8(truncatingIfNeeded: random.next()) }

  // MARK: Structure

  /// A field of a message: where it starts, where its value starts (after the tag, and after the
  /// length of a length-delimited value) and ends, and its wire type.
  struct Field {
    var start: Int
    var tagEnd: Int
    var valueStart: Int
    var end: Int
    var wireType: UInt8
  }

  /// The fields of `bytes` read as a message, or none when they are not one (groups included).
  static func fields(of bytes: [UInt8]) -> [Field] {
    var fields: [Field] = []
    var offset = 0
    while offset < bytes.count {
      let start = offset
      guard let tag = varint(bytes, &offset) else { return [] }
      let tagEnd = offset
      let wireType = UInt8(tag & 7)
      var valueStart = offset
      switch wireType {
      case 0: guard varint(bytes, &offset) != nil else { return [] }
      case 1: offset += 8
      case 5: offset += 4
      case 2:
        guard let length = varint(bytes, &offset), length <= UInt64(bytes.count - offset) else { return [] }
        valueStart = offset
        offset += Int(length)
      default: return []
      }
      guard offset <= bytes.count else { return [] }
      fields.append(
        Field(start: start, tagEnd: tagEnd, valueStart: valueStart, end: offset, wireType: wireType))
    }
    return fields
  }

  private static func varint(_ bytes: [UInt8], _ offset: inout Int) -> UInt64? {
    var value: UInt64 = 0
    for shift in stride(from: UInt64(0), to: 64, by: 7) {
      guard offset < bytes.count else { return nil }
      let byte = bytes[offset]
      offset += 1
      value |= UInt64(byte & 0x7F) << shift
      if byte < 0x80 { return value }
    }
    return nil
  }

  static func varintBytes(_ value: UInt64) -> [UInt8] {
    var bytes: [UInt8] = []
    var rest = value
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
    return bytes
  }

  static func tag(_ fieldNumber: UInt64, _ wireType: UInt8) -> [UInt8] {
    varintBytes(fieldNumber << 3 | UInt64(wireType))
  }

  /// A field repeated right after itself or at the end: a scalar's last value wins, a message merges.
  private mutating func duplicateField(_ bytes: [UInt8]) -> [UInt8] {
    guard let field = Self.fields(of: bytes).randomElement(using: &random) else { return bytes }
    var result = bytes
    let copy = Array(bytes[field.start..<field.end])
    result.insert(contentsOf: copy, at: random.below(2) == 0 ? field.end : result.count)
    return result
  }

  private mutating func insertAtFieldBoundary(_ bytes: [UInt8], _ inserted: [UInt8]) -> [UInt8] {
    let boundaries = [0] + Self.fields(of: bytes).map(\.end)
    var result = bytes
    result.insert(contentsOf: inserted, at: boundaries[random.below(boundaries.count)])
    return result
  }

  private mutating func swapFields(_ bytes: [UInt8]) -> [UInt8] {
    let fields = Self.fields(of: bytes)
    guard fields.count >= 2 else { return bytes }
    let first = random.below(fields.count - 1)
    let (left, right) = (fields[first], fields[first + 1])
    return Array(bytes[..<left.start]) + bytes[right.start..<right.end] + bytes[left.start..<left.end]
      + bytes[right.end...]
  }

  /// One mutation inside a length-delimited field's value (a nested message), its length rewritten.
  private mutating func mutateInsideMessage(_ bytes: [UInt8], other: [UInt8]) -> [UInt8] {
    let candidates = Self.fields(of: bytes).filter { $0.wireType == 2 }
    guard let field = candidates.randomElement(using: &random) else { return mutateOnce(bytes, other: other) }
    let body = mutateOnce(Array(bytes[field.valueStart..<field.end]), other: [])
    return Array(bytes[..<field.tagEnd]) + Self.varintBytes(UInt64(body.count)) + body + bytes[field.end...]
  }

  /// A varint value (a tag, a number or a length) written with more bytes than it needs: up to the
  /// ten a varint may have, or eleven, which is too many.
  private mutating func lengthenVarint(_ bytes: [UInt8]) -> [UInt8] {
    guard let field = Self.fields(of: bytes).randomElement(using: &random) else { return bytes }
    let (start, end) =
      random.below(2) == 0 || field.wireType != 0 && field.wireType != 2
      ? (field.start, field.tagEnd) : (field.tagEnd, field.wireType == 2 ? field.valueStart : field.end)
    var varint = Array(bytes[start..<end])
    let padding = 1 + random.below(11 - varint.count)
    varint[varint.count - 1] |= 0x80
    varint += Array(repeating: 0x80, count: padding - 1) + [0x00]
    return Array(bytes[..<start]) + varint + bytes[end...]
  }

  // MARK: Unknown fields

  /// A field this schema does not have, or a known number with any wire type, well formed or not.
  mutating func unknownField() -> [UInt8] {
    let numbers: [UInt64] = [1, 2, 4, 5, 11, 12, 13, 15, 16, 100, 2_047, 2_048, 262_143, 536_870_911]
    let number = numbers[random.below(numbers.count)]
    switch random.below(9) {
    case 0: return Self.tag(number, 0) + Self.varintBytes(random.unsigned())
    case 1: return Self.tag(number, 1) + (0..<8).map { _ in randomByte() }
    case 2:
      let body = (0..<random.below(6)).map { _ in randomByte() }
      return Self.tag(number, 2) + Self.varintBytes(UInt64(body.count)) + body
    case 3: return group(number, depth: 1 + random.below(3))
    case 4: return Self.tag(number, 5) + (0..<4).map { _ in randomByte() }
    case 5: return group(number, depth: 95 + random.below(6))
    case 6: return Self.tag(number, 4)
    case 7: return Self.tag(number, 6 + UInt8(random.below(2)))
    default:
      // A tag written in six bytes: SwiftProtobuf reads it inside a group, not at message level.
      return [UInt8(number & 0xF) << 3 | 0x80, 0x80, 0x80, 0x80, 0x80, 0x00] + Self.varintBytes(1)
    }
  }

  /// A group `depth` deep, each level holding a field; sometimes its end names another field.
  private mutating func group(_ number: UInt64, depth: Int) -> [UInt8] {
    var bytes: [UInt8] = []
    for _ in 0..<depth { bytes += Self.tag(number, 3) + Self.tag(3, 0) + [0x01] }
    if random.below(4) == 0 {
      // A tag of six bytes inside the group: valid there.
      bytes += [0x88, 0x80, 0x80, 0x80, 0x80, 0x00, 0x05]
    }
    for _ in 0..<depth { bytes += Self.tag(random.below(10) == 0 ? number + 1 : number, 4) }
    return bytes
  }
}

extension Array {
  fileprivate func randomElement(using random: inout RandomEvents) -> Element? {
    isEmpty ? nil : self[random.below(count)]
  }
}
