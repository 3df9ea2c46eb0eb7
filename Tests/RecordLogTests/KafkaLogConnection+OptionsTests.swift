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

  @Test("both clients run without Nagle's algorithm unless -X says otherwise")
  func nagleIsOffByDefault() throws {
    guard case .kafka(let address) = try LogAddress(parsing: "kafka://127.0.0.1:9/events") else {
      Issue.record("not a Kafka address")
      return
    }
    let byDefault = try KafkaLogConnection(address: address, options: KafkaLogConnection.Options())
    #expect(
      Self.clientLines(byDefault.configurationDescription, containing: "socket.nagle.disable=true") == 2)

    var options = KafkaLogConnection.Options()
    try options.setProperty(parsing: "socket.nagle.disable=false")
    let overridden = try KafkaLogConnection(address: address, options: options)
    #expect(
      Self.clientLines(overridden.configurationDescription, containing: "socket.nagle.disable=false") == 2)
  }

  /// How many lines of a connection's description (one block per client) hold `text`.
  private static func clientLines(_ description: String, containing text: String) -> Int {
    description.split(separator: "\n").filter { $0.contains(text) }.count
  }
}
