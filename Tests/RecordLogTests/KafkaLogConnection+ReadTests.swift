import Testing

@testable import RecordLog

@Suite("KafkaLogConnection reads")
struct KafkaLogConnectionReadTests {
  /// The contract suite shows that reads work after `stopReadingAhead()`; this shows that the
  /// fetching consumer really is gone until the next read makes one (a sequencer's events log
  /// would otherwise fetch back every batch it appends).
  @Test("stopping reading ahead closes the fetching consumer until the next read")
  func stopReadingAheadClosesTheConsumer() throws {
    let log = try KafkaMockLog(label: "read-ahead-closed")
    let connection = try log.open()
    try connection.append(NewRecord(text: "a"))
    #expect(!connection.reader.isReadingAhead)
    #expect(try connection.read(from: 0, max: 10).map(\.text) == ["a"])
    #expect(connection.reader.isReadingAhead)
    connection.stopReadingAhead()
    #expect(!connection.reader.isReadingAhead)
    #expect(try connection.read(from: 0, max: 10).map(\.text) == ["a"])
    #expect(connection.reader.isReadingAhead)
  }
}
