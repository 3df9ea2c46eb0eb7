/// A value read from a protobuf message, field by field.
protocol WireMergeable {
  /// The value of a message without fields: every field at its proto3 default.
  static var wireDefault: Self { get }

  /// Reads the message's fields over this value: a scalar field replaces the value's (the last
  /// one read wins), a message field merges into it.
  mutating func merge(from reader: inout WireReader) throws(WireReader.Failure)
}
