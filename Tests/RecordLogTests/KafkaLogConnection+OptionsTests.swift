import KafkaClient
import RecordLog
import Testing

@Suite("KafkaLogConnection options")
struct KafkaLogConnectionOptionsTests {
  @Test("a property given as key=value is set; the value may hold `=`, and a later one replaces it")
  func setProperty() throws {
    var options = KafkaLogConnection.Options()
    try options.setProperty(parsing: "sasl.password=a=b")
    try options.setProperty(parsing: "linger.ms=5")
    try options.setProperty(parsing: "linger.ms=7")
    #expect(options.properties["sasl.password"] == "a=b")
    #expect(options.properties["linger.ms"] == "7")
    #expect(options.properties.properties.map(\.key) == ["sasl.password", "linger.ms"])
  }

  @Test("a malformed pair is refused, saying the form it must take", arguments: ["linger.ms", "=5", ""])
  func malformed(text: String) throws {
    var options = KafkaLogConnection.Options()
    let error = try #require(throws: RecordLogError.self) { try options.setProperty(parsing: text) }
    #expect(error.kind == .invalidRequest)
    #expect(error.message.contains("key=value"))
    #expect(options.properties.properties.isEmpty)
  }
}
