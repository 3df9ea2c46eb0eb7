/// Where an event sits: its batch's `seq` and timestamp, and its 0-based index in the batch. Every
/// projected row carries it, so a row names the one event it came from.
struct EventPlace: Sendable {
  var seq: UInt64
  var timestamp: Int64
  var index: UInt32
}
