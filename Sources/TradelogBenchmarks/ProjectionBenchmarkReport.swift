/// The projection benchmark's table: for each store, the projector's figures next to the raw load's,
/// and the ratio (projector / raw; higher is better, 1.0 is as fast as raw).
struct ProjectionBenchmarkReport {
  let measurements: [StoreMeasurement]

  var text: String {
    var lines = [
      "",
      "== projector rebuild from offset zero vs raw load of the same rows (same run)",
      row("store", "metric", "figure", "reference", "ratio"),
    ]
    for measurement in measurements {
      lines += [
        row(
          measurement.store, "events/s", grouped(measurement.eventsPerSecond),
          grouped(measurement.referenceEventsPerSecond), percent(measurement.ratio)),
        row(
          measurement.store, "batches/s", grouped(measurement.batchesPerSecond),
          grouped(measurement.referenceBatchesPerSecond), percent(measurement.ratio)),
        row(
          measurement.store, "seconds", fixed(measurement.seconds), fixed(measurement.referenceSeconds),
          percent(measurement.ratio)),
      ]
    }
    lines.append("")
    for measurement in measurements {
      let projected = Double(ProjectionBenchmarkCommand.rebuildBatches) / measurement.batchesPerSecond
      lines.append(
        "\(measurement.store): \(grouped(Double(measurement.batches))) batches, "
          + "\(grouped(Double(measurement.events))) events, \(grouped(Double(measurement.rows))) rows; "
          + "reference: \(measurement.referenceName); 1,000,000 batches at this rate: \(fixed(projected, 1)) s "
          + "(target <= \(Int(ProjectionBenchmarkCommand.rebuildSecondsMax)) s)")
    }
    return lines.joined(separator: "\n")
  }

  private func row(_ cells: String...) -> String {
    let widths = [12, 10, 12, 12, 6]
    return zip(cells, widths).map { cell, width in
      cell.count >= width ? cell : cell + String(repeating: " ", count: width - cell.count)
    }.joined(separator: "  ")
  }

  private func percent(_ ratio: Double) -> String {
    "\(Int((ratio * 100).rounded())) %"
  }
}
