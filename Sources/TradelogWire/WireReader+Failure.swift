extension WireReader {
  /// Why bytes are not a protobuf message, and where (the byte offset in the record of the field
  /// or value that is wrong). SwiftProtobuf rejects the same bytes, with less precise errors.
  enum Failure: Error, Equatable, CustomStringConvertible {
    /// A value runs past the end of its message: the record is cut short, or a length is wrong.
    case truncated(offset: Int)
    /// A varint longer than ten bytes, or cut short by the end of its message.
    case malformedVarint(offset: Int)
    /// A tag with wire type 6 or 7, field number 0, more bytes than a tag may have, or an end-group
    /// tag that ends no group.
    case invalidTag(offset: Int)
    /// A string that is not valid UTF-8.
    case invalidUTF8(offset: Int)
    /// A string, bytes or message of 2 GiB or more.
    case tooLong(offset: Int)
    /// Messages and groups nested more than `WireReader.depthLimit` deep.
    case nestedTooDeep(offset: Int)

    var description: String {
      switch self {
      case .truncated(let offset): "the field at byte \(offset) runs past the end of its message"
      case .malformedVarint(let offset): "the varint at byte \(offset) is longer than ten bytes or cut short"
      case .invalidTag(let offset):
        "the tag at byte \(offset) is invalid (wire type 6 or 7, field 0, too long, or an unmatched group end)"
      case .invalidUTF8(let offset): "the string at byte \(offset) is not valid UTF-8"
      case .tooLong(let offset): "the value at byte \(offset) claims 2 GiB or more"
      case .nestedTooDeep(let offset):
        "the value at byte \(offset) nests messages or groups more than \(WireReader.depthLimit) deep"
      }
    }
  }
}
