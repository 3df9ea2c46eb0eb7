import Foundation

/// The pipeline benchmark's results: one row per figure, each next to the reference it is compared
/// with (measured in the same run where possible) and the ratio of the two.
struct PipelineTable {
  struct Row {
    var backend: String
    var metric: String
    var figure: String
    var reference: String
    var ratio: String
  }

  private(set) var rows: [Row] = []

  mutating func add(backend: String, metric: String, figure: String, reference: String, ratio: String) {
    let row = Row(backend: backend, metric: metric, figure: figure, reference: reference, ratio: ratio)
    rows.append(row)
    // Printed as soon as measured too: a long run shows its progress.
    print("  \(row.backend) | \(row.metric) | \(row.figure) | \(row.reference) | \(row.ratio)")
  }

  func printed() -> String {
    let header = Row(
      backend: "backend", metric: "metric", figure: "figure", reference: "reference", ratio: "ratio")
    let all = [header] + rows
    let widths = [
      all.map(\.backend.count).max()!, all.map(\.metric.count).max()!, all.map(\.figure.count).max()!,
      all.map(\.reference.count).max()!, all.map(\.ratio.count).max()!,
    ]
    var lines: [String] = []
    for (index, row) in all.enumerated() {
      let cells = [row.backend, row.metric, row.figure, row.reference, row.ratio]
      lines.append(
        zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(
          separator: "  "))
      if index == 0 { lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
    }
    return lines.joined(separator: "\n")
  }
}
