import Foundation
import LZ4Frame
import Testing
import TradelogTestSupport

/// Interoperability with the `lz4` command line tool, both ways: snapshots must open with it.
@Suite("LZ4Frame and the lz4 tool")
struct LZ4FrameCommandLineTests {
  static func lz4(_ arguments: [String], input: [UInt8]? = nil) throws -> [UInt8] {
    let result = try Subprocess.run("lz4", arguments, input: input.map { Data($0) })
    guard result.status == 0 else {
      Issue.record("lz4 \(arguments.joined(separator: " ")) exited \(result.status): \(result.standardError)")
      return []
    }
    return [UInt8](result.standardOutput)
  }

  @Test("lz4 -d reads our one-shot frames", arguments: [0, 1, 3_000_017])
  func toolReadsOneShotFrames(count: Int) throws {
    let input = TestBytes.semiCompressible(count: count, seed: 21)
    let frame = try LZ4FrameEncoder.compress(input)
    #expect(TestBytes.same(try Self.lz4(["-d", "-c"], input: frame), input))
  }

  @Test("lz4 -d reads our streamed frames with linked 64 KiB blocks")
  func toolReadsStreamedFrames() throws {
    let input = TestBytes.semiCompressible(count: 2_500_000, seed: 22)
    let encoder = try LZ4FrameEncoder(options: LZ4FrameOptions(blockSize: .max64KiB, blockMode: .linked))
    var frame: [UInt8] = []
    for start in stride(from: 0, to: input.count, by: 100_003) {
      try encoder.compress(Array(input[start..<min(start + 100_003, input.count)]), appendingTo: &frame)
    }
    try encoder.finish(appendingTo: &frame)
    #expect(TestBytes.same(try Self.lz4(["-d", "-c"], input: frame), input))
  }

  @Test(
    "we read frames written by lz4",
    arguments: [["-1"], ["-9"], ["-1", "--content-size"], ["-1", "-BD"], ["-9", "-BD", "-B4"]])
  func weReadToolFrames(arguments: [String]) throws {
    let input = TestBytes.semiCompressible(count: 2_000_003, seed: 23)
    // --content-size needs a file: lz4 cannot know the size of standard input.
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let inputFile = directory.file("input")
    try Data(input).write(to: inputFile)
    let frame = try Self.lz4(arguments + ["-c", inputFile.path])
    let contentSizeFlag: UInt8 = 0x08
    #expect((frame[4] & contentSizeFlag != 0) == arguments.contains("--content-size"))
    let output = try LZ4FrameDecoder.decompress(frame, maximumOutputSize: input.count)
    #expect(TestBytes.same(output, input))
  }

  @Test("we read an lz4 frame from standard input, given in chunks")
  func weReadToolFrameInChunks() throws {
    let input = TestBytes.semiCompressible(count: 1_000_000, seed: 24)
    let frame = try Self.lz4(["-1", "-c"], input: input)
    let decoder = try LZ4FrameDecoder(maximumOutputSize: input.count)
    var output: [UInt8] = []
    for start in stride(from: 0, to: frame.count, by: 4097) {
      try decoder.decode(Array(frame[start..<min(start + 4097, frame.count)]), appendingTo: &output)
    }
    try decoder.finish()
    #expect(TestBytes.same(output, input))
  }
}
