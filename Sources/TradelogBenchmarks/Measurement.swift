import CAllocationCounter
import Foundation

/// What one timed run measured.
struct RunMeasurement {
  var seconds: Double
  var allocations: UInt64

  /// Runs `body` and measures its wall-clock time and heap allocations.
  static func of(_ body: () throws -> Void) rethrows -> RunMeasurement {
    let clock = ContinuousClock()
    let allocationsBefore = tradelog_allocation_count()
    let start = clock.now
    try body()
    let elapsed = start.duration(to: clock.now)
    let allocations = tradelog_allocation_count() - allocationsBefore
    return RunMeasurement(seconds: elapsed.seconds, allocations: allocations)
  }

  /// The fastest of `repetitions` runs: the one least disturbed by the rest of the machine.
  static func best(of repetitions: Int, _ body: () throws -> Void) rethrows -> RunMeasurement {
    var best: RunMeasurement?
    for _ in 0..<repetitions {
      let run = try of(body)
      if best == nil || run.seconds < best!.seconds { best = run }
    }
    return best!
  }
}

/// Bytes the heap has handed out and not yet taken back (glibc's count).
func heapBytesInUse() -> Int {
  Int(tradelog_heap_bytes_in_use())
}

extension Duration {
  var seconds: Double {
    Double(components.seconds) + Double(components.attoseconds) / 1e18
  }
}

/// Formats with thousands separators: 12345678 → "12,345,678".
func grouped(_ value: Double) -> String {
  let digits = String(Int(value.rounded()))
  var result = ""
  for (index, character) in digits.reversed().enumerated() {
    if index > 0, index % 3 == 0, character != "-" { result.append(",") }
    result.append(character)
  }
  return String(result.reversed())
}

func fixed(_ value: Double, _ decimals: Int = 2) -> String {
  String(format: "%.\(decimals)f", value)
}
