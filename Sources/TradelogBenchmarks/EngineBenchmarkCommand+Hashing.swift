import AcceleratedSHA256
import ArgumentParser
import TradelogCore

extension EngineBenchmarkCommand {
  /// The bytes of one typical chain step: the previous 32-byte chain hash, then a batch of about 116
  /// bytes (one command's events without the hash).
  static let chainStepBatchByteCount = 116
  static let chainStepByteCount = SHA256.digestByteCount + chainStepBatchByteCount

  /// What one compression did over the chain steps.
  struct ChainHashRun {
    var stepsPerSecond: Double
    var lastDigest: [UInt8]

    var megabytesPerSecond: Double { stepsPerSecond * Double(chainStepByteCount) / 1e6 }
  }

  /// SHA-256 over chain steps as the sequencer hashes them, on the portable Swift compression and on
  /// the SHA extensions, in the same run: the extensions' figure as a ratio of the portable one.
  func chainHashThroughput() throws {
    print(
      "\n== SHA-256 chain steps: \(grouped(Double(chainSteps))) × \(Self.chainStepByteCount) bytes "
        + "(\(SHA256.digestByteCount)-byte previous hash + \(Self.chainStepBatchByteCount)-byte batch)")
    let portable = chainHashRun(blockCompression: nil)
    print("portable Swift:        \(describe(portable))")
    guard let blockCompression = SHAExtensions.blockCompression else {
      print("SHA extensions:        not on this CPU (no sha_ni): the hot paths hash with the portable Swift")
      return
    }
    let extensions = chainHashRun(blockCompression: blockCompression)
    guard extensions.lastDigest == portable.lastDigest else {
      throw ValidationError("the SHA extensions and the portable Swift end the chain on different digests")
    }
    print("SHA extensions:        \(describe(extensions))")
    print(
      "extensions/portable:   \(fixed(extensions.stepsPerSecond / portable.stepsPerSecond))x   "
        + "(same final digest)")
  }

  private func describe(_ run: ChainHashRun) -> String {
    "\(fixed(run.megabytesPerSecond, 1)) MB/s   (\(grouped(run.stepsPerSecond)) steps/s, "
      + "\(fixed(1e9 / run.stepsPerSecond, 0)) ns/step, best of \(repetitions))"
  }

  /// Hashes `chainSteps` steps, each over the previous step's digest and the same batch, like
  /// `EventChain`: the digest feeds the next step, so no step can be skipped or overlapped.
  private func chainHashRun(blockCompression: SHA256.BlockCompression?) -> ChainHashRun {
    let batch = (0..<Self.chainStepBatchByteCount).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
    var lastDigest: [UInt8] = []
    let best = RunMeasurement.best(of: repetitions) {
      var previousHash = [UInt8](repeating: 0, count: SHA256.digestByteCount)
      for _ in 0..<chainSteps {
        var hasher = SHA256(blockCompression: blockCompression)
        hasher.update(previousHash)
        hasher.update(batch)
        previousHash = hasher.finalize()
      }
      lastDigest = previousHash
    }
    return ChainHashRun(stepsPerSecond: Double(chainSteps) / best.seconds, lastDigest: lastDigest)
  }
}
