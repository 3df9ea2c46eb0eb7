import RecordLog
import Testing

@Suite("LogAddress parsing")
struct LogAddressParsingTests {
  @Test(
    "sqlite addresses name a local file",
    arguments: [
      ("sqlite:data/commands.db", "data/commands.db"),
      ("sqlite:/var/lib/tradelog/events.db", "/var/lib/tradelog/events.db"),
      ("SQLite:commands.db", "commands.db"),
      ("sqlite:///var/lib/tradelog/events.db", "/var/lib/tradelog/events.db"),
      ("sqlite:name with spaces?.db", "name with spaces?.db"),
    ])
  func sqliteAddress(text: String, path: String) throws {
    let address = try LogAddress(parsing: text)
    #expect(address == .sqlite(path: path))
    #expect(try LogAddress(parsing: address.description) == address)
  }

  @Test("an address is written back as it is parsed")
  func description() throws {
    #expect(try LogAddress(parsing: "sqlite:data/commands.db").description == "sqlite:data/commands.db")
    let kafka = "kafka://localhost:9092/tradelog.events?partition=0"
    #expect(try LogAddress(parsing: kafka).description == kafka)
  }

  @Test(
    "bad addresses say what is wrong and how to write one",
    arguments: [
      ("", "names no scheme"),
      ("commands.db", "write sqlite:commands.db"),
      ("sqlite:", "names no file"),
      ("sqlite://server/commands.db", "a local file, not a host"),
      ("postgres://localhost/tradelog", "the scheme `postgres` is unknown"),
    ])
  func badAddress(text: String, reason: String) throws {
    let error = try #require(throws: RecordLogError.self) { try LogAddress(parsing: text) }
    #expect(error.kind == .invalidAddress)
    #expect(error.message.contains(reason))
    #expect(error.message.contains("`\(text)`"))
    #expect(error.message.contains("kafka://localhost:9092/tradelog.commands"))
  }
}
