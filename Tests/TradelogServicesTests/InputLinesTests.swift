import Foundation
import Testing
import TradelogServices
import TradelogTestSupport

@Suite struct InputLinesTests {
  /// All lines of a file holding `text`.
  private func lines(of bytes: [UInt8]) throws -> [InputLines.Line] {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let file = directory.file("input")
    try Data(bytes).write(to: file)
    let input = try InputLines(path: file.path)
    var lines: [InputLines.Line] = []
    while let chunk = try input.nextLines() { lines += chunk }
    return lines
  }

  @Test func numbersLinesFromOneAndDropsCarriageReturns() throws {
    let lines = try lines(of: Array("a\r\n\nb\nlast".utf8))
    #expect(lines.map(\.text) == ["a", "", "b", "last"])
    #expect(lines.map(\.number) == [1, 2, 3, 4])
  }

  @Test func aFinalLineBreakStartsNoLine() throws {
    #expect(try lines(of: Array("a\nb\n".utf8)).map(\.text) == ["a", "b"])
    #expect(try lines(of: []).isEmpty)
  }

  @Test func linesLongerThanAChunkArriveWhole() throws {
    let long = String(repeating: "x", count: 200_000)
    let lines = try lines(of: Array("short\n\(long)\nend\n".utf8))
    #expect(lines.map(\.text) == ["short", long, "end"])
  }

  @Test func anInputThatIsNotLineOrientedIsRefused() throws {
    let bytes = [UInt8](repeating: UInt8(ascii: "x"), count: InputLines.lineLengthMaximum + 100_000)
    #expect(throws: ProducerError.lineTooLong(line: 1, maximum: InputLines.lineLengthMaximum)) {
      try lines(of: bytes)
    }
  }

  @Test func aMissingFileSaysSo() {
    #expect {
      try InputLines(path: "/nonexistent/commands.jsonl")
    } throws: { error in
      "\(error)".contains("cannot read /nonexistent/commands.jsonl: No such file or directory")
    }
  }
}
