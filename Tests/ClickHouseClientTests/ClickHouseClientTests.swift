import ClickHouseClient
import Foundation
import Testing
import TradelogTestSupport

@Suite struct ClickHouseClientTests {
  static let symbols = ["AAPL", "MSFT", "NVDA", "TSLA", "AMZN"]

  @Test func batchInsertOfHundredThousandRowsAggregatesToWhatWasInserted() async throws {
    let client = try TestServer.client()
    let table = TestServer.uniqueName("trades")
    try await client.execute(
      "CREATE TABLE \(table) (id UInt64, symbol String, quantity Int64) ENGINE = MergeTree ORDER BY id")
    var body = ""
    var expectedCounts = Array(repeating: 0, count: Self.symbols.count)
    var expectedSums = Array(repeating: Int64(0), count: Self.symbols.count)
    for id in 1...100_000 {
      let symbolIndex = (id * 31) % Self.symbols.count
      let quantity = Int64((id * 7_919) % 1_000 - 500)
      expectedCounts[symbolIndex] += 1
      expectedSums[symbolIndex] += quantity
      body += TabSeparated.row([String(id), Self.symbols[symbolIndex], String(quantity)])
    }

    try await client.insert(table: table, format: .tabSeparated, body: Data(body.utf8))

    let totals = try await client.queryRows("SELECT count(), sum(quantity), sum(id) FROM \(table)")
    #expect(totals == [["100000", String(expectedSums.reduce(0, +)), "5000050000"]])
    let bySymbol = try await client.queryRows(
      "SELECT symbol, count(), sum(quantity) FROM \(table) GROUP BY symbol ORDER BY symbol")
    let expected = Self.symbols.indices.sorted { Self.symbols[$0] < Self.symbols[$1] }.map {
      [Self.symbols[$0], String(expectedCounts[$0]), String(expectedSums[$0])]
    }
    #expect(bySymbol == expected)
    try await client.execute("DROP TABLE \(table)")
  }

  @Test func escapedValuesAndNullRoundTrip() async throws {
    let client = try TestServer.client()
    let table = TestServer.uniqueName("notes")
    try await client.execute(
      "CREATE TABLE \(table) (id UInt32, note Nullable(String)) ENGINE = MergeTree ORDER BY id")
    let notes: [String?] = [
      "plain", nil, "\\N", "tab\there", "line\nbreak\r\n", "back\\slash", "", "O'Brien \"q\"", "東京 🚀",
    ]
    let body = notes.enumerated().map { TabSeparated.row([String($0.offset), $0.element]) }.joined()

    try await client.insert(table: table, body: Data(body.utf8))

    let rows = try await client.queryRows("SELECT note FROM \(table) ORDER BY id")
    #expect(rows == notes.map { [$0] })
    try await client.execute("DROP TABLE \(table)")
  }

  @Test func queryReturnsTabSeparatedText() async throws {
    let client = try TestServer.client()
    let text = try await client.query("SELECT number, toString(number * 2) FROM system.numbers LIMIT 3")
    #expect(text == "0\t0\n1\t2\n2\t4\n")
  }

  @Test func syntaxErrorCarriesClickHouseMessage() async throws {
    let client = try TestServer.client()
    let error = try await #require(throws: ClickHouseError.self) { try await client.query("SELEC 1") }
    guard case .server(let status, let message) = error else {
      Issue.record("expected a server error, got \(error)")
      return
    }
    #expect(status != 200)
    #expect(message.contains("Syntax error"))
    #expect(error.code == 62)
  }

  /// Megabytes of rows come before the failure: without buffering the answer, the server would
  /// already have said 200 OK and the error would hide at the end of the body.
  @Test func failureAfterManyRowsIsStillAnError() async throws {
    let client = try TestServer.client()
    let error = try await #require(throws: ClickHouseError.self) {
      try await client.query("SELECT throwIf(number = 3000000) FROM system.numbers LIMIT 5000000")
    }
    #expect(error.code == 395)
    #expect(error.description.contains("throwIf"))
  }

  @Test func unknownTableCarriesClickHouseMessage() async throws {
    let client = try TestServer.client()
    let table = TestServer.uniqueName("missing")
    let error = try await #require(throws: ClickHouseError.self) {
      try await client.insert(table: table, body: Data("1\n".utf8))
    }
    #expect(error.description.contains("\(table) doesn't exist"))
    #expect(error.code == 60)
  }

  @Test func malformedInsertDataFailsWithoutStoringRows() async throws {
    let client = try TestServer.client()
    let table = TestServer.uniqueName("malformed")
    try await client.execute("CREATE TABLE \(table) (id UInt64) ENGINE = MergeTree ORDER BY id")

    let error = try await #require(throws: ClickHouseError.self) {
      try await client.insert(table: table, body: Data("1\n2\nthree\n".utf8))
    }

    #expect(error.code != nil)
    #expect(try await client.queryRows("SELECT count() FROM \(table)") == [["0"]])
    try await client.execute("DROP TABLE \(table)")
  }

  /// An empty body is an insert of no rows: it has no bytes to point libcurl at, and still succeeds.
  @Test func emptyInsertStoresNothing() async throws {
    let client = try TestServer.client()
    let table = TestServer.uniqueName("empty")
    try await client.execute("CREATE TABLE \(table) (id UInt64) ENGINE = MergeTree ORDER BY id")

    try await client.insert(table: table, body: Data())

    #expect(try await client.queryRows("SELECT count() FROM \(table)") == [["0"]])
    try await client.execute("DROP TABLE \(table)")
  }

  @Test func databaseOptionQualifiesUnqualifiedNames() async throws {
    let database = TestServer.uniqueName("database")
    try await TestServer.client().execute("CREATE DATABASE \(database)")
    let client = try ClickHouseClient(url: LocalServices.clickHouseURL, database: database)

    let current = try await client.queryRows("SELECT currentDatabase()")

    #expect(current == [[database]])
    try await client.execute("DROP DATABASE \(database)")
  }

  @Test func refusedConnectionIsConnectionFailed() async throws {
    let client = try ClickHouseClient(url: TestServer.refusedURL)
    let error = try await #require(throws: ClickHouseError.self) { try await client.execute("SELECT 1") }
    guard case .connectionFailed = error else {
      Issue.record("expected connectionFailed, got \(error)")
      return
    }
    #expect(error.description.contains("127.0.0.1:1"))
  }

  /// The projector inserts while it reads and queries: requests on one client overlap, each on its
  /// own connection, and every answer belongs to its own request.
  @Test func concurrentRequestsOnOneClientAllSucceed() async throws {
    let client = try TestServer.client()
    let table = TestServer.uniqueName("concurrent")
    try await client.execute("CREATE TABLE \(table) (id UInt64) ENGINE = MergeTree ORDER BY id")
    let requestCount = 16

    let answers = try await withThrowingTaskGroup(of: (Int, String).self) { group in
      for index in 0..<requestCount {
        group.addTask {
          // Even requests insert their own row, odd ones run a query whose answer names them.
          if index.isMultiple(of: 2) {
            try await client.insert(table: table, body: Data("\(index)\n".utf8))
            return (index, "inserted")
          }
          return (
            index, try await client.query("SELECT \(index) * 1000 + number FROM system.numbers LIMIT 2")
          )
        }
      }
      var answers = Array(repeating: "", count: requestCount)
      for try await (index, answer) in group { answers[index] = answer }
      return answers
    }

    for index in 0..<requestCount {
      let expected = index.isMultiple(of: 2) ? "inserted" : "\(index * 1000)\n\(index * 1000 + 1)\n"
      #expect(answers[index] == expected)
    }
    let stored = try await client.queryRows("SELECT id FROM \(table) ORDER BY id")
    #expect(stored == stride(from: 0, to: requestCount, by: 2).map { [String($0)] })
    try await client.execute("DROP TABLE \(table)")
  }

  @Test func serverThatNeverAnswersFailsAfterTheTimeout() async throws {
    let server = try SilentServer()
    let client = try ClickHouseClient(url: server.url, timeoutSeconds: 1)

    let error = try await #require(throws: ClickHouseError.self) { try await client.query("SELECT 1") }

    guard case .transportFailed(_, let message) = error else {
      Issue.record("expected transportFailed, got \(error)")
      return
    }
    #expect(message.contains("sent nothing for 1.0 seconds"))
    #expect(error.description.contains(server.url))
    withExtendedLifetime(server) {}
  }

  @Test func addressWithoutHostIsInvalidURL() {
    #expect(throws: ClickHouseError.self) { try ClickHouseClient(url: "127.0.0.1:8123") }
  }
}
